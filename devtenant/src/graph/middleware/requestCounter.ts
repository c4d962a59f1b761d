import type { NextFunction, Request, Response } from 'express';
import type { DevTenantContext } from '../../context.js';
import { callerOf } from './authenticate.js';

type Counts = Record<string, number>;

/** Graph requests served per mailbox (UPN) and per method, and 429s answered; requests inside $batch count one by one. */
export class RequestCounter {
  private byMailbox = new Map<string, Counts>();
  private other: Counts = {};
  private batches = 0;
  private throttled = 0;

  count(mailbox: string | undefined, method: string): void {
    const bucket = mailbox ? (this.byMailbox.get(mailbox) ?? {}) : this.other;
    bucket[method] = (bucket[method] ?? 0) + 1;
    if (mailbox) this.byMailbox.set(mailbox, bucket);
  }

  countBatch(): void {
    this.batches += 1;
  }

  /** One 429 answered (over the request budget, over the concurrency limit, or injected); inner $batch items too. */
  countThrottled(): void {
    this.throttled += 1;
  }

  reset(): void {
    this.byMailbox = new Map();
    this.other = {};
    this.batches = 0;
    this.throttled = 0;
  }

  snapshot() {
    const total = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);
    const mailboxes: Record<string, Counts & { total: number }> = {};
    for (const [upn, counts] of this.byMailbox) mailboxes[upn] = { ...counts, total: total(counts) };
    const all = [...this.byMailbox.values(), this.other].reduce((a, c) => a + total(c), 0);
    return {
      total: all,
      batchRequests: this.batches,
      throttled: this.throttled,
      mailboxes,
      other: { ...this.other, total: total(this.other) },
    };
  }
}

/** The mailbox a Graph path is about (below /me or /users/{id}), or undefined for directory paths. */
export function mailboxOfPath(
  ctx: DevTenantContext,
  req: Request,
  res: Response,
): { id: string; upn: string } | undefined {
  const caller = callerOf(res);
  const segments = req.path.split('/').filter(Boolean);
  if (segments[0] === 'me' && segments.length > 1 && caller.user)
    return { id: caller.user.id, upn: caller.user.userPrincipalName };
  if (segments[0] === 'users' && segments.length > 2 && segments[1]) {
    const id = decodeURIComponent(segments[1]);
    const user = ctx.directory.userInTenant(caller.tenant.id, id);
    return user ? { id: user.id, upn: user.userPrincipalName } : { id: id.toLowerCase(), upn: id.toLowerCase() };
  }
  return undefined;
}

export function requestCounter(ctx: DevTenantContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path === '/$batch') ctx.requestCounts.countBatch();
    else ctx.requestCounts.count(mailboxOfPath(ctx, req, res)?.upn, req.method.toUpperCase());
    next();
  };
}
