import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropTestSchemas, storeKinds, TEST_DATABASE_URL } from '../stores.js';
import { buildAndBundle, CompiledService, freePort, repositoryRoot } from './compiledService.js';

const postgres = (await storeKinds()).find((kind) => kind.name === 'postgres')!;
const bundle = join(repositoryRoot, '.local', `production-test-${randomBytes(4).toString('hex')}`);
const schemas: string[] = [];

/** The environment an operator sets (.env.example); Microsoft's side points at a port where nothing runs. */
async function productionEnv(port: number, overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const schema = `prod_${randomBytes(5).toString('hex')}`;
  schemas.push(schema);
  const nowhere = `https://127.0.0.1:${await freePort()}`;
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: 'https://crm.example.com',
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: schema,
    CLIENT_ID: '0b7f3c52-8d1e-4a6f-9c2b-5e4d3a2f1b70',
    CLIENT_SECRET: randomBytes(16).toString('hex'),
    STATE_SECRET: randomBytes(32).toString('hex'),
    AUTHORITY_HOST: nowhere,
    GRAPH_BASE_URL: `${nowhere}/v1.0`,
    LOG_LEVEL: 'info',
    ...overrides,
  };
}

async function startCompiled(overrides: Record<string, string> = {}): Promise<CompiledService> {
  const port = await freePort();
  return new CompiledService(bundle, `http://127.0.0.1:${port}`, await productionEnv(port, overrides));
}

function allFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

describe.skipIf(!postgres.available)('the production build (npm run build, npm run bundle, npm start there)', () => {
  beforeAll(() => buildAndBundle(bundle), 240_000);
  afterAll(async () => {
    rmSync(bundle, { recursive: true, force: true });
    for (const schema of schemas) await dropTestSchemas(schema);
  });

  it('is plain JavaScript that starts with node, needing neither tsx nor the local tenant', () => {
    const deployed = JSON.parse(readFileSync(join(bundle, 'package.json'), 'utf8'));
    expect(deployed.scripts).toEqual({
      start: 'node dist/server/src/main.js',
      worker: 'node dist/server/src/worker.js',
    });
    expect(deployed.dependencies.tsx).toBeUndefined();
    const code = allFiles(join(bundle, 'dist')).filter((file) => file.endsWith('.js'));
    expect(code.length).toBeGreaterThan(50);
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"](?:tsx|[./]*devtenant)/);
      expect(text, file).not.toMatch(/\.ts['"]/);
    }
  });

  it('serves the add-in and the API against PostgreSQL with no local tenant running, and stops on SIGTERM', async () => {
    const service = await startCompiled();
    try {
      await service.waitFor('/readyz', 200);
      expect(await (await fetch(`${service.url}/healthz`)).json()).toEqual({ status: 'ok', store: 'postgres' });

      const page = await fetch(`${service.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const html = await page.text();
      const script = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
      expect(script, html).toBeDefined();

      const taskpane = await (await fetch(`${service.url}/taskpane.html`)).text();
      expect(taskpane).toContain('/office-js/office.js');
      expect((await fetch(`${service.url}/office-js/office.js`)).status).toBe(200);
      expect((await fetch(`${service.url}/assets/icons/icon-32.png`)).headers.get('content-type')).toBe('image/png');

      const asset = await fetch(`${service.url}/assets/${script}`, { headers: { 'accept-encoding': 'br' } });
      expect(asset.headers.get('content-encoding')).toBe('br');
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await asset.text()).toBe(readFileSync(join(bundle, 'addin', 'dist', 'assets', script!), 'utf8'));

      const api = await fetch(`${service.url}/api/me`);
      expect(api.status).toBe(401);
      expect(await api.json()).toMatchObject({ error: 'unauthenticated' });

      service.child.kill('SIGTERM');
      expect(await service.exited).toEqual({ code: 0, signal: null });
      expect(service.output).toContain('service stopped');
    } finally {
      await service.stop();
    }
  });

  it('on SIGTERM finishes the request in flight, refuses new connections, answers not ready, and exits 0', async () => {
    const service = await startCompiled({ SHUTDOWN_GRACE_SECONDS: '10' });
    try {
      await service.waitFor('/readyz', 200);
      const port = Number(new URL(service.url).port);
      // A slow client: the request is in flight while its body is still arriving.
      const client = connect(port, '127.0.0.1');
      await once(client, 'connect');
      let received = '';
      client.on('data', (chunk: Buffer) => (received += chunk.toString()));
      const closed = once(client, 'close');
      const body = JSON.stringify({ value: [] });
      client.write(
        'POST /api/graph/notifications?validationToken=still-served HTTP/1.1\r\nHost: crm\r\n' +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 4)}`,
      );
      await sleep(300);

      service.child.kill('SIGTERM');
      await sleep(500);
      expect(await connectionError(port)).toBe('ECONNREFUSED');
      expect(service.child.exitCode).toBeNull();

      // The rest of the body, then one more request on the same connection: both are answered.
      client.write(`${body.slice(4)}GET /readyz HTTP/1.1\r\nHost: crm\r\n\r\n`);
      await closed;
      const [first, second] = received.split(/(?=HTTP\/1\.1 )/);
      expect(first).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\nstill-served$/);
      expect(second).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n[\s\S]*\{"status":"stopping"\}$/);
      expect(second).toMatch(/\r\nConnection: close\r\n/i);

      expect(await service.exited).toEqual({ code: 0, signal: null });
    } finally {
      await service.stop();
    }
  });

  it('runs the compiled worker beside it, which stops on SIGTERM with exit code 0', async () => {
    const env = await productionEnv(await freePort(), { RUN_JOBS: 'false' });
    const worker = new CompiledService(bundle, '', env, 'dist/server/src/worker.js');
    try {
      await worker.waitForOutput('worker started');
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toEqual({ code: 0, signal: null });
      expect(worker.output).toContain('worker stopping');
    } finally {
      await worker.stop();
    }
  });

  it('is alive but not ready while it cannot finish starting (its database does not answer yet)', async () => {
    const sockets = new Set<Socket>();
    const silentDatabase = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silentDatabase.listen(0, '127.0.0.1', resolve));
    const address = silentDatabase.address() as { port: number };
    const service = await startCompiled({ DATABASE_URL: `postgres://postgres@127.0.0.1:${address.port}/test` });
    try {
      await service.waitFor('/healthz', 200);
      const ready = await fetch(`${service.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'starting' });
      const api = await fetch(`${service.url}/api/me`, { headers: { 'accept-language': 'de' } });
      expect(api.status).toBe(503);
      expect(api.headers.get('retry-after')).toBe('5');
      expect(((await api.json()) as { message: string }).message).toMatch(/Dienst startet/);
    } finally {
      await service.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silentDatabase.close(() => resolve()));
    }
  });
});

/** The error code of a fresh TCP connection attempt, or 'connected'. */
function connectionError(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}
