import type { Kysely, Transaction } from 'kysely';
import type { Database, SyncKind } from '../store/schema.js';

/**
 * Records, in the caller's transaction, that a user's synced items changed. The sync pushes what the item is
 * when it runs, so several changes to one item cost one push; rows for users who do not sync are dropped then.
 */
export async function recordSyncChange(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
  kind: SyncKind,
  entityId: string,
  at: string,
): Promise<void> {
  await db.insertInto('sync_outbox').values({ user_id: userId, kind, entity_id: entityId, created_at: at }).execute();
}
