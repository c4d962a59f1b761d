import type { Store } from '../store/database.js';
import { InProcessJobQueue } from './inProcessQueue.js';
import type { JobInfo, JobQueue } from './jobQueue.js';
import { PgBossJobQueue } from './pgBossQueue.js';

export interface JobQueueOptions {
  /** pg-boss's schema; by default `pgboss`, or `<store schema>_jobs` when the store lives in its own schema. */
  pgBossSchema?: string;
  /** How often an idle pg-boss worker polls (seconds, at least 0.5). */
  pollingIntervalSeconds?: number;
  /** How long a graceful stop waits for running handlers before aborting them. */
  stopTimeoutMs?: number;
}

/**
 * The queue for the store the service runs on: in-process beside SQLite (the embedded default), pg-boss on
 * the same PostgreSQL when scaled out. The dialect is configuration; no call site chooses an engine.
 */
export function createJobQueue(store: Store, options: JobQueueOptions = {}): JobQueue {
  if (store.dialect === 'postgres') {
    return new PgBossJobQueue(store.db, {
      schema: options.pgBossSchema ?? (store.schema ? `${store.schema}_jobs` : 'pgboss'),
      ...(options.pollingIntervalSeconds !== undefined
        ? { pollingIntervalSeconds: options.pollingIntervalSeconds }
        : {}),
      ...(options.stopTimeoutMs !== undefined ? { stopTimeoutMs: options.stopTimeoutMs } : {}),
    });
  }
  return new InProcessJobQueue({
    ...(options.stopTimeoutMs !== undefined ? { stopTimeoutMs: options.stopTimeoutMs } : {}),
    recordFailure: (job, error) => recordJobFailure(store, job, error),
  });
}

async function recordJobFailure(store: Store, job: JobInfo, error: unknown): Promise<void> {
  await store.db
    .insertInto('job_failures')
    .values({
      id: job.id,
      name: job.name,
      data: JSON.stringify(job.data ?? null),
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      attempts: job.attempt,
      failed_at: new Date().toISOString(),
    })
    .execute();
}
