import type { Transaction } from 'kysely';
import type { BatchRequest, BatchResponse } from '../../graph/mailboxGraph.js';
import { eventFromRow, type CrmEvent } from '../../crm/events/eventRecords.js';
import type { Database, EventRow, SyncLinkRow } from '../../store/schema.js';
import { logSync } from '../syncLog.js';
import { assertStillActive, type SyncRun } from '../syncRun.js';
import type { CalendarGraph } from './calendarGraph.js';
import { toGraphEvent } from './eventMapping.js';
import { CRM_EVENT_ID_PROPERTY, type GraphEvent } from './graphEvent.js';

type Operation =
  | { kind: 'create'; event: CrmEvent; transactionId: string }
  | { kind: 'update'; event: CrmEvent; link: SyncLinkRow }
  | { kind: 'delete'; entityId: string; link: SyncLinkRow; subject: string | null; reason: string };

const CHUNK = 20;

/** The transaction id of an event's create in this round: a retry after a crash returns the same Outlook item. */
export function transactionIdFor(run: SyncRun, eventId: string): string {
  return `crm-${run.binding.id.slice(0, 8)}-${run.binding.generation}-${eventId}`;
}

/**
 * Makes the user's Microsoft 365 calendar match the CRM for the given events: creates, updates or deletes each
 * as the CRM now has it (so several changes cost one request), 20 per $batch. During the first sync no event
 * carries attendees, so nobody is mailed.
 */
export async function pushEvents(run: SyncRun, calendar: CalendarGraph, entityIds: string[], mode: 'initial' | 'changes', onProgress?: (done: number) => Promise<void>): Promise<void> {
  let done = 0;
  for (let start = 0; start < entityIds.length; start += CHUNK) {
    await assertStillActive(run);
    const ids = entityIds.slice(start, start + CHUNK);
    const operations = await plan(run, ids);
    await resolveUnconfirmedDeletes(run, calendar, operations);
    await recordPendingCreates(run, operations);
    const requests = operations.map((operation, index) => request(run, calendar, operation, mode, String(index)));
    const responses = await calendar.batch(requests.filter((r): r is BatchRequest => r !== undefined));
    await run.db.transaction().execute(async (trx) => {
      for (const [index, operation] of operations.entries()) {
        // A delete of a create that never reached Outlook has nothing to send: it just forgets the link.
        const response = responses.get(String(index)) ?? (operation.kind === 'delete' ? { id: String(index), status: 204, body: undefined, headers: {} } : undefined);
        if (response) await applyResult(trx, run, operation, response);
      }
    });
    done += ids.length;
    if (onProgress) await onProgress(done);
  }
}

async function plan(run: SyncRun, ids: string[]): Promise<Operation[]> {
  const { db, binding } = run;
  const events = new Map((await db.selectFrom('events').selectAll().where('id', 'in', ids).execute()).map((row) => [row.id, row]));
  const links = new Map((await db.selectFrom('sync_links').selectAll().where('binding_id', '=', binding.id).where('entity_id', 'in', ids).execute()).map((link) => [link.entity_id, link]));
  const operations: Operation[] = [];
  for (const id of ids) {
    const row = events.get(id);
    const link = links.get(id);
    const reason = leaveReason(run, row);
    if (reason) {
      if (link) operations.push({ kind: 'delete', entityId: id, link, subject: row?.subject ?? null, reason });
      continue;
    }
    const event = eventFromRow(row!);
    if (!link || link.graph_id === null) operations.push({ kind: 'create', event, transactionId: link?.transaction_id ?? transactionIdFor(run, id) });
    else if (link.entity_version < event.version) operations.push({ kind: 'update', event, link });
  }
  return operations;
}

/** Why an event must not (or no longer) be in this user's calendar; undefined when it belongs there. */
function leaveReason(run: SyncRun, row: EventRow | undefined): string | undefined {
  if (!row || row.deleted_at) return 'deleted_in_crm';
  if (row.owner_user_id !== run.binding.user_id) return 'owner_changed';
  if (row.sync_eligible !== 1) return 'imported_not_synced';
  return undefined;
}

/** A create whose confirmation was lost (crash) may have reached Outlook: find it by our stamp before deleting. */
async function resolveUnconfirmedDeletes(run: SyncRun, calendar: CalendarGraph, operations: Operation[]): Promise<void> {
  for (const operation of operations) {
    if (operation.kind !== 'delete' || operation.link.graph_id !== null) continue;
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${CRM_EVENT_ID_PROPERTY}' and ep/value eq '${operation.entityId}')`;
    const found = await calendar.graph.get<{ value: GraphEvent[] }>(`${calendar.base}/calendars/${run.binding.container_id}/events?$filter=${encodeURIComponent(filter)}&$select=id`);
    operation.link = { ...operation.link, graph_id: found.value[0]?.id ?? null };
  }
}

async function recordPendingCreates(run: SyncRun, operations: Operation[]): Promise<void> {
  const creates = operations.filter((o): o is Extract<Operation, { kind: 'create' }> => o.kind === 'create');
  if (!creates.length) return;
  const at = run.now().toISOString();
  await run.db.transaction().execute(async (trx) => {
    for (const create of creates) {
      await trx
        .insertInto('sync_links')
        .values({ binding_id: run.binding.id, entity_id: create.event.id, graph_id: null, transaction_id: create.transactionId, entity_version: 0, graph_change_key: null, ical_uid: null, synced_at: at })
        .onConflict((conflict) => conflict.columns(['binding_id', 'entity_id']).doNothing())
        .execute();
    }
  });
}

function request(run: SyncRun, calendar: CalendarGraph, operation: Operation, mode: 'initial' | 'changes', id: string): BatchRequest | undefined {
  const includeAttendees = (event: CrmEvent) => mode === 'changes' && run.binding.enabled_at !== null && event.createdAt >= run.binding.enabled_at;
  switch (operation.kind) {
    case 'create':
      return calendar.createRequest(run.binding.container_id!, id, toGraphEvent(operation.event, { includeAttendees: includeAttendees(operation.event), transactionId: operation.transactionId }));
    case 'update':
      return calendar.updateRequest(id, operation.link.graph_id!, toGraphEvent(operation.event, { includeAttendees: includeAttendees(operation.event) }));
    case 'delete':
      return operation.link.graph_id ? calendar.deleteRequest(id, operation.link.graph_id) : undefined;
  }
}

async function applyResult(trx: Transaction<Database>, run: SyncRun, operation: Operation, response: BatchResponse): Promise<void> {
  const at = run.now();
  const ok = response.status >= 200 && response.status < 300;
  const body = response.body as GraphEvent | undefined;
  const linkKey = (entityId: string) => trx.updateTable('sync_links').where('binding_id', '=', run.binding.id).where('entity_id', '=', entityId);
  switch (operation.kind) {
    case 'create': {
      const { event } = operation;
      if (ok && body?.id) {
        await linkKey(event.id).set({ graph_id: body.id, graph_change_key: body.changeKey ?? null, ical_uid: body.iCalUId ?? null, entity_version: event.version, synced_at: at.toISOString() }).execute();
        if (!event.iCalUId && body.iCalUId) await trx.updateTable('events').set({ ical_uid: body.iCalUId }).where('id', '=', event.id).execute();
        await logSync(trx, run.binding, { direction: 'to_microsoft', action: 'created', entityId: event.id, subject: event.subject, reason: 'new_in_crm' }, at);
      } else {
        await trx.deleteFrom('sync_links').where('binding_id', '=', run.binding.id).where('entity_id', '=', event.id).execute();
        await logSync(trx, run.binding, { direction: 'to_microsoft', action: 'error', entityId: event.id, subject: event.subject, reason: `refused_create|${response.status} ${errorCode(response.body)}` }, at);
      }
      return;
    }
    case 'update': {
      const { event } = operation;
      if (ok && body) {
        await linkKey(event.id).set({ graph_change_key: body.changeKey ?? null, entity_version: event.version, synced_at: at.toISOString() }).execute();
        await logSync(trx, run.binding, { direction: 'to_microsoft', action: 'updated', entityId: event.id, subject: event.subject, reason: 'changed_in_crm' }, at);
      } else if (response.status === 404) {
        // Deleted in Outlook while it was being changed in the CRM: the deletion wins.
        await trx.updateTable('events').set({ deleted_at: at.toISOString(), updated_at: at.toISOString(), version: event.version + 1 }).where('id', '=', event.id).execute();
        await trx.deleteFrom('sync_links').where('binding_id', '=', run.binding.id).where('entity_id', '=', event.id).execute();
        await logSync(trx, run.binding, { direction: 'from_microsoft', action: 'deleted', entityId: event.id, subject: event.subject, reason: 'deletion_wins' }, at);
      } else {
        await logSync(trx, run.binding, { direction: 'to_microsoft', action: 'error', entityId: event.id, subject: event.subject, reason: `refused_change|${response.status} ${errorCode(response.body)}` }, at);
      }
      return;
    }
    case 'delete': {
      if (ok || response.status === 404 || response.status === 410) {
        await trx.deleteFrom('sync_links').where('binding_id', '=', run.binding.id).where('entity_id', '=', operation.entityId).execute();
        await logSync(trx, run.binding, { direction: 'to_microsoft', action: 'deleted', entityId: operation.entityId, subject: operation.subject, reason: operation.reason }, at);
      } else {
        await logSync(trx, run.binding, { direction: 'to_microsoft', action: 'error', entityId: operation.entityId, subject: operation.subject, reason: `refused_delete|${response.status} ${errorCode(response.body)}` }, at);
      }
    }
  }
}

function errorCode(body: unknown): string {
  return (body as { error?: { code?: string } } | undefined)?.error?.code ?? 'unknown';
}
