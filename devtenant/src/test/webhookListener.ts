import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { LocalCertificates } from '../certs/localCertificates.js';

export interface ReceivedPost {
  path: string;
  query: URLSearchParams;
  contentType: string;
  body: string;
  json: any;
}

export type ListenerMode = 'ok' | 'fail' | 'wrong-token' | 'slow';

/** A webhook endpoint over HTTPS (localhost certificate of the local CA) that answers validations and records POSTs. */
export interface WebhookListener {
  url: string;
  received: ReceivedPost[];
  mode: ListenerMode;
  /** Answer the next N notification POSTs with 500. */
  failNext: number;
  notifications(path?: string): any[];
  waitFor(predicate: (posts: ReceivedPost[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookListener(certs: LocalCertificates): Promise<WebhookListener> {
  const listener: WebhookListener = {
    url: '',
    received: [],
    mode: 'ok',
    failNext: 0,
    notifications: (path?: string) =>
      listener.received
        .filter((p) => !p.query.has('validationToken') && (!path || p.path === path))
        .flatMap((p) => p.json?.value ?? []),
    waitFor: async (predicate, timeoutMs = 5000) => {
      const until = Date.now() + timeoutMs;
      while (!predicate(listener.received)) {
        if (Date.now() > until) throw new Error(`Timed out waiting for webhook posts; got ${listener.received.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer({ cert: certs.certPem, key: certs.keyPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://localhost');
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      listener.received.push({
        path: url.pathname,
        query: url.searchParams,
        contentType: String(req.headers['content-type'] ?? ''),
        body,
        json,
      });
      const token = url.searchParams.get('validationToken');
      if (token !== null) {
        if (listener.mode === 'slow') return;
        if (listener.mode === 'fail') {
          res.writeHead(500).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/plain' }).end(listener.mode === 'wrong-token' ? `${token}x` : token);
        return;
      }
      if (listener.failNext > 0) {
        listener.failNext -= 1;
        res.writeHead(500).end();
        return;
      }
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', () => resolve()));
  listener.url = `https://localhost:${(server.address() as AddressInfo).port}`;
  return listener;
}
