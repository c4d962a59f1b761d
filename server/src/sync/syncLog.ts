import type { Kysely, Transaction } from 'kysely';
import type { Database, SyncBindingRow, SyncLogTable } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface SyncLogEntry {
  direction: SyncLogTable['direction'];
  action: SyncLogTable['action'];
  entityId?: string | null;
  subject?: string | null;
  /** A reason code (see syncLogReasons.ts), optionally `code|detail`. */
  reason: string;
}

/** Appends to the user's sync log: what the sync did to which item, and why. */
export async function logSync(
  db: Db,
  binding: Pick<SyncBindingRow, 'id' | 'user_id'>,
  entry: SyncLogEntry,
  at: Date,
): Promise<void> {
  await db
    .insertInto('sync_log')
    .values({
      binding_id: binding.id,
      user_id: binding.user_id,
      at: at.toISOString(),
      direction: entry.direction,
      action: entry.action,
      entity_id: entry.entityId ?? null,
      subject: entry.subject ?? null,
      reason: entry.reason,
    })
    .execute();
}

/** The newest entries of one binding's log (one user and kind). */
export function recentSyncLog(db: Db, userId: string, bindingId: string, limit = 50) {
  return db
    .selectFrom('sync_log')
    .selectAll()
    .where('user_id', '=', userId)
    .where('binding_id', '=', bindingId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
