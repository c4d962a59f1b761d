import type { Response } from 'express';

/** Graph's JSON content type, parameters as Graph sends them. */
export const GRAPH_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function sendGraphJson(res: Response, status: number, body: unknown): void {
  // res.end, not res.send: Express would rewrite the content type's parameters (spacing, casing).
  const payload = Buffer.from(JSON.stringify(body));
  res.status(status).setHeader('Content-Type', GRAPH_JSON);
  res.setHeader('Content-Length', payload.length);
  res.end(payload);
}

/** The `@odata.context` URL for an entity set or entity, e.g. `users(displayName,mail)/$entity`. */
export function odataContext(baseUrl: string, fragment: string): string {
  return `${baseUrl}/v1.0/$metadata#${fragment}`;
}
