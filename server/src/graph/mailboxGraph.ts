import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { RetryLater, type MailboxLimiter } from '../throttling.js';
import { classifyGraphFailure, type GraphFailure } from './graphErrors.js';

/** A Graph answer that is not a success, classified (see graphErrors.ts). */
export class GraphRequestError extends Error {
  constructor(
    readonly failure: GraphFailure,
    readonly method: string,
    readonly path: string,
    graphMessage = '',
  ) {
    super(`${method} ${path} failed: ${failure.status} ${failure.code} ${graphMessage}`.trim());
    this.name = 'GraphRequestError';
  }
}

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
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
    private readonly client: Client,
    private readonly limiter: MailboxLimiter,
    readonly mailboxKey: string,
    /** The job's signal: once it aborts, no further request is sent and the call throws its reason. */
    private readonly signal?: AbortSignal,
  ) {}

  async get<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
    return (await this.send('GET', path, undefined, headers)).body as T;
  }

  async post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return (await this.send('POST', path, body, headers)).body as T;
  }

  async patch<T>(path: string, body: unknown): Promise<T> {
    return (await this.send('PATCH', path, body)).body as T;
  }

  async delete(path: string): Promise<void> {
    await this.send('DELETE', path);
  }

  /** Sends the requests in $batch calls of 20; throttled inner requests are sent again after their Retry-After. */
  async batch(requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
    const results = new Map<string, BatchResponse>();
    for (let start = 0; start < requests.length; start += MAX_BATCH_REQUESTS) {
      let pending = requests.slice(start, start + MAX_BATCH_REQUESTS);
      for (let round = 1; pending.length; round += 1) {
        const { body } = await this.send('POST', '/$batch', { requests: pending });
        const responses = (body as { responses: BatchResponse[] }).responses;
        let waitSeconds = 0;
        const again: BatchRequest[] = [];
        for (const response of responses) {
          const failure = classifyGraphFailure(
            response.status,
            errorCode(response.body),
            headerValue(response.headers, 'retry-after'),
          );
          if (response.status >= 400 && failure.kind === 'temporary') {
            again.push(pending.find((request) => request.id === response.id)!);
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

  private async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown }> {
    for (let round = 1; ; round += 1) {
      this.signal?.throwIfAborted();
      const release = await this.limiter.acquire(this.mailboxKey, this.signal ? { signal: this.signal } : {});
      let response: Response;
      try {
        const request = this.client.api(path).headers(headers).responseType(ResponseType.RAW);
        response = (await (method === 'GET'
          ? request.get()
          : method === 'POST'
            ? request.post(body ?? {})
            : method === 'PATCH'
              ? request.patch(body)
              : request.delete())) as Response;
      } finally {
        await release();
      }
      const text = await response.text();
      const parsed: unknown = text ? safeJson(text) : undefined;
      if (response.ok) return { status: response.status, body: parsed };
      const failure = classifyGraphFailure(response.status, errorCode(parsed), response.headers.get('retry-after'));
      if (failure.kind !== 'temporary') throw new GraphRequestError(failure, method, path, errorMessage(parsed));
      await this.throttled(failure.retryAfterSeconds ?? backoffSeconds(round), round);
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

function errorCode(body: unknown): string {
  const error = (body as { error?: { code?: unknown } } | undefined)?.error;
  return typeof error?.code === 'string' ? error.code : '';
}

function errorMessage(body: unknown): string {
  const error = (body as { error?: { message?: unknown } } | undefined)?.error;
  return typeof error?.message === 'string' ? error.message : '';
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((header) => header.toLowerCase() === name);
  return key ? headers[key] : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
