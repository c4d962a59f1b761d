import type { NextFunction, Request, Response } from 'express';
import type { DevTenantContext } from '../../context.js';
import { callerOf } from './authenticate.js';
import { graphErrors } from '../graphError.js';
import { mailboxOfPath } from './requestCounter.js';

/** Every request of one app + mailbox inside the rolling window, oldest first (rejected ones too). */
class RequestTimes {
  private times: number[] = [];
  private head = 0;

  get size(): number {
    return this.times.length - this.head;
  }

  dropBefore(cutoff: number): void {
    while (this.head < this.times.length && this.times[this.head]! <= cutoff) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }

  add(at: number): void {
    this.times.push(at);
  }

  /** The n-th oldest time still in the window (0 = oldest). */
  at(n: number): number {
    return this.times[this.head + n]!;
  }
}

/**
 * Outlook's request budget per app + mailbox (10,000 requests in 10 minutes; each request inside a $batch counts).
 * The window rolls, as Graph's does: at no moment do the last `windowSeconds` hold more than `requests` requests.
 * A fixed window would let twice the budget through around its boundary, so a client could pass here and still
 * be throttled by Graph. Throttled requests count too ("all requests accrue against your usage limits"), so a
 * client that retries before Retry-After only waits longer; the log of one mailbox is bounded at twice the budget.
 */
export class RequestBudget {
  private readonly logs = new Map<string, RequestTimes>();

  constructor(private readonly limits: () => { requests: number; windowSeconds: number }) {}

  /** Records one request at `now`; answers how many milliseconds to wait when it is over the budget. */
  take(key: string, now: number): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const { requests, windowSeconds } = this.limits();
    const windowMs = windowSeconds * 1000;
    let log = this.logs.get(key);
    if (!log) {
      log = new RequestTimes();
      this.logs.set(key, log);
    }
    log.dropBefore(now - windowMs);
    if (log.size < requests) {
      log.add(now);
      return { allowed: true };
    }
    if (log.size < 2 * requests) log.add(now);
    // The next request fits once all but (requests - 1) of those in the log have left the window.
    const retryAfterMs = Math.max(1, log.at(log.size - requests) + windowMs - now);
    return { allowed: false, retryAfterMs };
  }

  reset(): void {
    this.logs.clear();
  }
}

/** Answers 429 TooManyRequests with Retry-After (seconds, fractional as Graph sends them) once a mailbox is over budget. */
export function requestBudget(ctx: DevTenantContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const mailbox = mailboxOfPath(ctx, req, res);
    if (!mailbox) {
      next();
      return;
    }
    const verdict = ctx.requestBudget.take(`${callerOf(res).appId}|${mailbox.id}`, Date.now());
    if (!verdict.allowed) throw graphErrors.tooManyRequests((Math.ceil(verdict.retryAfterMs) / 1000).toFixed(3));
    next();
  };
}
