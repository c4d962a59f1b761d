import type { Logger } from 'pino';
import type { Store } from '../store/database.js';
import { runBinding, sweepSync, SYNC_JOB } from '../sync/syncCommands.js';
import type { SyncDependencies } from '../sync/syncDependencies.js';
import { fileSentMessages } from '../sync/mail/filesOnSend.js';
import type { JobQueue } from './jobQueue.js';
import type { MailboxLimiter } from './mailboxLimiter.js';

/** What job handlers may use. */
export interface JobDependencies {
  store: Store;
  logger: Logger;
  limiter: MailboxLimiter;
  sync: SyncDependencies;
  /** How many sync runs this process carries at once. */
  syncRunsPerProcess: number;
}

export const SYNC_SWEEP_JOB = 'sync.sweep';
export const FILES_ON_SEND_JOB = 'mail.files-on-send';
// How often the sweep looks at every binding; each binding is synced at least every SYNC_SAFETY_NET_SECONDS.
const SWEEP_SECONDS = 30;
const FILES_ON_SEND_SECONDS = 15;

/**
 * Registers every job handler on the queue: the one place the service and `npm run worker` share, so both run
 * the same jobs.
 */
export function registerJobHandlers(queue: JobQueue, deps: JobDependencies): void {
  queue.register<{ bindingId: string }>(SYNC_JOB, (job) => runBinding(deps.sync, job.data.bindingId, job.signal), {
    concurrency: deps.syncRunsPerProcess,
  });
  queue.register(SYNC_SWEEP_JOB, () => sweepSync(deps.sync));
  queue.register(FILES_ON_SEND_JOB, () => fileSentMessages(deps.sync));
}

/** Starts the periodic jobs (after start: `every` schedules through the running queue). */
export async function schedulePeriodicJobs(queue: JobQueue): Promise<void> {
  await queue.every(SYNC_SWEEP_JOB, SWEEP_SECONDS);
  // File when sent looks for sent mail about as often as a person glances back at the pane.
  await queue.every(FILES_ON_SEND_JOB, FILES_ON_SEND_SECONDS);
}
