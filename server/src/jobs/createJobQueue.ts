import type { Store } from '../store/database.js';
import { InProcessJobQueue } from './inProcessQueue.js';
import type { JobInfo, JobQueue } from './jobQueue.js';
import { PostgresJobQueue, type PostgresJobQueueOptions } from './postgresJobQueue.js';

export interface JobQueueOptions {
  /** How long a graceful stop waits for running handlers before aborting them. */
  stopTimeoutMs?: number;
  /** The PostgreSQL engine's polling and leases (see there); the embedded engine has neither. */
  postgres?: Omit<PostgresJobQueueOptions, 'stopTimeoutMs'>;
}

/**
 * The queue for the store the service runs on: in-process beside SQLite (the embedded default), the store's own
 * job tables on PostgreSQL when scaled out. The dialect is configuration; no call site chooses an engine.
 */
export function createJobQueue(store: Store, options: JobQueueOptions = {}): JobQueue {
  const stop = options.stopTimeoutMs !== undefined ? { stopTimeoutMs: options.stopTimeoutMs } : {};
  if (store.dialect === 'postgres') return new PostgresJobQueue(store.db, { ...options.postgres, ...stop });
  return new InProcessJobQueue({
    ...stop,
    recordFailure: (job, error) => recordJobFailure(store, job, error),
  });
}

async function recordJobFailure(store: Store, job: JobInfo, error: unknown): Promise<void> {
  await store.db
    .insertInto('job_failures')
    .values({
      id: job.id,
      name: job.name,
      data: JSON.stringify(job.data === undefined ? null : job.data),
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      attempts: job.attempt,
      failed_at: new Date().toISOString(),
    })
    .execute();
}
