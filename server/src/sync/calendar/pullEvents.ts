import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { contentColumns } from '../../crm/events/eventRecords.js';
import { recordSyncChange } from '../../crm/syncOutbox.js';
import { GraphRequestError } from '../../graph/mailboxGraph.js';
import type { Database, SyncLinkRow } from '../../store/schema.js';
import { updateBinding } from '../bindings.js';
import { logSync } from '../syncLog.js';
import { assertStillActive, type SyncRun } from '../syncRun.js';
import type { CalendarGraph } from './calendarGraph.js';
import { fromGraphEvent } from './eventMapping.js';
import type { GraphEvent } from './graphEvent.js';

/** The synced calendar (or folder) no longer exists in Microsoft 365. */
export class ContainerGone extends Error {
  constructor() {
    super('the synced calendar was deleted in Microsoft 365');
    this.name = 'ContainerGone';
  }
}

/**
 * Applies what changed in the user's Microsoft 365 calendar since the stored cursor. Each page's CRM writes and
 * the cursor that follows it commit together, so a crash resumes exactly there. An expired cursor starts a fresh
 * round that matches items to their links instead of creating anything twice.
 */
export async function pullEvents(run: SyncRun, calendar: CalendarGraph): Promise<void> {
  const calendarId = run.binding.container_id!;
  let url = run.binding.delta_link ?? calendar.firstDeltaUrl(calendarId, run.now());
  let fresh = run.binding.delta_link === null;
  const seen = new Set<string>();
  for (;;) {
    await assertStillActive(run);
    let page: Awaited<ReturnType<CalendarGraph['deltaPage']>>;
    try {
      page = await calendar.deltaPage(url);
    } catch (error) {
      if (!(error instanceof GraphRequestError)) throw error;
      if (error.failure.kind === 'cursor_expired' && !fresh) {
        await logSync(run.db, run.binding, { direction: 'none', action: 'skipped', reason: 'resync' }, run.now());
        url = calendar.firstDeltaUrl(calendarId, run.now());
        fresh = true;
        seen.clear();
        continue;
      }
      if (error.failure.kind === 'not_found' && !(await calendar.calendarExists(calendarId))) throw new ContainerGone();
      throw error;
    }
    const gone = await removalsConfirmed(run, calendar, page.value);
    const next = page['@odata.nextLink'] ?? page['@odata.deltaLink'];
    await run.db.transaction().execute(async (trx) => {
      for (const item of page.value) await applyItem(trx, run, item, gone);
      if (!(await updateBinding(trx, run.binding, { delta_link: next ?? null }))) throw new Error('binding changed');
    });
    for (const item of page.value) if (!item['@removed']) seen.add(item.id);
    if (!page['@odata.nextLink']) break;
    url = page['@odata.nextLink'];
  }
  if (fresh) await reconcileUnseen(run, calendar, seen);
}

/**
 * `@removed` also reports items that merely left the window (GRAPH.md §5.1), so a removal deletes a CRM event
 * only when Outlook confirms the item is gone.
 */
async function removalsConfirmed(run: SyncRun, calendar: CalendarGraph, items: GraphEvent[]): Promise<Set<string>> {
  const gone = new Set<string>();
  for (const item of items) {
    if (!item['@removed']) continue;
    const link = await linkByGraphId(run, item.id);
    if (link && !(await calendar.findEvent(item.id))) gone.add(item.id);
  }
  return gone;
}

async function applyItem(trx: Transaction<Database>, run: SyncRun, item: GraphEvent, gone: Set<string>): Promise<void> {
  const at = run.now();
  if (item['@removed']) {
    if (gone.has(item.id)) await deleteFromOutlook(trx, run, item.id, at);
    return;
  }
  if (item.type === 'occurrence') return;
  if (item.type === 'exception') {
    await logSync(trx, run.binding, { direction: 'from_microsoft', action: 'skipped', subject: item.subject ?? null, reason: 'occurrence_stays' }, at);
    return;
  }
  const link = (await linkByGraphId(run, item.id, trx)) ?? (item.transactionId ? await linkByTransactionId(run, item.transactionId, trx) : undefined);
  if (link) return updateFromOutlook(trx, run, link, item, at);
  return createFromOutlook(trx, run, item, at);
}

async function updateFromOutlook(trx: Transaction<Database>, run: SyncRun, link: SyncLinkRow, item: GraphEvent, at: Date): Promise<void> {
  const links = trx.updateTable('sync_links').where('binding_id', '=', run.binding.id).where('entity_id', '=', link.entity_id);
  if (link.graph_id === null) await links.set({ graph_id: item.id, ical_uid: item.iCalUId ?? null }).execute();
  if (item.changeKey && item.changeKey === link.graph_change_key) return; // our own write coming back
  const event = await trx.selectFrom('events').selectAll().where('id', '=', link.entity_id).executeTakeFirst();
  // Deleted in the CRM, or handed to someone else: the outbox is about to remove it from this calendar.
  if (!event || event.deleted_at || event.owner_user_id !== run.binding.user_id) return;
  if (link.graph_id === null && link.entity_version === 0) {
    // The confirmation of our own create was lost in a crash; this is that create. Push the event once more
    // (it may have changed since), as an update of this item.
    await links.set({ graph_change_key: item.changeKey ?? null }).execute();
    await recordSyncChange(trx, run.binding.user_id, 'calendar', event.id, at.toISOString());
    return;
  }
  if (event.version > link.entity_version) {
    const outlookLater = (item.lastModifiedDateTime ?? '') > event.updated_at;
    await logSync(trx, run.binding, {
      direction: outlookLater ? 'from_microsoft' : 'to_microsoft',
      action: 'conflict',
      entityId: event.id,
      subject: event.subject,
      reason: outlookLater ? 'conflict_outlook_later' : 'conflict_crm_later',
    }, at);
    if (!outlookLater) return;
  }
  const content = fromGraphEvent(item, event.time_zone);
  const version = event.version + 1;
  await trx.updateTable('events').set({ ...contentColumns(content), version, updated_at: at.toISOString(), sync_eligible: 1 }).where('id', '=', event.id).execute();
  await links.set({ graph_change_key: item.changeKey ?? null, entity_version: version, synced_at: at.toISOString() }).execute();
  await logSync(trx, run.binding, { direction: 'from_microsoft', action: 'updated', entityId: event.id, subject: content.subject, reason: 'changed_in_outlook' }, at);
}

async function createFromOutlook(trx: Transaction<Database>, run: SyncRun, item: GraphEvent, at: Date): Promise<void> {
  const content = fromGraphEvent(item, undefined);
  const sameMeeting = item.iCalUId
    ? await trx.selectFrom('events').selectAll().where('organisation_id', '=', run.binding.organisation_id).where('ical_uid', '=', item.iCalUId).where('deleted_at', 'is', null).executeTakeFirst()
    : undefined;
  let entityId: string;
  let version: number;
  if (sameMeeting) {
    // One meeting is one CRM event, however many synced mailboxes hold a copy (matched by iCalUId).
    if (sameMeeting.owner_user_id !== run.binding.user_id) {
      await logSync(trx, run.binding, { direction: 'from_microsoft', action: 'skipped', entityId: sameMeeting.id, subject: content.subject, reason: 'meeting_of_other_user' }, at);
      return;
    }
    entityId = sameMeeting.id;
    version = sameMeeting.version;
  } else {
    entityId = randomUUID();
    version = 1;
    await trx
      .insertInto('events')
      .values({ id: entityId, organisation_id: run.binding.organisation_id, owner_user_id: run.binding.user_id, ...contentColumns(content), ical_uid: item.iCalUId ?? null, origin: 'microsoft365', sync_eligible: 1, version, created_at: at.toISOString(), updated_at: at.toISOString(), deleted_at: null })
      .execute();
  }
  await trx
    .insertInto('sync_links')
    .values({ binding_id: run.binding.id, entity_id: entityId, graph_id: item.id, transaction_id: `outlook-${item.id}`, entity_version: version, graph_change_key: item.changeKey ?? null, ical_uid: item.iCalUId ?? null, synced_at: at.toISOString() })
    .onConflict((conflict) => conflict.columns(['binding_id', 'entity_id']).doUpdateSet({ graph_id: item.id, graph_change_key: item.changeKey ?? null, entity_version: version }))
    .execute();
  await logSync(trx, run.binding, { direction: 'from_microsoft', action: sameMeeting ? 'skipped' : 'created', entityId, subject: content.subject, reason: sameMeeting ? 'already_linked' : 'new_in_outlook' }, at);
}

async function deleteFromOutlook(trx: Transaction<Database>, run: SyncRun, graphId: string, at: Date): Promise<void> {
  const link = await linkByGraphId(run, graphId, trx);
  if (!link) return;
  const event = await trx.selectFrom('events').selectAll().where('id', '=', link.entity_id).executeTakeFirst();
  if (event && !event.deleted_at && event.owner_user_id === run.binding.user_id) {
    await trx.updateTable('events').set({ deleted_at: at.toISOString(), updated_at: at.toISOString(), version: event.version + 1 }).where('id', '=', event.id).execute();
    await logSync(trx, run.binding, { direction: 'from_microsoft', action: 'deleted', entityId: event.id, subject: event.subject, reason: 'deleted_in_outlook' }, at);
  }
  await trx.deleteFrom('sync_links').where('binding_id', '=', run.binding.id).where('entity_id', '=', link.entity_id).execute();
}

/** After a fresh round: a linked item that did not appear may have been deleted while the cursor was lost. */
async function reconcileUnseen(run: SyncRun, calendar: CalendarGraph, seen: Set<string>): Promise<void> {
  const links = await run.db.selectFrom('sync_links').selectAll().where('binding_id', '=', run.binding.id).where('graph_id', 'is not', null).execute();
  for (const link of links) {
    if (seen.has(link.graph_id!) || (await calendar.findEvent(link.graph_id!))) continue;
    await run.db.transaction().execute((trx) => deleteFromOutlook(trx, run, link.graph_id!, run.now()));
  }
}

function linkByGraphId(run: SyncRun, graphId: string, db: Transaction<Database> | SyncRun['db'] = run.db): Promise<SyncLinkRow | undefined> {
  return db.selectFrom('sync_links').selectAll().where('binding_id', '=', run.binding.id).where('graph_id', '=', graphId).executeTakeFirst();
}

function linkByTransactionId(run: SyncRun, transactionId: string, db: Transaction<Database>): Promise<SyncLinkRow | undefined> {
  return db.selectFrom('sync_links').selectAll().where('binding_id', '=', run.binding.id).where('transaction_id', '=', transactionId).executeTakeFirst();
}
