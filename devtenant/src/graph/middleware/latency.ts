import type { NextFunction, Request, Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DevTenantContext } from '../../context.js';

/** Adds the latency knob to every Graph request (inside the concurrency slot, like a slow mailbox). */
export function latency(ctx: DevTenantContext) {
  return async (_req: Request, _res: Response, next: NextFunction): Promise<void> => {
    if (ctx.knobs.latencyMs > 0) await sleep(ctx.knobs.latencyMs);
    next();
  };
}
