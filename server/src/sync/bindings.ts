import type { Kysely, Transaction } from 'kysely';
import type { Database, SyncBindingRow, SyncKind } from '../store/schema.js';

/** Reads of `sync_bindings`; every change of a binding is a move in `bindingStates.ts`. */

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

/** Every binding that runs (the sweep's work). */
export function activeBindings(db: Db): Promise<SyncBindingRow[]> {
  return db.selectFrom('sync_bindings').selectAll().where('status', '=', 'active').execute();
}

/** The user's bindings that are not off (running or waiting for a reconnect). */
export function liveBindingsOfUser(db: Db, userId: string): Promise<SyncBindingRow[]> {
  return db
    .selectFrom('sync_bindings')
    .selectAll()
    .where('user_id', '=', userId)
    .where('status', '!=', 'disabled')
    .execute();
}

/** The ids of the running bindings of this kind of these users. */
export async function activeBindingIdsOf(db: Db, userIds: string[], kind: SyncKind): Promise<string[]> {
  if (!userIds.length) return [];
  const rows = await db
    .selectFrom('sync_bindings')
    .select(['id'])
    .where('user_id', 'in', userIds)
    .where('kind', '=', kind)
    .where('status', '=', 'active')
    .execute();
  return rows.map((row) => row.id);
}

/** The running binding a change notification's subscription belongs to. */
export function activeBindingBySubscription(db: Db, subscriptionId: string): Promise<SyncBindingRow | undefined> {
  return db
    .selectFrom('sync_bindings')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** The organisation's syncs that wait for a reconnect or whose last runs failed, with their users (administrators' view). */
export function failingBindings(db: Db, organisationId: string) {
  return db
    .selectFrom('sync_bindings')
    .innerJoin('users', 'users.id', 'sync_bindings.user_id')
    .select([
      'users.display_name',
      'users.email',
      'sync_bindings.kind',
      'sync_bindings.status',
      'sync_bindings.last_error_code',
      'sync_bindings.last_error_at',
      'sync_bindings.consecutive_failures',
    ])
    .where('sync_bindings.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([eb('sync_bindings.status', '=', 'reconnect_required'), eb('sync_bindings.consecutive_failures', '>', 0)]),
    )
    .execute();
}
