export { createJobQueue, type JobQueueOptions } from './createJobQueue.js';
export { registerJobHandlers, type JobDependencies } from './handlers.js';
export {
  JobAborted,
  JobEngineError,
  JobFailedError,
  RetryLater,
  type EnqueueOptions,
  type JobContext,
  type JobHandler,
  type JobInfo,
  type JobQueue,
  type JobQueueErrorEvent,
} from './jobQueue.js';
export {
  createStoreMailboxLimiter,
  type MailboxLimiter,
  type Release,
  type StoreMailboxLimiterOptions,
} from './mailboxLimiter.js';
