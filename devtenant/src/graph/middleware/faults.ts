import type { NextFunction, Request, Response } from 'express';
import type { DevTenantContext } from '../../context.js';
import { GraphError, graphErrors } from '../graphError.js';

/** Turns the next matching injected fault into Graph's 429 / 503 / 504 response. */
export function injectedFaults(ctx: DevTenantContext) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const fault = ctx.knobs.takeFault(req.originalUrl, req.method);
    if (!fault) {
      next();
      return;
    }
    const headers: Record<string, string> =
      fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
    if (fault.status === 429) throw graphErrors.tooManyRequests(headers['Retry-After']);
    if (fault.status === 503) {
      throw new GraphError(503, 'serviceNotAvailable', 'Service Unavailable', headers);
    }
    throw new GraphError(504, 'UnknownError', '', headers);
  };
}
