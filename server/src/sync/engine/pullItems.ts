import type { Transaction } from 'kysely';
import { recordSyncChange } from '../../crm/syncOutbox.js';
import { GraphRequestError } from '../../graph/mailboxGraph.js';
import type { Database, SyncLinkRow } from '../../store/schema.js';
import { updateBinding } from '../bindings.js';
import { logSync } from '../syncLog.js';
import { assertStillActive, type SyncRun } from '../syncRun.js';
import type { ContainerGraph, GraphItem, Page } from './containerGraph.js';
import type { ItemAdapter, SyncedRow } from './itemAdapter.js';

/** The synced calendar or contact folder no longer exists in Microsoft 365. */
export class ContainerGone extends Error {
  constructor() {
    super('the synced container was deleted in Microsoft 365');
    this.name = 'ContainerGone';
  }
}

/**
 * Applies what changed in the user's Microsoft 365 container since the stored cursor. Each page's CRM writes and
 * the cursor that follows it commit together, so a crash resumes exactly there. An expired cursor starts a fresh
 * round that matches items to their links instead of creating anything twice.
 */
export async function pullItems<Row extends SyncedRow, Item extends GraphItem>(
  run: SyncRun,
  graph: ContainerGraph,
  adapter: ItemAdapter<Row, Item>,
): Promise<void> {
  const containerId = run.binding.container_id!;
  let url = run.binding.delta_link ?? graph.firstDeltaUrl(containerId, run.now());
  let fresh = run.binding.delta_link === null;
  const seen = new Set<string>();
  for (;;) {
    await assertStillActive(run);
    let page: Page<Item>;
    try {
      page = await graph.deltaPage<Item>(url);
    } catch (error) {
      if (!(error instanceof GraphRequestError)) throw error;
      if (error.failure.kind === 'cursor_expired' && !fresh) {
        await logSync(run.db, run.binding, { direction: 'none', action: 'skipped', reason: 'resync' }, run.now());
        url = graph.firstDeltaUrl(containerId, run.now());
        fresh = true;
        seen.clear();
        continue;
      }
      if (error.failure.kind === 'not_found' && !(await graph.containerExists(containerId))) throw new ContainerGone();
      throw error;
    }
    await adapter.prepareIncoming?.(run, graph, page.value);
    const gone = await removalsConfirmed(run, graph, page.value);
    const next = page['@odata.nextLink'] ?? page['@odata.deltaLink'];
    await run.db.transaction().execute(async (trx) => {
      // Arrivals before removals: an item moved out and back within the round (a new id) keeps its CRM row.
      const ordered = [
        ...page.value.filter((item) => !item['@removed']),
        ...page.value.filter((item) => item['@removed']),
      ];
      for (const item of ordered) await applyItem(trx, run, adapter, item, gone);
      if (!(await updateBinding(trx, run.binding, { delta_link: next ?? null }))) throw new Error('binding changed');
    });
    for (const item of page.value) if (!item['@removed']) seen.add(item.id);
    if (!page['@odata.nextLink']) break;
    url = page['@odata.nextLink'];
  }
  if (fresh) await reconcileUnseen(run, graph, adapter, seen);
}

/**
 * `@removed` also reports items that merely left a calendar window (docs/graph-behaviour.md#delta-removals), so a
 * removal deletes a CRM row only when Microsoft 365 confirms the item is gone.
 */
async function removalsConfirmed(run: SyncRun, graph: ContainerGraph, items: GraphItem[]): Promise<Set<string>> {
  const gone = new Set<string>();
  for (const item of items) {
    if (!item['@removed']) continue;
    const link = await linkByGraphId(run, item.id);
    if (link && !(await graph.findItem(item.id))) gone.add(item.id);
  }
  return gone;
}

async function applyItem<Row extends SyncedRow, Item extends GraphItem>(
  trx: Transaction<Database>,
  run: SyncRun,
  adapter: ItemAdapter<Row, Item>,
  item: Item,
  gone: Set<string>,
): Promise<void> {
  const at = run.now();
  if (item['@removed']) {
    if (gone.has(item.id)) await deleteFromMicrosoft(trx, run, adapter, item.id, at);
    return;
  }
  const skip = adapter.skipReason?.(item);
  if (skip) {
    if (skip !== 'silent')
      await logSync(trx, run.binding, { direction: 'from_microsoft', action: 'skipped', reason: skip }, at);
    return;
  }
  const link =
    (await linkByGraphId(run, item.id, trx)) ??
    (item.transactionId ? await linkByTransactionId(run, item.transactionId, trx) : undefined);
  if (link) return updateFromMicrosoft(trx, run, adapter, link, item, at);
  const arrival = await adapter.arrive(trx, run, item, at);
  if ('skipped' in arrival) {
    await logSync(
      trx,
      run.binding,
      {
        direction: 'from_microsoft',
        action: 'skipped',
        entityId: arrival.entityId ?? null,
        subject: arrival.label,
        reason: arrival.skipped,
      },
      at,
    );
    return;
  }
  await trx
    .insertInto('sync_links')
    .values({
      binding_id: run.binding.id,
      entity_id: arrival.entityId,
      graph_id: item.id,
      transaction_id: `graph-${item.id}`,
      entity_version: arrival.version,
      graph_change_key: item.changeKey ?? null,
      ical_uid: (item as { iCalUId?: string }).iCalUId ?? null,
      synced_at: at.toISOString(),
    })
    .onConflict((conflict) =>
      conflict
        .columns(['binding_id', 'entity_id'])
        .doUpdateSet({ graph_id: item.id, graph_change_key: item.changeKey ?? null, entity_version: arrival.version }),
    )
    .execute();
  await logSync(
    trx,
    run.binding,
    {
      direction: 'from_microsoft',
      action: arrival.linked === 'created' ? 'created' : 'skipped',
      entityId: arrival.entityId,
      subject: arrival.label,
      reason: arrival.linked === 'created' ? 'new_in_outlook' : 'already_linked',
    },
    at,
  );
}

async function updateFromMicrosoft<Row extends SyncedRow, Item extends GraphItem>(
  trx: Transaction<Database>,
  run: SyncRun,
  adapter: ItemAdapter<Row, Item>,
  link: SyncLinkRow,
  item: Item,
  at: Date,
): Promise<void> {
  const links = trx
    .updateTable('sync_links')
    .where('binding_id', '=', run.binding.id)
    .where('entity_id', '=', link.entity_id);
  if (link.graph_id === null) await links.set({ graph_id: item.id }).execute();
  if (item.changeKey && item.changeKey === link.graph_change_key) return; // our own write coming back
  const [row] = await adapter.loadRows(trx, [link.entity_id]);
  // Deleted in the CRM, or handed to someone else: the outbox is about to remove it from this container.
  if (!row || row.deleted_at || row.owner_user_id !== run.binding.user_id) return;
  if (link.graph_id === null && link.entity_version === 0) {
    // The confirmation of our own create was lost in a crash; this is that create. Push the row once more
    // (it may have changed since), as an update of this item.
    await links.set({ graph_change_key: item.changeKey ?? null }).execute();
    await recordSyncChange(trx, run.binding.user_id, run.binding.kind, row.id, at.toISOString());
    return;
  }
  if (row.version > link.entity_version) {
    const microsoftLater = (item.lastModifiedDateTime ?? '') > row.updated_at;
    await logSync(
      trx,
      run.binding,
      {
        direction: microsoftLater ? 'from_microsoft' : 'to_microsoft',
        action: 'conflict',
        entityId: row.id,
        subject: adapter.label(row),
        reason: microsoftLater ? 'conflict_outlook_later' : 'conflict_crm_later',
      },
      at,
    );
    if (!microsoftLater) return;
  }
  const version = await adapter.applyGraph(trx, row, item, at);
  await links
    .set({ graph_change_key: item.changeKey ?? null, entity_version: version, synced_at: at.toISOString() })
    .execute();
  const [updated] = await adapter.loadRows(trx, [row.id]);
  await logSync(
    trx,
    run.binding,
    {
      direction: 'from_microsoft',
      action: 'updated',
      entityId: row.id,
      subject: updated ? adapter.label(updated) : null,
      reason: 'changed_in_outlook',
    },
    at,
  );
}

async function deleteFromMicrosoft<Row extends SyncedRow>(
  trx: Transaction<Database>,
  run: SyncRun,
  adapter: ItemAdapter<Row, never>,
  graphId: string,
  at: Date,
): Promise<void> {
  const link = await linkByGraphId(run, graphId, trx);
  if (!link) return;
  const [row] = await adapter.loadRows(trx, [link.entity_id]);
  if (row && !row.deleted_at && row.owner_user_id === run.binding.user_id) {
    await adapter.softDelete(trx, row, at);
    await logSync(
      trx,
      run.binding,
      {
        direction: 'from_microsoft',
        action: 'deleted',
        entityId: row.id,
        subject: adapter.label(row),
        reason: 'deleted_in_outlook',
      },
      at,
    );
  }
  await trx
    .deleteFrom('sync_links')
    .where('binding_id', '=', run.binding.id)
    .where('entity_id', '=', link.entity_id)
    .execute();
}

/** After a fresh round: a linked item that did not appear may have been deleted while the cursor was lost. */
async function reconcileUnseen<Row extends SyncedRow>(
  run: SyncRun,
  graph: ContainerGraph,
  adapter: ItemAdapter<Row, never>,
  seen: Set<string>,
): Promise<void> {
  const links = await run.db
    .selectFrom('sync_links')
    .selectAll()
    .where('binding_id', '=', run.binding.id)
    .where('graph_id', 'is not', null)
    .execute();
  for (const link of links) {
    if (seen.has(link.graph_id!) || (await graph.findItem(link.graph_id!))) continue;
    await run.db.transaction().execute((trx) => deleteFromMicrosoft(trx, run, adapter, link.graph_id!, run.now()));
  }
}

function linkByGraphId(
  run: SyncRun,
  graphId: string,
  db: Transaction<Database> | SyncRun['db'] = run.db,
): Promise<SyncLinkRow | undefined> {
  return db
    .selectFrom('sync_links')
    .selectAll()
    .where('binding_id', '=', run.binding.id)
    .where('graph_id', '=', graphId)
    .executeTakeFirst();
}

function linkByTransactionId(
  run: SyncRun,
  transactionId: string,
  db: Transaction<Database>,
): Promise<SyncLinkRow | undefined> {
  return db
    .selectFrom('sync_links')
    .selectAll()
    .where('binding_id', '=', run.binding.id)
    .where('transaction_id', '=', transactionId)
    .executeTakeFirst();
}
