import { setTimeout as sleep } from 'node:timers/promises';
import { RetryLater, type MailboxLimiter } from '../throttling.js';
import { GraphError } from './graphError.js';
import type { GraphCall, GraphMethod, GraphTransport } from './graphTransport.js';

export interface BatchRequest {
  id: string;
  method: GraphMethod;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BatchResponse {
  id: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

// Graph's JSON batching takes at most 20 requests per $batch (docs/graph-behaviour.md#batching).
export const MAX_BATCH_REQUESTS = 20;
// A Retry-After up to this long is waited out in place; a longer one hands the job back to the queue (RetryLater).
const MAX_INLINE_WAIT_SECONDS = 20;
const MAX_THROTTLED_ROUNDS = 6;

/**
 * Every Graph call of the sync for one mailbox: through the mailbox limiter (4 concurrent requests and the
 * mailbox's Retry-After, for all workers), retrying 429/503/504 after Retry-After, batching by 20.
 */
export class MailboxGraph {
  constructor(
    private readonly transport: GraphTransport,
    private readonly limiter: MailboxLimiter,
    readonly mailboxKey: string,
    /** The job's signal: once it aborts, no further request is sent and the call throws its reason. */
    private readonly signal?: AbortSignal,
  ) {}

  async get<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
    return (await this.send({ method: 'GET', path, headers })) as T;
  }

  async post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return (await this.send({ method: 'POST', path, body, headers })) as T;
  }

  async patch<T>(path: string, body: unknown): Promise<T> {
    return (await this.send({ method: 'PATCH', path, body })) as T;
  }

  async delete(path: string): Promise<void> {
    await this.send({ method: 'DELETE', path });
  }

  /** Sends the requests in $batch calls of 20; throttled inner requests are sent again after their Retry-After. */
  async batch(requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
    const results = new Map<string, BatchResponse>();
    for (let start = 0; start < requests.length; start += MAX_BATCH_REQUESTS) {
      let pending = requests.slice(start, start + MAX_BATCH_REQUESTS);
      for (let round = 1; pending.length; round += 1) {
        const body = await this.send({ method: 'POST', path: '/$batch', body: { requests: pending } });
        const responses = (body as { responses: BatchResponse[] }).responses;
        let waitSeconds = 0;
        const again: BatchRequest[] = [];
        for (const response of responses) {
          const request = pending.find((candidate) => candidate.id === response.id)!;
          const failure =
            response.status >= 400
              ? GraphError.fromAnswer(`${request.method} ${request.url}`, {
                  status: response.status,
                  body: response.body,
                  header: (name) => headerValue(response.headers, name),
                })
              : undefined;
          if (failure?.kind === 'temporary') {
            again.push(request);
            waitSeconds = Math.max(waitSeconds, failure.retryAfterSeconds ?? backoffSeconds(round));
          } else {
            results.set(response.id, response);
          }
        }
        pending = again;
        if (pending.length) await this.throttled(waitSeconds, round);
      }
    }
    return results;
  }

  /** One request through the mailbox limiter; 429/503/504 are sent again after Retry-After, other failures thrown. */
  private async send(call: GraphCall): Promise<unknown> {
    for (let round = 1; ; round += 1) {
      this.signal?.throwIfAborted();
      const release = await this.limiter.acquire(this.mailboxKey, this.signal ? { signal: this.signal } : {});
      let throttled: GraphError;
      try {
        return await this.transport.send(call.method === 'POST' ? { ...call, body: call.body ?? {} } : call);
      } catch (error) {
        if (!(error instanceof GraphError) || error.kind !== 'temporary') throw error;
        throttled = error;
      } finally {
        await release();
      }
      await this.throttled(throttled.retryAfterSeconds ?? backoffSeconds(round), round);
    }
  }

  private async throttled(seconds: number, round: number): Promise<void> {
    await this.limiter.blockUntil(this.mailboxKey, new Date(Date.now() + seconds * 1000));
    if (seconds > MAX_INLINE_WAIT_SECONDS || round >= MAX_THROTTLED_ROUNDS) throw new RetryLater(Math.ceil(seconds));
    await sleep(seconds * 1000);
  }
}

function backoffSeconds(round: number): number {
  return Math.min(30, 2 ** round) * (0.75 + Math.random() * 0.5);
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((header) => header.toLowerCase() === name);
  return key ? headers[key] : undefined;
}
