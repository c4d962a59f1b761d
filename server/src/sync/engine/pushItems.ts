import type { Transaction } from 'kysely';
import type { BatchRequest, BatchResponse } from '../../graph/mailboxGraph.js';
import type { Database, SyncLinkRow } from '../../store/schema.js';
import { logSync } from '../syncLog.js';
import { assertStillActive, type SyncRun } from '../syncRun.js';
import type { ContainerGraph, GraphItem } from './containerGraph.js';
import type { ItemAdapter, SyncedRow, WriteCompletion } from './itemAdapter.js';

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
  const requests = operations
    .map((operation, index) => request(run, graph, adapter, operation, mode, String(index)))
    .filter((r): r is BatchRequest => r !== undefined);
  return { ids, operations, requests };
}

async function commitChunk<Row extends SyncedRow>(
  run: SyncRun,
  adapter: ItemAdapter<Row>,
  chunk: PreparedChunk<Row>,
  responses: Map<string, BatchResponse>,
  completions: Map<number, WriteCompletion<Row>>,
): Promise<void> {
  await run.db.transaction().execute(async (trx) => {
    for (const [index, operation] of chunk.operations.entries()) {
      // A delete of a create that never reached Microsoft 365 has nothing to send: it just forgets the link.
      const response =
        responses.get(String(index)) ??
        (operation.kind === 'delete' ? { id: String(index), status: 204, body: undefined, headers: {} } : undefined);
      if (response) await applyResult(trx, run, adapter, operation, response, completions.get(index));
    }
  });
}

async function plan<Row extends SyncedRow>(
  run: SyncRun,
  adapter: ItemAdapter<Row>,
  ids: string[],
): Promise<Operation<Row>[]> {
  const { db, binding } = run;
  const rows = new Map((await adapter.loadRows(db, ids)).map((row) => [row.id, row]));
  const links = new Map(
    (
      await db
        .selectFrom('sync_links')
        .selectAll()
        .where('binding_id', '=', binding.id)
        .where('entity_id', 'in', ids)
        .execute()
    ).map((link) => [link.entity_id, link]),
  );
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
      const link = await run.db
        .selectFrom('sync_links')
        .selectAll()
        .where('binding_id', '=', run.binding.id)
        .where('entity_id', '=', entityId)
        .executeTakeFirstOrThrow();
      operations[index] = { kind: 'update', row: operation.row, link: { ...link, graph_id: found } };
      await run.db
        .updateTable('sync_links')
        .set({ graph_id: found })
        .where('binding_id', '=', run.binding.id)
        .where('entity_id', '=', entityId)
        .execute();
    }
  }
}

async function recordPendingCreates<Row extends SyncedRow>(run: SyncRun, operations: Operation<Row>[]): Promise<void> {
  const creates = operations.filter((o): o is Extract<Operation<Row>, { kind: 'create' }> => o.kind === 'create');
  if (!creates.length) return;
  const at = run.now().toISOString();
  await run.db.transaction().execute(async (trx) => {
    for (const create of creates) {
      await trx
        .insertInto('sync_links')
        .values({
          binding_id: run.binding.id,
          entity_id: create.row.id,
          graph_id: null,
          transaction_id: create.transactionId,
          entity_version: 0,
          graph_change_key: null,
          ical_uid: null,
          synced_at: at,
        })
        .onConflict((conflict) => conflict.columns(['binding_id', 'entity_id']).doNothing())
        .execute();
    }
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
): Promise<void> {
  const at = run.now();
  const ok = response.status >= 200 && response.status < 300;
  const body = response.body as (GraphItem & { iCalUId?: string }) | undefined;
  const refused = `${response.status} ${errorCode(response.body)}`;
  const forget = (entityId: string) =>
    trx.deleteFrom('sync_links').where('binding_id', '=', run.binding.id).where('entity_id', '=', entityId).execute();
  const link = (entityId: string) =>
    trx.updateTable('sync_links').where('binding_id', '=', run.binding.id).where('entity_id', '=', entityId);
  switch (operation.kind) {
    case 'create': {
      const { row } = operation;
      if (ok && body?.id) {
        const version = completion?.applyToRow ? await completion.applyToRow(trx, row, at) : row.version;
        await link(row.id)
          .set({
            graph_id: body.id,
            graph_change_key: completion?.changeKey ?? body.changeKey ?? null,
            ical_uid: body.iCalUId ?? null,
            entity_version: version,
            synced_at: at.toISOString(),
          })
          .execute();
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
        await logSync(
          trx,
          run.binding,
          {
            direction: 'to_microsoft',
            action: 'error',
            entityId: row.id,
            subject: adapter.label(row),
            reason: `refused_create|${refused}`,
          },
          at,
        );
      }
      return;
    }
    case 'update': {
      const { row } = operation;
      if (ok && body) {
        const version = completion?.applyToRow ? await completion.applyToRow(trx, row, at) : row.version;
        await link(row.id)
          .set({
            graph_change_key: completion?.changeKey ?? body.changeKey ?? null,
            entity_version: version,
            synced_at: at.toISOString(),
          })
          .execute();
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
        await logSync(
          trx,
          run.binding,
          {
            direction: 'to_microsoft',
            action: 'error',
            entityId: row.id,
            subject: adapter.label(row),
            reason: `refused_change|${refused}`,
          },
          at,
        );
      }
      return;
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
      }
    }
  }
}

function errorCode(body: unknown): string {
  return (body as { error?: { code?: string } } | undefined)?.error?.code ?? 'unknown';
}
