import type { NextFunction, Request, Response } from 'express';
import { newGuid } from '../../shared/ids.js';

/** Every Graph response carries request-id and echoes client-request-id (or a new one), as Graph does. */
export function requestIds(req: Request, res: Response, next: NextFunction): void {
  const requestId = newGuid();
  const header = req.headers['client-request-id'];
  const clientRequestId = typeof header === 'string' && header ? header : requestId;
  res.locals.requestId = requestId;
  res.locals.clientRequestId = clientRequestId;
  res.setHeader('request-id', requestId);
  res.setHeader('client-request-id', clientRequestId);
  res.setHeader(
    'x-ms-ags-diagnostic',
    JSON.stringify({
      ServerInfo: { DataCenter: 'Local', Slice: 'E', Ring: '5', ScaleUnit: '000', RoleInstance: 'devtenant' },
    }),
  );
  // Graph answers CORS for any origin; browsers may call it directly with a bearer token.
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'request-id, client-request-id, Retry-After, Location, ETag');
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, PUT, DELETE, OPTIONS');
    res.setHeader(
      'Access-Control-Allow-Headers',
      String(req.headers['access-control-request-headers'] ?? 'authorization, content-type'),
    );
    res.setHeader('Access-Control-Max-Age', '3600');
    res.status(200).end();
    return;
  }
  next();
}
