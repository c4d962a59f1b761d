import { sql, type Transaction } from 'kysely';
import { recordSyncChange } from '../../crm/syncOutbox.js';
import { GraphError } from '../../graph/graphError.js';
import type { Database, SyncLinkRow } from '../../store/schema.js';
import { cursorAdvanced } from '../bindingStates.js';
import { clearItemFailure, itemsToRetry, noteItemFailure } from '../itemFailures.js';
import { logSync } from '../syncLog.js';
import {
  confirmedLinks,
  forgetLink,
  linkArrival,
  linkByGraphId,
  linkByTransactionId,
  recordSynced,
  setLinkChangeKey,
  setLinkGraphId,
} from '../syncLinks.js';
import { assertStillActive, type SyncRun } from '../syncRun.js';
import type { ContainerGraph, GraphItem, Page } from './containerGraph.js';
import type { ItemAdapter, SyncedRow } from './itemAdapter.js';
import { itemFailureReason } from './itemFailureReason.js';
import { storableItem } from './storableText.js';

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
  const startedAt = run.now();
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
      if (!(error instanceof GraphError)) throw error;
      if (error.kind === 'cursor_expired' && !fresh) {
        await logSync(run.db, run.binding, { direction: 'none', action: 'skipped', reason: 'resync' }, run.now());
        url = graph.firstDeltaUrl(containerId, run.now());
        fresh = true;
        seen.clear();
        continue;
      }
      if (error.kind === 'not_found' && !(await graph.containerExists(containerId))) throw new ContainerGone();
      throw error;
    }
    const items = page.value.map((item) => storableItem(item));
    const next = page['@odata.nextLink'] ?? page['@odata.deltaLink'];
    await applyItems(run, graph, adapter, items, next ?? null);
    for (const item of page.value) if (!item['@removed']) seen.add(item.id);
    if (!page['@odata.nextLink']) break;
    url = page['@odata.nextLink'];
  }
  await retryFailedItems(run, graph, adapter, startedAt);
  if (fresh) await reconcileUnseen(run, graph, adapter, seen);
}

/**
 * Applies items from Microsoft 365 in one transaction, with the cursor that follows them when they are a delta page.
 * Each item is applied in a savepoint: one that fails on its own (content the CRM cannot store or the sync cannot
 * read) is rolled back, counted and in time set aside, and the others and the cursor still commit. Failures of the
 * whole run (Graph busy, the database gone) end the run as before, and nothing of the page commits.
 */
async function applyItems<Row extends SyncedRow, Item extends GraphItem>(
  run: SyncRun,
  graph: ContainerGraph,
  adapter: ItemAdapter<Row, Item>,
  incoming: { item: Item; cleaned: boolean }[],
  cursor: string | null | undefined,
): Promise<void> {
  const items = incoming.map(({ item }) => item);
  const cleaned = new Set(incoming.filter((entry) => entry.cleaned).map(({ item }) => item.id));
  const unprepared = await prepareIncoming(run, graph, adapter, items);
  const gone = await removalsConfirmed(run, graph, items);
  await run.db.transaction().execute(async (trx) => {
    const failing = new Set(
      (
        await trx
          .selectFrom('sync_item_failures')
          .select('item_id')
          .where('binding_id', '=', run.binding.id)
          .where('side', '=', 'from_microsoft')
          .execute()
      ).map((row) => row.item_id),
    );
    // Arrivals before removals: an item moved out and back within the round (a new id) keeps its CRM row.
    const ordered = [...items.filter((item) => !item['@removed']), ...items.filter((item) => item['@removed'])];
    for (const item of ordered) {
      const at = run.now();
      const unpreparedBecause = unprepared.get(item.id);
      const outcome = unpreparedBecause
        ? { failure: unpreparedBecause }
        : await applyInSavepoint(trx, run, adapter, item, gone);
      if ('failure' in outcome) {
        await noteItemFailure(
          trx,
          run.binding,
          { side: 'from_microsoft', itemId: item.id, label: adapter.incomingLabel(item), reason: outcome.failure },
          at,
        );
        continue;
      }
      if (failing.has(item.id)) await clearItemFailure(trx, run.binding.id, 'from_microsoft', item.id);
      if (cleaned.has(item.id) && outcome.written)
        await logSync(
          trx,
          run.binding,
          {
            direction: 'from_microsoft',
            action: 'updated',
            subject: adapter.incomingLabel(item),
            reason: 'cleaned_text',
          },
          at,
        );
    }
    if (cursor !== undefined && !(await cursorAdvanced(trx, run.binding, cursor))) throw new Error('binding changed');
  });
}

/** Applies one item inside a savepoint: whether it wrote to the CRM, or why it failed when that is its own failure. */
async function applyInSavepoint<Row extends SyncedRow, Item extends GraphItem>(
  trx: Transaction<Database>,
  run: SyncRun,
  adapter: ItemAdapter<Row, Item>,
  item: Item,
  gone: Set<string>,
): Promise<{ failure: string } | { written: boolean }> {
  await sql`savepoint sync_item`.execute(trx);
  let written: boolean;
  try {
    written = await applyItem(trx, run, adapter, item, gone);
  } catch (error) {
    const failure = itemFailureReason(error);
    if (!failure) throw error;
    await sql`rollback to savepoint sync_item`.execute(trx);
    await sql`release savepoint sync_item`.execute(trx);
    return { failure };
  }
  await sql`release savepoint sync_item`.execute(trx);
  return { written };
}

/**
 * The adapter's reads for a page (a series' instances). When they fail because of one item, each item is prepared
 * on its own, and those that still fail are returned with the reason, to be counted instead of applied.
 */
async function prepareIncoming<Row extends SyncedRow, Item extends GraphItem>(
  run: SyncRun,
  graph: ContainerGraph,
  adapter: ItemAdapter<Row, Item>,
  items: Item[],
): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  if (!adapter.prepareIncoming) return failed;
  try {
    await adapter.prepareIncoming(run, graph, items);
    return failed;
  } catch (error) {
    if (!itemFailureReason(error)) throw error;
  }
  for (const item of items) {
    try {
      await adapter.prepareIncoming(run, graph, [item]);
    } catch (error) {
      const reason = itemFailureReason(error);
      if (!reason) throw error;
      failed.set(item.id, reason);
    }
  }
  return failed;
}

/**
 * Items that failed in an earlier run and are not set aside yet are read again from Microsoft 365 and applied as
 * they are now (the cursor has moved past them). One that is gone from Microsoft 365 is no longer failing.
 */
async function retryFailedItems<Row extends SyncedRow, Item extends GraphItem>(
  run: SyncRun,
  graph: ContainerGraph,
  adapter: ItemAdapter<Row, Item>,
  startedAt: Date,
): Promise<void> {
  for (const itemId of await itemsToRetry(run.db, run.binding.id, 'from_microsoft', startedAt)) {
    await assertStillActive(run);
    let item: Item | undefined;
    try {
      item = await graph.readItem<Item>(itemId);
    } catch (error) {
      const reason = itemFailureReason(error);
      if (!reason) throw error;
      await noteItemFailure(run.db, run.binding, { side: 'from_microsoft', itemId, reason }, run.now());
      continue;
    }
    if (!item) await clearItemFailure(run.db, run.binding.id, 'from_microsoft', itemId);
    else await applyItems(run, graph, adapter, [storableItem(item)], undefined);
  }
}

/**
 * `@removed` also reports items that merely left a calendar window (docs/graph-behaviour.md#delta-removals), so a
 * removal deletes a CRM row only when Microsoft 365 confirms the item is gone.
 */
async function removalsConfirmed(run: SyncRun, graph: ContainerGraph, items: GraphItem[]): Promise<Set<string>> {
  const gone = new Set<string>();
  for (const item of items) {
    if (!item['@removed']) continue;
    const link = await linkByGraphId(run.db, run.binding.id, item.id);
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
): Promise<boolean> {
  const at = run.now();
  if (item['@removed']) {
    if (gone.has(item.id)) await deleteFromMicrosoft(trx, run, adapter, item.id, at);
    return false;
  }
  const skip = adapter.skipReason?.(item);
  if (skip) {
    if (skip !== 'silent')
      await logSync(trx, run.binding, { direction: 'from_microsoft', action: 'skipped', reason: skip }, at);
    return false;
  }
  const transactionId = adapter.transactionIdOf?.(item);
  const link =
    (await linkByGraphId(trx, run.binding.id, item.id)) ??
    (transactionId ? await linkByTransactionId(trx, run.binding.id, transactionId) : undefined);
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
    return false;
  }
  await linkArrival(
    trx,
    run.binding.id,
    {
      entityId: arrival.entityId,
      graphId: item.id,
      changeKey: item.changeKey ?? null,
      version: arrival.version,
      at: at.toISOString(),
    },
    adapter.linkFacts?.(item) ?? {},
  );
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
  return true;
}

async function updateFromMicrosoft<Row extends SyncedRow, Item extends GraphItem>(
  trx: Transaction<Database>,
  run: SyncRun,
  adapter: ItemAdapter<Row, Item>,
  link: SyncLinkRow,
  item: Item,
  at: Date,
): Promise<boolean> {
  if (link.graph_id === null) await setLinkGraphId(trx, run.binding.id, link.entity_id, item.id);
  if (item.changeKey && item.changeKey === link.graph_change_key) return false; // our own write coming back
  const [row] = await adapter.loadRows(trx, [link.entity_id]);
  // Deleted in the CRM, or handed to someone else: the outbox is about to remove it from this container.
  if (!row || row.deleted_at || row.owner_user_id !== run.binding.user_id) return false;
  if (link.graph_id === null && link.entity_version === 0) {
    // The confirmation of our own create was lost in a crash; this is that create. Push the row once more
    // (it may have changed since), as an update of this item.
    await setLinkChangeKey(trx, run.binding.id, link.entity_id, item.changeKey ?? null);
    await recordSyncChange(trx, run.binding.user_id, run.binding.kind, row.id, at.toISOString());
    return false;
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
    if (!microsoftLater) return false;
  }
  const version = await adapter.applyGraph(trx, row, item, at);
  await recordSynced(trx, run.binding.id, link.entity_id, {
    changeKey: item.changeKey ?? null,
    version,
    at: at.toISOString(),
  });
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
  return true;
}

async function deleteFromMicrosoft<Row extends SyncedRow>(
  trx: Transaction<Database>,
  run: SyncRun,
  adapter: ItemAdapter<Row, never>,
  graphId: string,
  at: Date,
): Promise<void> {
  const link = await linkByGraphId(trx, run.binding.id, graphId);
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
  await forgetLink(trx, run.binding.id, link.entity_id);
}

/** After a fresh round: a linked item that did not appear may have been deleted while the cursor was lost. */
async function reconcileUnseen<Row extends SyncedRow>(
  run: SyncRun,
  graph: ContainerGraph,
  adapter: ItemAdapter<Row, never>,
  seen: Set<string>,
): Promise<void> {
  for (const link of await confirmedLinks(run.db, run.binding.id)) {
    if (seen.has(link.graph_id!) || (await graph.findItem(link.graph_id!))) continue;
    await run.db.transaction().execute((trx) => deleteFromMicrosoft(trx, run, adapter, link.graph_id!, run.now()));
  }
}
