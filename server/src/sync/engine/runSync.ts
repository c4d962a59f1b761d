import { AppError } from '../../errors.js';
import { GraphError } from '../../graph/graphError.js';
import { RetryLater } from '../../jobs/jobQueue.js';
import { StoreUnavailableError } from '../../store/storeUnavailable.js';
import {
  firstSyncCounted,
  firstSyncDone,
  firstSyncProgressed,
  reviewed,
  runFailed,
  runStarted,
  runSucceeded,
  stopBinding,
} from '../bindingStates.js';
import { itemsToRetry } from '../itemFailures.js';
import { confirmedLinks } from '../syncLinks.js';
import { logSync } from '../syncLog.js';
import { BindingChanged, type SyncRun } from '../syncRun.js';
import type { ContainerGraph } from './containerGraph.js';
import type { ItemAdapter } from './itemAdapter.js';
import { ContainerGone, pullItems } from './pullItems.js';
import { pushItems } from './pushItems.js';

const OUTBOX_BATCH = 500;

/**
 * One run of a user's sync of one kind: the first sync while it is unfinished, then Microsoft 365's changes
 * (pulled first, so that a change made on both sides is seen as a conflict), then the CRM's changes from the outbox.
 */
export async function runSync(run: SyncRun, graph: ContainerGraph, adapter: ItemAdapter): Promise<void> {
  await bookkeptRun(run, async (startedAt) => {
    if (run.binding.stage === 'initial') await firstSync(run, graph, adapter);
    await pullItems(run, graph, adapter);
    await reviewWhenDue(run, graph, adapter);
    await pushOutbox(run, graph, adapter, startedAt);
  });
}

/**
 * A run's bookkeeping, whatever the kind does in it: started, succeeded or failed on the binding; a binding changed
 * underneath ends it quietly, a deleted container turns the binding off with its reason in the log.
 */
export async function bookkeptRun(run: SyncRun, work: (startedAt: Date) => Promise<void>): Promise<void> {
  const startedAt = run.now();
  await runStarted(run.db, run.binding, startedAt);
  try {
    await work(startedAt);
    await runSucceeded(run.db, run.binding, run.now());
  } catch (error) {
    if (error instanceof BindingChanged) return;
    if (error instanceof ContainerGone) {
      await stopBinding(run.db, run.binding, 'container_deleted', run.now());
      await logSync(
        run.db,
        run.binding,
        { direction: 'none', action: 'disabled', reason: 'container_deleted' },
        run.now(),
      );
      return;
    }
    // Neither is a failure of this binding: Graph asked to wait, or the database was gone (runBinding retries).
    if (error instanceof RetryLater || error instanceof StoreUnavailableError) throw error;
    await recordFailure(run, error);
    throw error;
  }
}

async function firstSync(run: SyncRun, graph: ContainerGraph, adapter: ItemAdapter): Promise<void> {
  const ids = await adapter.firstSyncSelection(run);
  await firstSyncCounted(run.db, run.binding, ids.length);
  const linked = new Set((await confirmedLinks(run.db, run.binding.id)).map((link) => link.entity_id));
  const remaining = ids.filter((id) => !linked.has(id));
  const alreadyDone = ids.length - remaining.length;
  await firstSyncProgressed(run.db, run.binding, alreadyDone);
  await pushItems(run, graph, adapter, remaining, 'initial', async (done) => {
    await firstSyncProgressed(run.db, run.binding, alreadyDone + done);
  });
  await firstSyncDone(run.db, run.binding);
  run.binding = { ...run.binding, stage: 'incremental' };
}

/** Now and then, the adapter reads again what Microsoft 365 may change without telling (SYNC_REVIEW_SECONDS). */
async function reviewWhenDue(run: SyncRun, graph: ContainerGraph, adapter: ItemAdapter): Promise<void> {
  if (!adapter.review || run.reviewSeconds === undefined) return;
  const now = run.now();
  const last = run.binding.reviewed_at ? Date.parse(run.binding.reviewed_at) : 0;
  if (now.getTime() - last < run.reviewSeconds * 1000) return;
  await adapter.review(run, graph);
  await reviewed(run.db, run.binding, now);
}

/**
 * Pushes the items that failed in earlier runs and are not set aside yet, then the outbox: each changed item once,
 * as it is now; rows are removed once their push committed. Only rows that were there when the push began are
 * read, so an item queued again during the push waits for the next run.
 */
async function pushOutbox(run: SyncRun, graph: ContainerGraph, adapter: ItemAdapter, startedAt: Date): Promise<void> {
  const { user_id: userId, kind } = run.binding;
  const retried = new Set(await itemsToRetry(run.db, run.binding.id, 'to_microsoft', startedAt));
  if (retried.size) await pushItems(run, graph, adapter, [...retried], 'changes');
  const newest = await run.db
    .selectFrom('sync_outbox')
    .select('id')
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!newest) return;
  const lastQueued = newest.id;
  for (;;) {
    const rows = await run.db
      .selectFrom('sync_outbox')
      .select(['id', 'entity_id'])
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .where('id', '<=', lastQueued)
      .orderBy('id')
      .limit(OUTBOX_BATCH)
      .execute();
    if (!rows.length) return;
    const ids = [...new Set(rows.map((row) => row.entity_id))];
    await pushItems(
      run,
      graph,
      adapter,
      ids.filter((id) => !retried.has(id)),
      'changes',
    );
    const lastId = rows[rows.length - 1]!.id;
    await run.db
      .deleteFrom('sync_outbox')
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .where('id', '<=', lastId)
      .where('entity_id', 'in', ids)
      .execute();
    if (rows.length < OUTBOX_BATCH) return;
  }
}

/** Failures a user must act on become a reconnect prompt; others are counted and retried. */
export async function recordFailure(run: SyncRun, error: unknown): Promise<void> {
  const at = run.now();
  const code = failureCode(error);
  await runFailed(run.db, run.binding, code, at);
  await logSync(run.db, run.binding, { direction: 'none', action: 'error', reason: `failed|${code}` }, at);
}

export function failureCode(error: unknown): string {
  if (error instanceof AppError)
    return error.code === 'consent_required' || error.code === 'not_installed' ? 'consent_revoked' : error.code;
  if (error instanceof GraphError) {
    if (error.kind === 'consent_missing') return 'consent_revoked';
    return `graph_${error.kind}`;
  }
  return 'unexpected';
}
