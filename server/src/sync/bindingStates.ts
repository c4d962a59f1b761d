import { randomBytes, randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { Database, SyncBindingRow, SyncBindingsTable, SyncKind } from '../store/schema.js';
import { findBinding } from './bindings.js';
import { forgetAllLinks } from './syncLinks.js';

/**
 * A binding's life as a state machine (docs/ARCHITECTURE.md, "A binding's states"). Every change of a binding row
 * is one of the moves below; each names the states it may start from. A move from any other state, or on a binding
 * that was stopped or enabled again since the caller read it (another generation), changes nothing and returns
 * false: a disable or re-enable always wins over a run that is still under way.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** What a person sees: off, the first sync running, on, or waiting for them to reconnect. */
export type BindingState = 'off' | 'first_sync' | 'on' | 'reconnect_required';

export function bindingState(binding: Pick<SyncBindingRow, 'status' | 'stage'>): BindingState {
  if (binding.status === 'disabled') return 'off';
  if (binding.status === 'reconnect_required') return 'reconnect_required';
  return binding.stage === 'initial' ? 'first_sync' : 'on';
}

/** Why a round ended (shown in the pane and the log). */
export type StopReason = 'user' | 'container_deleted' | 'user_deactivated';

const LIVE: readonly BindingState[] = ['first_sync', 'on', 'reconnect_required'];

/** Each move with the states it may start from. `start` may also begin where no binding exists yet. */
export const BINDING_MOVES = {
  start: ['off'],
  containerCreated: ['first_sync'],
  subscriptionRenewed: LIVE,
  resumed: LIVE,
  runStarted: ['first_sync', 'on'],
  firstSyncCounted: ['first_sync'],
  firstSyncProgressed: ['first_sync'],
  firstSyncDone: ['first_sync'],
  cursorAdvanced: ['on'],
  reviewed: ['on'],
  runSucceeded: ['on'],
  runFailed: ['first_sync', 'on'],
  stopped: LIVE,
} as const satisfies Record<string, readonly BindingState[]>;

export type BindingMove = keyof typeof BINDING_MOVES;

/** Whether the move may start from this state. */
export function allowedFrom(move: BindingMove, state: BindingState): boolean {
  return (BINDING_MOVES[move] as readonly BindingState[]).includes(state);
}

type Round = Pick<SyncBindingRow, 'id' | 'generation'>;

function inState(eb: ExpressionBuilder<Database, 'sync_bindings'>, state: BindingState) {
  switch (state) {
    case 'off':
      return eb('status', '=', 'disabled');
    case 'reconnect_required':
      return eb('status', '=', 'reconnect_required');
    case 'first_sync':
      return eb.and([eb('status', '=', 'active'), eb('stage', '=', 'initial')]);
    case 'on':
      return eb.and([eb('status', '=', 'active'), eb('stage', '=', 'incremental')]);
  }
}

/** Applies the move's changes when the stored binding is the caller's round and in a state the move starts from. */
async function move(db: Db, binding: Round, name: BindingMove, changes: Partial<SyncBindingsTable>): Promise<boolean> {
  const from = BINDING_MOVES[name] as readonly BindingState[];
  const result = await db
    .updateTable('sync_bindings')
    .set(changes)
    .where('id', '=', binding.id)
    .where('generation', '=', binding.generation)
    .where((eb) => eb.or(from.map((state) => inState(eb, state))))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Enable: a new round for a user and kind, a fresh generation with no container, cursor or links yet. Re-enabling
 * reuses the row (one binding per user and kind) and forgets everything of the previous round. Starts where no
 * binding exists, from off, or over an enable that never got its container (its process died half-way).
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
    if (existing && existing.container_id && !allowedFrom('start', bindingState(existing)))
      throw new Error(`a ${kind} sync that is ${bindingState(existing)} cannot be started again`);
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
      colleague_domains: null,
      updated_at: at,
    };
    if (existing) {
      await forgetAllLinks(trx, existing.id);
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

/**
 * The brand-named calendar or contact folder was made in the user's mailbox; for mail, the mailbox is the container
 * and the tenant's verified domains say who is a colleague.
 */
export function containerCreated(
  db: Db,
  binding: Round,
  containerId: string,
  colleagueDomains?: string[],
): Promise<boolean> {
  return move(db, binding, 'containerCreated', {
    container_id: containerId,
    ...(colleagueDomains ? { colleague_domains: JSON.stringify(colleagueDomains) } : {}),
  });
}

/** Change notifications come through this subscription until it expires. */
export function subscriptionRenewed(
  db: Db,
  binding: Round,
  subscription: { id: string; expiresAt: string },
): Promise<boolean> {
  return move(db, binding, 'subscriptionRenewed', {
    subscription_id: subscription.id,
    subscription_expires_at: subscription.expiresAt,
  });
}

/** Enable on a sync that is on or waits for a reconnect: it runs again, its failures forgotten. */
export function resumed(db: Db, binding: Round): Promise<boolean> {
  return move(db, binding, 'resumed', { status: 'active', consecutive_failures: 0, last_error_code: null });
}

export function runStarted(db: Db, binding: Round, at: Date): Promise<boolean> {
  return move(db, binding, 'runStarted', { last_run_at: at.toISOString() });
}

/** How many items the first sync will create. */
export function firstSyncCounted(db: Db, binding: Round, total: number): Promise<boolean> {
  return move(db, binding, 'firstSyncCounted', { initial_total: total });
}

/** How many of them are in Microsoft 365 by now (the pane's progress bar). */
export function firstSyncProgressed(db: Db, binding: Round, done: number): Promise<boolean> {
  return move(db, binding, 'firstSyncProgressed', { initial_done: done });
}

export function firstSyncDone(db: Db, binding: Round): Promise<boolean> {
  return move(db, binding, 'firstSyncDone', { stage: 'incremental' });
}

/** The delta cursor after a page whose writes commit in the same transaction. */
export function cursorAdvanced(db: Db, binding: Round, deltaLink: string | null): Promise<boolean> {
  return move(db, binding, 'cursorAdvanced', { delta_link: deltaLink });
}

/** The adapter read again what Microsoft 365 may change without a signal. */
export function reviewed(db: Db, binding: Round, at: Date): Promise<boolean> {
  return move(db, binding, 'reviewed', { reviewed_at: at.toISOString() });
}

export function runSucceeded(db: Db, binding: Round, at: Date): Promise<boolean> {
  return move(db, binding, 'runSucceeded', {
    last_success_at: at.toISOString(),
    consecutive_failures: 0,
    last_error_code: null,
    last_error_at: null,
    status: 'active',
  });
}

/**
 * A run failed with this code. Missing consent is for the user to fix: the binding waits for a reconnect (the
 * sweep leaves it alone); anything else is counted and the next run tries again.
 */
export function runFailed(
  db: Db,
  binding: Round & Pick<SyncBindingRow, 'consecutive_failures'>,
  code: string,
  at: Date,
): Promise<boolean> {
  return move(db, binding, 'runFailed', {
    last_error_code: code,
    last_error_at: at.toISOString(),
    consecutive_failures: binding.consecutive_failures + 1,
    ...(code === 'consent_revoked' ? { status: 'reconnect_required' as const } : {}),
  });
}

/**
 * Ends a round (Disable, the container deleted in Outlook, the user deactivated): no more runs; links, failing
 * items and pending outbox rows are dropped (the CRM keeps every item). Nothing happens when the round already
 * ended or another began.
 */
export async function stopBinding(
  db: Kysely<Database>,
  binding: Round & Pick<SyncBindingRow, 'user_id' | 'kind'>,
  reason: StopReason,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const stopped = await move(trx, binding, 'stopped', {
      status: 'disabled',
      disabled_reason: reason,
      delta_link: null,
      subscription_id: null,
      subscription_expires_at: null,
      updated_at: now.toISOString(),
    });
    if (!stopped) return false;
    await forgetAllLinks(trx, binding.id);
    await trx.deleteFrom('sync_item_failures').where('binding_id', '=', binding.id).execute();
    await trx
      .deleteFrom('sync_outbox')
      .where('user_id', '=', binding.user_id)
      .where('kind', '=', binding.kind)
      .execute();
    return true;
  });
}
