import type { Kysely, Transaction } from 'kysely';
import type { Database, SyncBindingRow, SyncItemFailuresTable } from '../store/schema.js';
import { logSync } from './syncLog.js';

type Db = Kysely<Database> | Transaction<Database>;
type Binding = Pick<SyncBindingRow, 'id' | 'user_id'>;
export type FailureSide = SyncItemFailuresTable['side'];

/**
 * How many runs try an item that fails on its own before it is set aside: enough to ride out a passing
 * state (an item changed while it was read), few enough that a poison item costs little.
 */
export const MAX_ITEM_ATTEMPTS = 3;
// Each run retries at most this many failed items per side, so a flood of them cannot make a run endless.
export const RETRIES_PER_RUN = 50;

export interface ItemFailure {
  side: FailureSide;
  /** The Graph id (from Microsoft 365) or the CRM id (to Microsoft 365). */
  itemId: string;
  entityId?: string | null;
  label?: string | null;
  /** A sync log reason (`code` or `code|detail`). */
  reason: string;
}

/**
 * Counts a failed attempt at one item and logs it; the attempt that reaches MAX_ITEM_ATTEMPTS sets the item aside
 * (logged as such). The run goes on with the other items either way.
 */
export async function noteItemFailure(db: Db, binding: Binding, failure: ItemFailure, at: Date): Promise<void> {
  const existing = await db
    .selectFrom('sync_item_failures')
    .selectAll()
    .where('binding_id', '=', binding.id)
    .where('side', '=', failure.side)
    .where('item_id', '=', failure.itemId)
    .executeTakeFirst();
  const attempts = (existing?.attempts ?? 0) + 1;
  const state = attempts >= MAX_ITEM_ATTEMPTS ? 'set_aside' : 'retrying';
  const values = {
    entity_id: failure.entityId ?? existing?.entity_id ?? null,
    label: failure.label ?? existing?.label ?? null,
    attempts,
    state,
    reason: failure.reason,
    last_failed_at: at.toISOString(),
  } as const;
  if (existing) await db.updateTable('sync_item_failures').set(values).where('id', '=', existing.id).execute();
  else
    await db
      .insertInto('sync_item_failures')
      .values({
        binding_id: binding.id,
        side: failure.side,
        item_id: failure.itemId,
        since: at.toISOString(),
        ...values,
      })
      .execute();
  const settingAside = state === 'set_aside' && existing?.state !== 'set_aside';
  await logSync(
    db,
    binding,
    {
      direction: failure.side,
      action: settingAside ? 'set_aside' : 'error',
      entityId: values.entity_id,
      subject: values.label,
      reason: failure.reason,
    },
    at,
  );
}

/** The item went through: it is no longer failing. */
export async function clearItemFailure(db: Db, bindingId: string, side: FailureSide, itemId: string): Promise<void> {
  await db
    .deleteFrom('sync_item_failures')
    .where('binding_id', '=', bindingId)
    .where('side', '=', side)
    .where('item_id', '=', itemId)
    .execute();
}

/**
 * The items of one side that a run tries again, oldest failure first: those that failed before the run began
 * (an item that failed earlier in this run waits for the next one, so attempts are spread over runs). Times have
 * millisecond resolution and a run can follow the last one within the same millisecond, so a failure stamped with
 * the run's own start counts as before it: otherwise that run would skip the item and it would never be set aside.
 */
export async function itemsToRetry(
  db: Db,
  bindingId: string,
  side: FailureSide,
  failedBefore: Date,
): Promise<string[]> {
  const rows = await db
    .selectFrom('sync_item_failures')
    .select('item_id')
    .where('binding_id', '=', bindingId)
    .where('side', '=', side)
    .where('state', '=', 'retrying')
    .where('last_failed_at', '<=', failedBefore.toISOString())
    .orderBy('last_failed_at')
    .orderBy('id')
    .limit(RETRIES_PER_RUN)
    .execute();
  return rows.map((row) => row.item_id);
}

/** The binding's set-aside items, newest first. */
export function setAsideItems(db: Db, bindingId: string) {
  return db
    .selectFrom('sync_item_failures')
    .selectAll()
    .where('binding_id', '=', bindingId)
    .where('state', '=', 'set_aside')
    .orderBy('last_failed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}

/**
 * The user asks to try set-aside items again (one by id, or all): each gets one more attempt in the next run,
 * and is set aside again if that fails too. Returns how many were taken back.
 */
export async function retrySetAside(db: Db, bindingId: string, id?: number): Promise<number> {
  let query = db
    .updateTable('sync_item_failures')
    .set({ state: 'retrying', attempts: MAX_ITEM_ATTEMPTS - 1 })
    .where('binding_id', '=', bindingId)
    .where('state', '=', 'set_aside');
  if (id !== undefined) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
