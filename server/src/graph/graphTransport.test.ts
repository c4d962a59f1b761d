import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboundFetch } from '../auth/outboundFetch.js';
import { AppError } from '../errors.js';
import { GraphError } from './graphError.js';
import { connectGraph, GraphTransport } from './graphTransport.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** An HTTP server answering as Graph would for the one case a test sets up, recording what reached it. */
async function graphStandIn(
  answer: (seen: Seen) => { status: number; headers?: Record<string, string>; body?: string },
) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const request = { method: req.method!, url: req.url!, headers: req.headers, body };
      seen.push(request);
      const { status, headers = {}, body: text } = answer(request);
      res.writeHead(status, headers).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, seen, origin };
}

const fetch = createOutboundFetch(undefined);
const json = { 'Content-Type': 'application/json' };
const servers: Server[] = [];
let tokens = 0;
const token = () => Promise.resolve(`token-${(tokens += 1)}`);

beforeEach(() => {
  tokens = 0;
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function standIn(...args: Parameters<typeof graphStandIn>) {
  const started = await graphStandIn(...args);
  servers.push(started.server);
  return started;
}

describe('GraphTransport', () => {
  it('sends under the Graph version with the bearer token and JSON, and returns the parsed answer', async () => {
    const graph = await standIn(() => ({ status: 201, headers: json, body: '{"id":"c1"}' }));
    const transport = new GraphTransport(`${graph.origin}/v1.0/`, fetch, token);
    const body = await transport.send({ method: 'POST', path: '/users/u%2F1/calendars', body: { name: 'CRM' } });
    expect(body).toEqual({ id: 'c1' });
    expect(graph.seen[0]).toMatchObject({ method: 'POST', url: '/v1.0/users/u%2F1/calendars', body: '{"name":"CRM"}' });
    expect(graph.seen[0]!.headers).toMatchObject({
      authorization: 'Bearer token-1',
      'content-type': 'application/json',
    });
  });

  it('sends a string body as given with its own Content-Type, and reads an empty answer as undefined', async () => {
    const graph = await standIn(() => ({ status: 202 }));
    const transport = new GraphTransport(`${graph.origin}/v1.0`, fetch, token);
    const sent = await transport.send({
      method: 'POST',
      path: '/me/sendMail',
      body: 'TUlNRQ==',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(sent).toBeUndefined();
    expect(graph.seen[0]).toMatchObject({ body: 'TUlNRQ==', headers: { 'content-type': 'text/plain' } });
  });

  it('requests a link Graph returned exactly as given, repeated and encoded query parts included', async () => {
    const graph = await standIn(() => ({ status: 200, headers: json, body: '{"value":[]}' }));
    const transport = new GraphTransport(`${graph.origin}/v1.0`, fetch, token);
    const link = `${graph.origin}/v1.0/users/u/calendarView/delta?$deltatoken=a%2Bb%3D&x=1&x=2&$skiptoken=c`;
    await transport.get(link);
    expect(graph.seen[0]!.url).toBe('/v1.0/users/u/calendarView/delta?$deltatoken=a%2Bb%3D&x=1&x=2&$skiptoken=c');
  });

  it('never sends the token to a link outside Graph', async () => {
    const graph = await standIn(() => ({ status: 200, headers: json, body: '{}' }));
    const elsewhere = await standIn(() => ({ status: 200, headers: json, body: '{}' }));
    const transport = new GraphTransport(`${graph.origin}/v1.0`, fetch, token);
    await expect(transport.get(`${elsewhere.origin}/v1.0/users`)).rejects.toThrow(/not a Graph link/);
    expect(elsewhere.seen).toHaveLength(0);
  });

  it('throws a GraphError with status, code, Retry-After and request id for an answer outside 2xx', async () => {
    const graph = await standIn(() => ({
      status: 429,
      headers: { ...json, 'Retry-After': '3', 'request-id': '5b1a-request' },
      body: '{"error":{"code":"TooManyRequests","message":"Please retry after"}}',
    }));
    const transport = new GraphTransport(`${graph.origin}/v1.0`, fetch, token);
    const failure = await transport.get('/users/u/events').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphError);
    expect(failure).toMatchObject({
      status: 429,
      code: 'TooManyRequests',
      kind: 'temporary',
      retryAfterSeconds: 3,
      requestId: '5b1a-request',
      request: 'GET /users/u/events',
    });
  });

  it('throws a GraphError of kind unavailable when Graph cannot be reached', async () => {
    const graph = await standIn(() => ({ status: 200 }));
    const origin = graph.origin;
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const transport = new GraphTransport(`${origin}/v1.0`, fetch, token);
    const failure = await transport.get('/organization').catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 0, kind: 'unavailable' });
    expect((failure as Error).cause).toBeInstanceOf(Error);
  });
});

describe('connectGraph', () => {
  it('fails with the token source’s own error before any request', async () => {
    const graph = await standIn(() => ({ status: 200, headers: json, body: '{}' }));
    const refused = new AppError('consent_required', 'no consent');
    await expect(connectGraph(`${graph.origin}/v1.0`, fetch, () => Promise.reject(refused))).rejects.toBe(refused);
    expect(graph.seen).toHaveLength(0);
  });

  it('uses the token it fetched first for the first request and asks the source again afterwards', async () => {
    const graph = await standIn(() => ({ status: 200, headers: json, body: '{}' }));
    const transport = await connectGraph(`${graph.origin}/v1.0`, fetch, token);
    await transport.get('/me');
    await transport.get('/me');
    expect(graph.seen.map((request) => request.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });
});
