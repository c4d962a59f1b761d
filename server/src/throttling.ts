/**
 * What a caller throttled by Microsoft 365 needs, shared by the Graph client (which obeys it) and the job queue
 * (which implements it): the signal to run a job again later, and the contract of the per-mailbox limiter.
 */

/**
 * Thrown by a handler to be run again after `seconds` without counting an attempt: Graph's `Retry-After`
 * is not the job's fault, so it must not use up its retries.
 */
export class RetryLater extends Error {
  constructor(
    readonly seconds: number,
    options?: { cause?: unknown },
  ) {
    super(`retry later, in ${seconds}s`, options);
    this.name = 'RetryLater';
  }
}

/** Gives the slot back; calling it twice is harmless. */
export type Release = () => Promise<void>;

/**
 * Microsoft Graph's limits per app + mailbox, held for every worker at once: at most `limit` (4) requests in
 * flight, and none before a Retry-After the mailbox was given has passed.
 */
export interface MailboxLimiter {
  /** Waits for a free slot of the mailbox (and for its Retry-After to pass); rejects when `signal` aborts. */
  acquire(mailboxKey: string, options?: { signal?: AbortSignal }): Promise<Release>;
  /** Records Graph's Retry-After for the mailbox; a later time wins over an earlier one, never the reverse. */
  blockUntil(mailboxKey: string, until: Date): Promise<void>;
}
