import type { Logger } from 'pino';
import type { Store } from '../store/database.js';
import type { JobQueue } from './jobQueue.js';
import type { MailboxLimiter } from './mailboxLimiter.js';

/** What job handlers may use; grows as handlers are added (the sync engine's dependencies). */
export interface JobDependencies {
  store: Store;
  logger: Logger;
  limiter: MailboxLimiter;
}

/**
 * Registers every job handler on the queue: the one place the service and `npm run worker` share, so both run
 * the same jobs. The sync handlers are registered here when they exist.
 */
export function registerJobHandlers(queue: JobQueue, deps: JobDependencies): void {
  // No handler yet besides the worker's own heartbeat; the sync jobs come with the sync engine.
  return registerNothing(queue, deps);
}

function registerNothing(_queue: JobQueue, _deps: JobDependencies): void {}
