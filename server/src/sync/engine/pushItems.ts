import { sql, type Transaction } from 'kysely';
import { recordSyncChange } from '../../crm/syncOutbox.js';
import type { BatchRequest, BatchResponse } from '../../graph/mailboxGraph.js';
import type { Database, SyncLinkRow } from '../../store/schema.js';
import { clearItemFailure, noteItemFailure } from '../itemFailures.js';
import {
  confirmCreate,
  forgetLink,
  linkOfEntity,
  linksOfEntities,
  recordPendingCreate,
  recordSynced,
  setLinkGraphId,
} from '../syncLinks.js';
import { logSync } from '../syncLog.js';
import { assertStillActive, type SyncRun } from '../syncRun.js';
import type { ContainerGraph, GraphItem } from './containerGraph.js';
import type { ItemAdapter, SyncedRow, WriteCompletion } from './itemAdapter.js';
import { itemFailureReason } from './itemFailureReason.js';

type Operation<Row> =
  | { kind: 'create'; row: Row; transactionId: string; pending: boolean }
  | { kind: 'update'; row: Row; link: SyncLinkRow }
  | { kind: 'delete'; entityId: string; link: SyncLinkRow; label: string | null; reason: string };

const CHUNK = 20;

/** The transaction id of an item's create in this round: a retry after a crash returns the same Graph item. */
export function transactionIdFor(run: SyncRun, entityId: string): string {
  return `crm-${run.binding.id.slice(0, 8)}-${run.binding.generation}-${entityId}`;
}

/** A chunk ready to send: its operations planned and its creates recorded as pending. */
interface PreparedChunk<Row> {
  ids: string[];
  operations: Operation<Row>[];
  requests: BatchRequest[];
  /** Operations that could not become a request, by index, with the reason (a sync log reason). */
  unsent: Map<number, string>;
}

/**
 * Makes the user's Microsoft 365 container match the CRM for the given items: creates, updates or deletes each as
 * the CRM now has it (so several changes cost one request), 20 per $batch. One batch is with Microsoft 365 at a
 * time (Graph's advice for one mailbox); the next chunk is prepared, and the previous one committed, meanwhile.
 */
export async function pushItems<Row extends SyncedRow>(
  run: SyncRun,
  graph: ContainerGraph,
  adapter: ItemAdapter<Row>,
  entityIds: string[],
  mode: 'initial' | 'changes',
  onProgress?: (done: number) => Promise<void>,
): Promise<void> {
  const chunks: string[][] = [];
  for (let start = 0; start < entityIds.length; start += CHUNK) chunks.push(entityIds.slice(start, start + CHUNK));
  if (!chunks.length) return;
  let done = 0;
  let current = await prepareChunk(run, graph, adapter, chunks[0]!, mode);
  let sending = inFlight(graph.batch(current.requests));
  for (let index = 0; ; index += 1) {
    let following: PreparedChunk<Row> | undefined;
    try {
      following =
        index + 1 < chunks.length ? await prepareChunk(run, graph, adapter, chunks[index + 1]!, mode) : undefined;
    } catch (error) {
      await sending.catch(() => undefined);
      throw error;
    }
    const responses = await sending;
    const completions = await completeWrites(run, graph, adapter, current.operations, responses);
    if (following) sending = inFlight(graph.batch(following.requests));
    try {
      await commitChunk(run, adapter, current, responses, completions);
      done += current.ids.length;
      if (onProgress) await onProgress(done);
    } catch (error) {
      // What is in flight is found again by its stamp or transaction id on the next run.
      if (following) await sending.catch(() => undefined);
      throw error;
    }
    if (!following) return;
    current = following;
  }
}

/** A request left running while other work goes on: its failure is seen where it is awaited, never as unhandled. */
function inFlight<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

async function prepareChunk<Row extends SyncedRow>(
  run: SyncRun,
  graph: ContainerGraph,
  adapter: ItemAdapter<Row>,
  ids: string[],
  mode: 'initial' | 'changes',
): Promise<PreparedChunk<Row>> {
  await assertStillActive(run);
  const operations = await plan(run, adapter, ids);
  await resolveUnconfirmed(run, graph, adapter, operations);
  await recordPendingCreates(run, operations);
  const requests: BatchRequest[] = [];
  const unsent = new Map<number, string>();
  for (const [index, operation] of operations.entries()) {
    try {
      const built = request(run, graph, adapter, operation, mode, String(index));
      if (built) requests.push(built);
    } catch (error) {
      // A CRM row the adapter cannot turn into a Graph item fails on its own; the others are sent.
      if (!itemFailureReason(error)) throw error;
      unsent.set(index, 'unsendable');
    }
  }
  return { ids, operations, requests, unsent };
}

async function commitChunk<Row extends SyncedRow>(
  run: SyncRun,
  adapter: ItemAdapter<Row>,
  chunk: PreparedChunk<Row>,
  responses: Map<string, BatchResponse>,
  completions: Map<number, WriteCompletion<Row>>,
): Promise<void> {
  await run.db.transaction().execute(async (trx) => {
    const failing = new Set(
      (
        await trx
          .selectFrom('sync_item_failures')
          .select('item_id')
          .where('binding_id', '=', run.binding.id)
          .where('side', '=', 'to_microsoft')
          .where('item_id', 'in', chunk.ids)
          .execute()
      ).map((row) => row.item_id),
    );
    const failedNow = new Set<string>();
    for (const [index, operation] of chunk.operations.entries()) {
      const entityId = operation.kind === 'delete' ? operation.entityId : operation.row.id;
      const unsent = chunk.unsent.get(index);
      // A delete of a create that never reached Microsoft 365 has nothing to send: it just forgets the link.
      const response =
        responses.get(String(index)) ??
        (operation.kind === 'delete' ? { id: String(index), status: 204, body: undefined, headers: {} } : undefined);
      let failure = unsent;
      if (!failure && response) {
        const outcome = await resultInSavepoint(trx, run, adapter, operation, response, completions.get(index));
        failure = outcome.failure;
      }
      if (!failure) continue;
      failedNow.add(entityId);
      if (operation.kind === 'create') await forgetLink(trx, run.binding.id, entityId);
      await noteItemFailure(
        trx,
        run.binding,
        { side: 'to_microsoft', itemId: entityId, entityId, label: labelOf(adapter, operation), reason: failure },
        run.now(),
      );
    }
    for (const id of chunk.ids)
      if (failing.has(id) && !failedNow.has(id)) await clearItemFailure(trx, run.binding.id, 'to_microsoft', id);
  });
}

/**
 * Records one item's result inside a savepoint. Returns a failure reason when Microsoft 365 refused that item
 * (or the CRM could not store its result); such an item is counted and in time set aside, the others commit.
 */
async function resultInSavepoint<Row extends SyncedRow>(
  trx: Transaction<Database>,
  run: SyncRun,
  adapter: ItemAdapter<Row>,
  operation: Operation<Row>,
  response: BatchResponse,
  completion: WriteCompletion<Row> | undefined,
): Promise<{ failure?: string }> {
  await sql`savepoint sync_item`.execute(trx);
  try {
    const failure = await applyResult(trx, run, adapter, operation, response, completion);
    await sql`release savepoint sync_item`.execute(trx);
    return failure ? { failure } : {};
  } catch (error) {
    const failure = itemFailureReason(error);
    if (!failure) throw error;
    await sql`rollback to savepoint sync_item`.execute(trx);
    await sql`release savepoint sync_item`.execute(trx);
    return { failure };
  }
}

function labelOf<Row extends SyncedRow>(adapter: ItemAdapter<Row>, operation: Operation<Row>): string | null {
  return operation.kind === 'delete' ? operation.label : adapter.label(operation.row);
}

/**
 * Whether Microsoft 365 refused this one item for what it is (400, 409, 413, 422 …), so that sending it again
 * unchanged would fail again. Throttling, expired tokens, missing consent and server errors concern every item.
 */
function refusedForItem(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 429;
}

async function plan<Row extends SyncedRow>(
  run: SyncRun,
  adapter: ItemAdapter<Row>,
  ids: string[],
): Promise<Operation<Row>[]> {
  const { db, binding } = run;
  const rows = new Map((await adapter.loadRows(db, ids)).map((row) => [row.id, row]));
  const links = new Map((await linksOfEntities(db, binding.id, ids)).map((link) => [link.entity_id, link]));
  const operations: Operation<Row>[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    const link = links.get(id);
    const reason = leaveReason(run, row);
    if (reason) {
      if (link) operations.push({ kind: 'delete', entityId: id, link, label: row ? adapter.label(row) : null, reason });
      continue;
    }
    if (!link || link.graph_id === null)
      operations.push({
        kind: 'create',
        row: row!,
        transactionId: link?.transaction_id ?? transactionIdFor(run, id),
        pending: link !== undefined,
      });
    else if (link.entity_version < row!.version) operations.push({ kind: 'update', row: row!, link });
  }
  return operations;
}

/** Why a CRM item must not (or no longer) be in this user's container; undefined when it belongs there. */
function leaveReason(run: SyncRun, row: SyncedRow | undefined): string | undefined {
  if (!row || row.deleted_at) return 'deleted_in_crm';
  if (row.owner_user_id !== run.binding.user_id) return 'owner_changed';
  if (row.sync_eligible !== 1) return 'imported_not_synced';
  return undefined;
}

/**
 * A create whose confirmation was lost (a crash between Graph's answer and our commit) may have reached Microsoft
 * 365: look for our stamp before creating it again (not every kind has Graph's transactionId) or deleting it.
 */
async function resolveUnconfirmed<Row extends SyncedRow>(
  run: SyncRun,
  graph: ContainerGraph,
  adapter: ItemAdapter<Row>,
  operations: Operation<Row>[],
): Promise<void> {
  for (const [index, operation] of operations.entries()) {
    const unconfirmed =
      (operation.kind === 'delete' && operation.link.graph_id === null) ||
      (operation.kind === 'create' && operation.pending);
    if (!unconfirmed) continue;
    const entityId = operation.kind === 'delete' ? operation.entityId : operation.row.id;
    const found = (await graph.findStamped(run.binding.container_id!, adapter.stampProperty, entityId))[0]?.id ?? null;
    if (operation.kind === 'delete') operation.link = { ...operation.link, graph_id: found };
    else if (found) {
      const link = await linkOfEntity(run.db, run.binding.id, entityId);
      if (!link) throw new Error(`the pending link of ${entityId} is gone`);
      operations[index] = { kind: 'update', row: operation.row, link: { ...link, graph_id: found } };
      await setLinkGraphId(run.db, run.binding.id, entityId, found);
    }
  }
}

async function recordPendingCreates<Row extends SyncedRow>(run: SyncRun, operations: Operation<Row>[]): Promise<void> {
  const creates = operations.filter((o): o is Extract<Operation<Row>, { kind: 'create' }> => o.kind === 'create');
  if (!creates.length) return;
  const at = run.now().toISOString();
  await run.db.transaction().execute(async (trx) => {
    for (const create of creates)
      await recordPendingCreate(trx, run.binding.id, create.row.id, create.transactionId, at);
  });
}

/**
 * The adapter's further work for items written successfully. It runs before the results commit: a crash in
 * between repeats the item's write (found by its stamp) and this work, which only ever sets what is missing.
 */
async function completeWrites<Row extends SyncedRow>(
  run: SyncRun,
  graph: ContainerGraph,
  adapter: ItemAdapter<Row>,
  operations: Operation<Row>[],
  responses: Map<string, BatchResponse>,
): Promise<Map<number, WriteCompletion<Row>>> {
  const completions = new Map<number, WriteCompletion<Row>>();
  if (!adapter.completeWrite) return completions;
  for (const [index, operation] of operations.entries()) {
    if (operation.kind === 'delete') continue;
    const response = responses.get(String(index));
    const graphId = (response?.body as GraphItem | undefined)?.id;
    if (!response || response.status >= 300 || !graphId) continue;
    const completion = await adapter.completeWrite(run, graph, operation.row, graphId, operation.kind === 'create');
    if (completion) completions.set(index, completion);
  }
  return completions;
}

function request<Row extends SyncedRow>(
  run: SyncRun,
  graph: ContainerGraph,
  adapter: ItemAdapter<Row>,
  operation: Operation<Row>,
  mode: 'initial' | 'changes',
  id: string,
): BatchRequest | undefined {
  switch (operation.kind) {
    case 'create':
      return graph.createRequest(
        run.binding.container_id!,
        id,
        adapter.toGraph(operation.row, { mode, create: { transactionId: operation.transactionId } }),
      );
    case 'update':
      return graph.updateRequest(id, operation.link.graph_id!, adapter.toGraph(operation.row, { mode }));
    case 'delete':
      return operation.link.graph_id ? graph.deleteRequest(id, operation.link.graph_id) : undefined;
  }
}

async function applyResult<Row extends SyncedRow>(
  trx: Transaction<Database>,
  run: SyncRun,
  adapter: ItemAdapter<Row>,
  operation: Operation<Row>,
  response: BatchResponse,
  completion: WriteCompletion<Row> | undefined,
): Promise<string | undefined> {
  const at = run.now();
  const ok = response.status >= 200 && response.status < 300;
  const body = response.body as GraphItem | undefined;
  const refused = `${response.status} ${errorCode(response.body)}`;
  const forget = (entityId: string) => forgetLink(trx, run.binding.id, entityId);
  switch (operation.kind) {
    case 'create': {
      const { row } = operation;
      if (ok && body?.id) {
        const version = completion?.applyToRow ? await completion.applyToRow(trx, row, at) : row.version;
        await confirmCreate(
          trx,
          run.binding.id,
          row.id,
          {
            graphId: body.id,
            changeKey: completion?.changeKey ?? body.changeKey ?? null,
            version,
            at: at.toISOString(),
          },
          adapter.linkFacts?.(body) ?? {},
        );
        await adapter.afterCreate?.(trx, row, body);
        await logSync(
          trx,
          run.binding,
          {
            direction: 'to_microsoft',
            action: 'created',
            entityId: row.id,
            subject: adapter.label(row),
            reason: 'new_in_crm',
          },
          at,
        );
      } else {
        await forget(row.id);
        if (refusedForItem(response.status)) return `refused_create|${refused}`;
        await failedForNow(trx, run, adapter, row, `refused_create|${refused}`, at);
      }
      return undefined;
    }
    case 'update': {
      const { row } = operation;
      if (ok && body) {
        const version = completion?.applyToRow ? await completion.applyToRow(trx, row, at) : row.version;
        await recordSynced(trx, run.binding.id, row.id, {
          changeKey: completion?.changeKey ?? body.changeKey ?? null,
          version,
          at: at.toISOString(),
        });
        await logSync(
          trx,
          run.binding,
          {
            direction: 'to_microsoft',
            action: 'updated',
            entityId: row.id,
            subject: adapter.label(row),
            reason: 'changed_in_crm',
          },
          at,
        );
      } else if (response.status === 404) {
        // Deleted in Microsoft 365 while it was being changed in the CRM: the deletion wins.
        await adapter.softDelete(trx, row, at);
        await forget(row.id);
        await logSync(
          trx,
          run.binding,
          {
            direction: 'from_microsoft',
            action: 'deleted',
            entityId: row.id,
            subject: adapter.label(row),
            reason: 'deletion_wins',
          },
          at,
        );
      } else {
        if (refusedForItem(response.status)) return `refused_change|${refused}`;
        await failedForNow(trx, run, adapter, row, `refused_change|${refused}`, at);
      }
      return undefined;
    }
    case 'delete': {
      if (ok || response.status === 404 || response.status === 410) {
        await forget(operation.entityId);
        await logSync(
          trx,
          run.binding,
          {
            direction: 'to_microsoft',
            action: 'deleted',
            entityId: operation.entityId,
            subject: operation.label,
            reason: operation.reason,
          },
          at,
        );
      } else {
        if (refusedForItem(response.status)) return `refused_delete|${refused}`;
        await logSync(
          trx,
          run.binding,
          {
            direction: 'to_microsoft',
            action: 'error',
            entityId: operation.entityId,
            subject: operation.label,
            reason: `refused_delete|${refused}`,
          },
          at,
        );
        await recordSyncChange(trx, run.binding.user_id, run.binding.kind, operation.entityId, at.toISOString());
      }
      return undefined;
    }
  }
}

/**
 * Microsoft 365 could not take the item right now for a reason that is not the item's (a server error): logged,
 * and queued again for the next run without counting against the item.
 */
async function failedForNow<Row extends SyncedRow>(
  trx: Transaction<Database>,
  run: SyncRun,
  adapter: ItemAdapter<Row>,
  row: Row,
  reason: string,
  at: Date,
): Promise<void> {
  await logSync(
    trx,
    run.binding,
    { direction: 'to_microsoft', action: 'error', entityId: row.id, subject: adapter.label(row), reason },
    at,
  );
  await recordSyncChange(trx, run.binding.user_id, run.binding.kind, row.id, at.toISOString());
}

function errorCode(body: unknown): string {
  return (body as { error?: { code?: string } } | undefined)?.error?.code ?? 'unknown';
}
