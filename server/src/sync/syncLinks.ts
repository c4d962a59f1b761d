import type { Kysely, Transaction } from 'kysely';
import type { Database, EventRow, SyncLinkRow } from '../store/schema.js';

/**
 * Every read and write of `sync_links`: one row per CRM item a binding syncs, holding the Graph id (null until the
 * create is confirmed), the transaction id of that create, the CRM version and the Graph change key last synced.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** What a kind's adapter keeps on a link beyond the engine's own columns (a meeting's iCalUId). */
export interface LinkFacts {
  icalUid?: string | null;
}

export function linkOfEntity(db: Db, bindingId: string, entityId: string): Promise<SyncLinkRow | undefined> {
  return db
    .selectFrom('sync_links')
    .selectAll()
    .where('binding_id', '=', bindingId)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
}

export function linkByGraphId(db: Db, bindingId: string, graphId: string): Promise<SyncLinkRow | undefined> {
  return db
    .selectFrom('sync_links')
    .selectAll()
    .where('binding_id', '=', bindingId)
    .where('graph_id', '=', graphId)
    .executeTakeFirst();
}

export function linkByTransactionId(
  db: Db,
  bindingId: string,
  transactionId: string,
): Promise<SyncLinkRow | undefined> {
  return db
    .selectFrom('sync_links')
    .selectAll()
    .where('binding_id', '=', bindingId)
    .where('transaction_id', '=', transactionId)
    .executeTakeFirst();
}

export function linksOfEntities(db: Db, bindingId: string, entityIds: string[]): Promise<SyncLinkRow[]> {
  if (!entityIds.length) return Promise.resolve([]);
  return db
    .selectFrom('sync_links')
    .selectAll()
    .where('binding_id', '=', bindingId)
    .where('entity_id', 'in', entityIds)
    .execute();
}

/** Links whose create Microsoft 365 confirmed (they have a Graph id). */
export function confirmedLinks(db: Db, bindingId: string): Promise<SyncLinkRow[]> {
  return db
    .selectFrom('sync_links')
    .selectAll()
    .where('binding_id', '=', bindingId)
    .where('graph_id', 'is not', null)
    .execute();
}

/** How many items the binding has in Microsoft 365 (confirmed links). */
export async function countConfirmedLinks(db: Db, bindingId: string): Promise<number> {
  const { n } = await db
    .selectFrom('sync_links')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('binding_id', '=', bindingId)
    .where('graph_id', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The CRM ids of creates whose confirmation has not arrived (a crash may have lost it). */
export async function unconfirmedEntityIds(db: Db, bindingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('sync_links')
    .select('entity_id')
    .where('binding_id', '=', bindingId)
    .where('graph_id', 'is', null)
    .execute();
  return rows.map((row) => row.entity_id);
}

/** Which of these Graph ids the binding already has a link for. */
export async function linkedGraphIds(db: Db, bindingId: string, graphIds: string[]): Promise<Set<string>> {
  if (!graphIds.length) return new Set();
  const rows = await db
    .selectFrom('sync_links')
    .select('graph_id')
    .where('binding_id', '=', bindingId)
    .where('graph_id', 'in', graphIds)
    .execute();
  return new Set(rows.map((row) => row.graph_id!));
}

/** The confirmed link of the CRM event with this iCalUId in the binding, if there is one. */
export function confirmedLinkOfMeeting(
  db: Db,
  bindingId: string,
  icalUid: string,
): Promise<{ entityId: string; graphId: string | null } | undefined> {
  return db
    .selectFrom('sync_links')
    .innerJoin('events', 'events.id', 'sync_links.entity_id')
    .select(['sync_links.entity_id as entityId', 'sync_links.graph_id as graphId'])
    .where('sync_links.binding_id', '=', bindingId)
    .where('events.ical_uid', '=', icalUid)
    .where('sync_links.graph_id', 'is not', null)
    .executeTakeFirst();
}

/** The user's live series the binding has in Microsoft 365, with their Graph id and the CRM version last synced. */
export function linkedSeries(
  db: Db,
  binding: { id: string; user_id: string },
  onlyGraphIds?: string[],
): Promise<(EventRow & { graphId: string | null; syncedVersion: number })[]> {
  let query = db
    .selectFrom('sync_links')
    .innerJoin('events', 'events.id', 'sync_links.entity_id')
    .selectAll('events')
    .select(['sync_links.graph_id as graphId', 'sync_links.entity_version as syncedVersion'])
    .where('sync_links.binding_id', '=', binding.id)
    .where('sync_links.graph_id', 'is not', null)
    .where('events.recurrence', 'is not', null)
    .where('events.deleted_at', 'is', null)
    .where('events.owner_user_id', '=', binding.user_id);
  if (onlyGraphIds) query = query.where('sync_links.graph_id', 'in', onlyGraphIds);
  return query.execute();
}

/** A create about to be sent: its transaction id is kept, so a retry after a crash asks for the same item. */
export async function recordPendingCreate(
  db: Db,
  bindingId: string,
  entityId: string,
  transactionId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('sync_links')
    .values({
      binding_id: bindingId,
      entity_id: entityId,
      graph_id: null,
      transaction_id: transactionId,
      entity_version: 0,
      graph_change_key: null,
      ical_uid: null,
      synced_at: at,
    })
    .onConflict((conflict) => conflict.columns(['binding_id', 'entity_id']).doNothing())
    .execute();
}

/** An item that arrived from Microsoft 365 and became (or matched) a CRM item. */
export async function linkArrival(
  db: Db,
  bindingId: string,
  arrival: { entityId: string; graphId: string; changeKey: string | null; version: number; at: string },
  facts: LinkFacts,
): Promise<void> {
  await db
    .insertInto('sync_links')
    .values({
      binding_id: bindingId,
      entity_id: arrival.entityId,
      graph_id: arrival.graphId,
      transaction_id: `graph-${arrival.graphId}`,
      entity_version: arrival.version,
      graph_change_key: arrival.changeKey,
      ical_uid: facts.icalUid ?? null,
      synced_at: arrival.at,
    })
    .onConflict((conflict) =>
      conflict.columns(['binding_id', 'entity_id']).doUpdateSet({
        graph_id: arrival.graphId,
        graph_change_key: arrival.changeKey,
        entity_version: arrival.version,
      }),
    )
    .execute();
}

/** Our create was confirmed by Microsoft 365. */
export async function confirmCreate(
  db: Db,
  bindingId: string,
  entityId: string,
  created: { graphId: string; changeKey: string | null; version: number; at: string },
  facts: LinkFacts,
): Promise<void> {
  await db
    .updateTable('sync_links')
    .set({
      graph_id: created.graphId,
      graph_change_key: created.changeKey,
      ical_uid: facts.icalUid ?? null,
      entity_version: created.version,
      synced_at: created.at,
    })
    .where('binding_id', '=', bindingId)
    .where('entity_id', '=', entityId)
    .execute();
}

/** Both sides hold this version of the item now; `changeKey` is how its echo from Microsoft 365 is recognised. */
export async function recordSynced(
  db: Db,
  bindingId: string,
  entityId: string,
  synced: { changeKey: string | null; version: number; at: string },
): Promise<void> {
  await db
    .updateTable('sync_links')
    .set({ graph_change_key: synced.changeKey, entity_version: synced.version, synced_at: synced.at })
    .where('binding_id', '=', bindingId)
    .where('entity_id', '=', entityId)
    .execute();
}

/** The CRM took a change from Microsoft 365 that Microsoft 365 already has (no change key of ours to wait for). */
export async function recordSyncedVersion(
  db: Db,
  bindingId: string,
  entityId: string,
  version: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('sync_links')
    .set({ entity_version: version, synced_at: at })
    .where('binding_id', '=', bindingId)
    .where('entity_id', '=', entityId)
    .execute();
}

/** The Graph id of a create whose confirmation was lost, found again. */
export async function setLinkGraphId(db: Db, bindingId: string, entityId: string, graphId: string): Promise<void> {
  await db
    .updateTable('sync_links')
    .set({ graph_id: graphId })
    .where('binding_id', '=', bindingId)
    .where('entity_id', '=', entityId)
    .execute();
}

export async function setLinkChangeKey(
  db: Db,
  bindingId: string,
  entityId: string,
  changeKey: string | null,
): Promise<void> {
  await db
    .updateTable('sync_links')
    .set({ graph_change_key: changeKey })
    .where('binding_id', '=', bindingId)
    .where('entity_id', '=', entityId)
    .execute();
}

export async function forgetLink(db: Db, bindingId: string, entityId: string): Promise<void> {
  await db.deleteFrom('sync_links').where('binding_id', '=', bindingId).where('entity_id', '=', entityId).execute();
}

/** A round ends or starts again: nothing of the binding's links is kept. */
export async function forgetAllLinks(db: Db, bindingId: string): Promise<void> {
  await db.deleteFrom('sync_links').where('binding_id', '=', bindingId).execute();
}
