import type { Response } from 'express';

/** Graph's JSON content type, parameters as Graph sends them. */
export const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function sendGraphJson(res: Response, status: number, body: unknown): void {
  res.status(status).setHeader('Content-Type', GRAPH_JSON);
  res.send(JSON.stringify(body));
}

/** The `@odata.context` URL for an entity set or entity, e.g. `users(displayName,mail)/$entity`. */
export function odataContext(baseUrl: string, fragment: string): string {
  return `${baseUrl}/v1.0/$metadata#${fragment}`;
}
