import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, SyncBindingRow, SyncKind } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export function findBinding(db: Db, userId: string, kind: SyncKind): Promise<SyncBindingRow | undefined> {
  return db
    .selectFrom('sync_bindings')
    .selectAll()
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export function findBindingById(db: Db, id: string): Promise<SyncBindingRow | undefined> {
  return db.selectFrom('sync_bindings').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Starts a new round of sync for a user and kind: a fresh generation with no container, cursor or links yet.
 * Re-enabling reuses the row (one binding per user and kind) and forgets everything of the previous round.
 */
export async function startBinding(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
  kind: SyncKind,
  now: Date,
): Promise<SyncBindingRow> {
  return db.transaction().execute(async (trx) => {
    const existing = await findBinding(trx, userId, kind);
    const at = now.toISOString();
    const fresh = {
      status: 'active' as const,
      stage: 'initial' as const,
      container_id: null,
      delta_link: null,
      subscription_id: null,
      subscription_expires_at: null,
      client_state: randomBytes(24).toString('base64url'),
      initial_total: 0,
      initial_done: 0,
      last_run_at: null,
      last_success_at: null,
      last_error_code: null,
      last_error_at: null,
      consecutive_failures: 0,
      disabled_reason: null,
      enabled_at: at,
      reviewed_at: at,
      updated_at: at,
    };
    if (existing) {
      await trx.deleteFrom('sync_links').where('binding_id', '=', existing.id).execute();
      await trx.deleteFrom('sync_item_failures').where('binding_id', '=', existing.id).execute();
      await trx
        .updateTable('sync_bindings')
        .set({ ...fresh, generation: existing.generation + 1 })
        .where('id', '=', existing.id)
        .execute();
      return { ...existing, ...fresh, generation: existing.generation + 1 };
    }
    const row: SyncBindingRow = {
      id: randomUUID(),
      organisation_id: organisationId,
      user_id: userId,
      kind,
      generation: 1,
      created_at: at,
      ...fresh,
    };
    await trx.insertInto('sync_bindings').values(row).execute();
    return row;
  });
}

/** Ends a round: no more runs; links and pending outbox rows are dropped (the CRM keeps every item). */
export async function stopBinding(
  db: Kysely<Database>,
  binding: SyncBindingRow,
  reason: 'user' | 'container_deleted' | 'user_deactivated',
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sync_bindings')
      .set({
        status: 'disabled',
        disabled_reason: reason,
        delta_link: null,
        subscription_id: null,
        subscription_expires_at: null,
        updated_at: now.toISOString(),
      })
      .where('id', '=', binding.id)
      .where('generation', '=', binding.generation)
      .execute();
    await trx.deleteFrom('sync_links').where('binding_id', '=', binding.id).execute();
    await trx.deleteFrom('sync_item_failures').where('binding_id', '=', binding.id).execute();
    await trx
      .deleteFrom('sync_outbox')
      .where('user_id', '=', binding.user_id)
      .where('kind', '=', binding.kind)
      .execute();
  });
}

/** Applies changes to the binding only while it is still the same round (a disable or re-enable wins over a late run). */
export async function updateBinding(
  db: Db,
  binding: Pick<SyncBindingRow, 'id' | 'generation'>,
  changes: Partial<SyncBindingRow>,
): Promise<boolean> {
  const result = await db
    .updateTable('sync_bindings')
    .set(changes)
    .where('id', '=', binding.id)
    .where('generation', '=', binding.generation)
    .where('status', '!=', 'disabled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
