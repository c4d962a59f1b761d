import express, { Router, type Request } from 'express';
import { Agent, fetch } from 'undici';
import type { DevTenantContext } from '../../context.js';
import { GraphError } from '../graphError.js';
import { sendGraphJson } from '../graphResponse.js';

const MAX_REQUESTS = 20;
/** Graph forwards at most 4 items of an unordered batch to Outlook at a time (docs/graph-behaviour.md#batching). */
const PARALLEL = 4;
const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];
const COPIED_HEADERS = ['content-type', 'retry-after', 'location', 'etag', 'preference-applied', 'odata-version'];

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function bad(message: string): GraphError {
  return new GraphError(400, 'BadRequest', message);
}

function parseBatch(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) throw bad('Invalid batch payload format.');
  if (requests.length === 0) throw bad('Invalid batch payload format. The batch must contain at least one request.');
  if (requests.length > MAX_REQUESTS)
    throw bad(
      `Invalid batch payload format. Number of batch requests ${requests.length} exceeds the maximum of ${MAX_REQUESTS}.`,
    );
  const seen = new Set<string>();
  const items = requests.map((raw: Record<string, unknown> | null) => {
    const id = raw?.id === undefined || raw.id === null ? '' : String(raw.id);
    if (!raw || !id) throw bad('Invalid batch payload format. Every request needs an id.');
    if (seen.has(id.toLowerCase())) throw bad(`Batch Request contains duplicate Id '${id}'.`);
    seen.add(id.toLowerCase());
    const method = String(raw.method ?? '').toUpperCase();
    if (!METHODS.includes(method))
      throw bad(`Invalid batch payload format. Request '${id}' has an invalid method '${String(raw.method)}'.`);
    const url = typeof raw.url === 'string' ? raw.url : '';
    if (!url || /^https?:/i.test(url))
      throw bad(`Invalid batch payload format. Request '${id}' must have a relative url.`);
    const headers: Record<string, string> = {};
    if (raw.headers && typeof raw.headers === 'object')
      for (const [k, v] of Object.entries(raw.headers as Record<string, unknown>)) headers[k.toLowerCase()] = String(v);
    if (raw.body !== undefined && !headers['content-type'])
      throw bad(`Write request id : ${id} does not contain Content-Type header or body.`);
    const dependsOn = Array.isArray(raw.dependsOn) ? raw.dependsOn.map(String) : [];
    return { id, method, url, headers, ...(raw.body !== undefined ? { body: raw.body } : {}), dependsOn };
  });
  for (const item of items) {
    for (const dep of item.dependsOn) {
      if (!items.some((x) => x.id.toLowerCase() === dep.toLowerCase()))
        throw bad(`Invalid batch payload format. Request '${item.id}' depends on unknown request '${dep}'.`);
    }
  }
  return items;
}

/**
 * POST /$batch: each inner request is sent back into this server over HTTPS with the caller's token, so it meets
 * the same token check, request counting, faults, per-mailbox concurrency and latency as a top-level request.
 */
export function batchRoutes(ctx: DevTenantContext): Router {
  const router = Router();
  // Loopback to our own listener: trust the local CA when known; otherwise it is our own socket on localhost.
  const agent = new Agent({ connect: ctx.caCertPem ? { ca: ctx.caCertPem } : { rejectUnauthorized: false } });
  const json = express.json({ limit: '4mb', type: ['application/json', 'application/*+json'] });

  const run = async (req: Request, item: BatchItem): Promise<BatchResponse> => {
    const path = item.url.startsWith('/') ? item.url : `/${item.url}`;
    const headers: Record<string, string> = { ...item.headers, authorization: String(req.headers.authorization ?? '') };
    let body: string | undefined;
    if (item.body !== undefined) body = typeof item.body === 'string' ? item.body : JSON.stringify(item.body);
    try {
      const response = await fetch(`${ctx.baseUrl}/v1.0${path}`, {
        method: item.method,
        headers,
        ...(body !== undefined ? { body } : {}),
        dispatcher: agent,
      });
      const text = await response.text();
      const out: BatchResponse = { id: item.id, status: response.status, headers: {} };
      for (const name of COPIED_HEADERS) {
        const value = response.headers.get(name);
        if (value)
          out.headers[
            name === 'retry-after'
              ? 'Retry-After'
              : name === 'content-type'
                ? 'Content-Type'
                : name === 'etag'
                  ? 'ETag'
                  : name === 'location'
                    ? 'Location'
                    : name
          ] = value;
      }
      if (text) {
        try {
          out.body = JSON.parse(text);
        } catch {
          out.body = text;
        }
      }
      return out;
    } catch {
      return {
        id: item.id,
        status: 500,
        headers: {},
        body: { error: { code: 'generalException', message: 'The inner request could not be processed.' } },
      };
    }
  };

  router.post('/$batch', json, async (req, res) => {
    const items = parseBatch(req.body);
    const responses: BatchResponse[] = [];
    const results = new Map<string, BatchResponse>();
    const failedDependency = (item: BatchItem): BatchResponse => ({
      id: item.id,
      status: 424,
      headers: { 'Content-Type': 'application/json' },
      body: {
        error: {
          code: 'FailedDependency',
          message: 'The request could not be processed because a request it depends on failed.',
        },
      },
    });
    if (items.some((i) => i.dependsOn.length > 0)) {
      // With dependsOn, Graph runs the items one at a time in dependency order.
      const done = new Set<string>();
      while (done.size < items.length) {
        const ready = items.find(
          (i) =>
            !done.has(i.id) && i.dependsOn.every((d) => [...done].some((x) => x.toLowerCase() === d.toLowerCase())),
        );
        if (!ready) throw bad('Invalid batch payload format. The dependsOn references form a cycle.');
        const depFailed = ready.dependsOn.some((d) => {
          const r = [...results.entries()].find(([k]) => k.toLowerCase() === d.toLowerCase())?.[1];
          return !r || r.status >= 400;
        });
        const result = depFailed ? failedDependency(ready) : await run(req, ready);
        results.set(ready.id, result);
        responses.push(result);
        done.add(ready.id);
      }
    } else {
      const queue = [...items];
      const worker = async () => {
        for (let item = queue.shift(); item; item = queue.shift()) responses.push(await run(req, item));
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
    }
    sendGraphJson(res, 200, { responses });
  });
  return router;
}
