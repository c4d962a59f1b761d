import { RetryLater } from '../throttling.js';

/** Handlers throw it to run again later; it lives beside the mailbox limiter's contract, which Graph's client obeys too. */
export { RetryLater };

/** What a handler is given for one run of one job. */
export interface JobContext<T> {
  id: string;
  name: string;
  data: T;
  /** 1-based; a `RetryLater` does not count as an attempt. */
  attempt: number;
  /**
   * Aborted when the queue stops and the handler has outrun the graceful-stop timeout, or (PostgreSQL) when this
   * worker can no longer hold the job's lease: the handler must stop before another worker takes the job up.
   */
  signal: AbortSignal;
}

export interface EnqueueOptions {
  /**
   * At most one job with this key (per job name) runs at a time across all workers, and at most one more waits
   * queued; an enqueue while one is already queued is coalesced (returns null).
   */
  singletonKey?: string;
  /** Not before this time. */
  runAfter?: Date;
  /** Retries after the first attempt; the job fails for good after `retryLimit + 1` attempts. Default 5. */
  retryLimit?: number;
  /** Base of the exponential backoff (with jitter) between retries. Default 5; whole seconds, at least 1. */
  retryDelaySeconds?: number;
}

export type JobHandler<T> = (job: JobContext<T>) => Promise<void>;

/** A failure in the background: a job that ran out of attempts, or the engine itself. */
export type JobQueueErrorEvent = JobFailedError | JobEngineError;

/** The queue both engines implement; call sites never know which one they have. */
export interface JobQueue {
  register<T>(name: string, handler: JobHandler<T>, options?: { concurrency?: number }): void;
  /** Resolves to the job id, or null when coalesced into a job with the same singleton key already queued. */
  enqueue<T>(name: string, data: T, options?: EnqueueOptions): Promise<string | null>;
  /** Makes the queue able to take jobs without running any: a web process that leaves jobs to workers. */
  prepare(): Promise<void>;
  /** Starts running jobs (prepares first). */
  start(): Promise<void>;
  /**
   * Stops taking jobs; graceful (the default) waits for running handlers and aborts them after the stop timeout. A
   * job whose handler was aborted goes back to the queue without counting an attempt (PostgreSQL; the embedded
   * engine's jobs end with its process).
   */
  stop(options?: { graceful?: boolean }): Promise<void>;
  /** Schedules `name` every `seconds` (one runner across all workers). */
  every(name: string, seconds: number, data?: unknown): Promise<void>;
  /** Background failures are events with a cause, never swallowed. */
  on(event: 'error', listener: (error: JobQueueErrorEvent) => void): this;
  off(event: 'error', listener: (error: JobQueueErrorEvent) => void): this;
}

/**
 * The reason a handler's signal aborts: the job is being taken from this worker (it is stopping, or lost the job's
 * lease) and runs again, not counted as an attempt. A RetryLater, so that code which lets RetryLater through without
 * recording a failure does the same with it.
 */
export class JobAborted extends RetryLater {
  constructor(
    readonly why: 'stopping' | 'lease_lost',
    detail: string,
  ) {
    super(0);
    this.message =
      why === 'stopping' ? `job queue stopping${detail ? `: ${detail}` : ''}` : `job lease lost: ${detail}`;
    this.name = 'JobAborted';
  }
}

/** What an error event tells about the job it concerns. */
export interface JobInfo {
  id: string;
  name: string;
  data: unknown;
  attempt: number;
}

/** A job whose last allowed attempt threw; `cause` is what it threw. */
export class JobFailedError extends Error {
  readonly code = 'job_failed';
  constructor(
    readonly job: JobInfo,
    cause: unknown,
  ) {
    super(`Job ${job.name} (${job.id}) failed after ${job.attempt} attempt(s): ${describe(cause)}`, { cause });
    this.name = 'JobFailedError';
  }
}

/** The engine could not do its own work (fetch, complete, record a failure, schedule). */
export class JobEngineError extends Error {
  readonly code = 'job_engine_error';
  constructor(
    message: string,
    cause: unknown,
    readonly job?: JobInfo,
  ) {
    super(`${message}: ${describe(cause)}`, { cause });
    this.name = 'JobEngineError';
  }
}

export const DEFAULT_RETRY_LIMIT = 5;
export const DEFAULT_RETRY_DELAY_SECONDS = 5;
/** No retry waits longer than this, whatever the attempt: a sync that failed at night still runs by morning. */
export const MAX_RETRY_DELAY_SECONDS = 3600;

/**
 * Delay before retry number `retry` (1-based): base·2^(retry-1), then jittered up to twice that (pg-boss's
 * formula; both engines back off alike), capped.
 */
export function retryDelayMs(baseSeconds: number, retry: number, random: () => number = Math.random): number {
  const exponential = baseSeconds * 2 ** Math.min(16, retry - 1);
  return Math.min(MAX_RETRY_DELAY_SECONDS, exponential * (1 + random())) * 1000;
}

/** Backoff bases are whole seconds (the PostgreSQL engine stores them as integers). */
export function normaliseRetryDelay(seconds: number | undefined): number {
  return Math.max(1, Math.round(seconds ?? DEFAULT_RETRY_DELAY_SECONDS));
}

export function normaliseRetryLimit(limit: number | undefined): number {
  return Math.max(0, Math.floor(limit ?? DEFAULT_RETRY_LIMIT));
}

/** True when every promise settled within `ms`. */
export async function settleWithin(promises: Promise<unknown>[], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([Promise.allSettled(promises).then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
