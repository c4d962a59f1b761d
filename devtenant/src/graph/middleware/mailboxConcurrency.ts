import type { NextFunction, Request, Response } from 'express';
import type { DevTenantContext } from '../../context.js';
import { callerOf } from './authenticate.js';
import { GraphError } from '../graphError.js';

/**
 * Outlook allows 4 concurrent requests per app + mailbox; more get 429 ApplicationThrottled.
 * Only mailbox resources count (a path below /me or /users/{id}), not directory reads.
 */
export function mailboxConcurrency(ctx: DevTenantContext) {
  const inFlight = new Map<string, number>();
  return (req: Request, res: Response, next: NextFunction): void => {
    const caller = callerOf(res);
    const segments = req.path.split('/').filter(Boolean);
    let mailbox: string | undefined;
    if (segments[0] === 'me' && segments.length > 1) mailbox = caller.user?.id;
    else if (segments[0] === 'users' && segments.length > 2 && segments[1]) {
      const id = decodeURIComponent(segments[1]);
      mailbox = ctx.directory.userInTenant(caller.tenant.id, id)?.id ?? id.toLowerCase();
    }
    if (!mailbox) {
      next();
      return;
    }
    const key = `${caller.appId}|${mailbox}`;
    const current = inFlight.get(key) ?? 0;
    if (current >= ctx.knobs.mailboxConcurrencyLimit) {
      throw new GraphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', {
        'Retry-After': '1',
      });
    }
    inFlight.set(key, current + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (inFlight.get(key) ?? 1) - 1;
      if (left <= 0) inFlight.delete(key);
      else inFlight.set(key, left);
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
}
