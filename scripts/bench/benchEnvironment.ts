import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import pg from 'pg';
import { startDevTenant, type LocalCertificates, type RunningDevTenant } from '../../devtenant/src/index.js';
import { openStore, type Store } from '../../server/src/store/database.js';
import { LOCAL_CLIENT_ID, localAppRegistration } from '../localAppRegistration.js';
import { until } from './benchUtil.js';

/**
 * One benchmark environment from nothing: its own PostgreSQL database, the local tenant in this process, the
 * service (`server/src/main.ts`, RUN_JOBS=false) and worker processes (`server/src/worker.ts`), all by environment.
 */
export class BenchEnvironment {
  readonly children: ChildProcess[] = [];
  tenant!: RunningDevTenant;
  store!: Store;
  publicUrl = '';
  clientSecret = randomBytes(16).toString('hex');
  databaseName = `bench_org_${randomBytes(6).toString('hex')}`;
  databaseUrl = '';
  serviceEnv: Record<string, string> = {};
  service?: ChildProcess;
  workers: ChildProcess[] = [];
  private appTokens = new Map<string, string>();

  constructor(
    private readonly certificates: LocalCertificates,
    readonly fetch: (url: string, init?: RequestInit) => Promise<Response>,
    private readonly postgresUrl: string,
  ) {}

  async start(generatedUsersPerTenant: number): Promise<void> {
    const admin = new pg.Client({ connectionString: this.postgresUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${this.databaseName}`);
    } finally {
      await admin.end();
    }
    const url = new URL(this.postgresUrl);
    url.pathname = `/${this.databaseName}`;
    this.databaseUrl = url.toString();
    this.tenant = await startDevTenant({
      port: 0,
      tls: { cert: this.certificates.certPem, key: this.certificates.keyPem, ca: this.certificates.caCertPem },
      apps: [],
      generatedUsersPerTenant,
    });
    const port = await freePort();
    this.publicUrl = `https://localhost:${port}`;
    this.tenant.registerApp(localAppRegistration(this.publicUrl, this.clientSecret, 'Zoho CRM'));
    this.serviceEnv = {
      PORT: String(port),
      PUBLIC_URL: this.publicUrl,
      DATABASE_URL: this.databaseUrl,
      AUTHORITY_HOST: this.tenant.url,
      GRAPH_BASE_URL: `${this.tenant.url}/v1.0`,
      CLIENT_ID: LOCAL_CLIENT_ID,
      CLIENT_SECRET: this.clientSecret,
      STATE_SECRET: randomBytes(32).toString('hex'),
      TLS_CERT_FILE: this.certificates.certPath,
      TLS_KEY_FILE: this.certificates.keyPath,
      EXTRA_CA_CERTS_FILE: this.certificates.caCertPath,
    };
    this.service = this.spawn('server/src/main.ts', { RUN_JOBS: 'false', LOG_LEVEL: 'warn' });
    await until(
      async () => {
        const answered = await this.fetch(`${this.publicUrl}/api/me`).catch(() => undefined);
        return answered !== undefined;
      },
      60_000,
      'the service to listen',
    );
    this.store = await openStore(this.databaseUrl);
  }

  /** Starts N worker processes and resolves once each says it takes jobs. */
  async startWorkers(count: number): Promise<void> {
    this.workers = Array.from({ length: count }, () => this.spawn('server/src/worker.ts', { LOG_LEVEL: 'info' }));
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let seen = '';
            const onData = (chunk: Buffer) => {
              seen = (seen + chunk.toString()).slice(-4096);
              if (seen.includes('"worker started"')) {
                worker.stdout!.off('data', onData);
                worker.stdout!.resume();
                resolve();
              }
            };
            worker.stdout!.on('data', onData);
            worker.once('exit', (code) => reject(new Error(`a worker exited with ${code} before it started`)));
          }),
      ),
    );
  }

  /** Peak resident memory (VmHWM) of a process we started, in MB. */
  peakRssMb(child: ChildProcess | undefined): number {
    if (!child?.pid) return 0;
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  }

  /** An app-only Graph token of a tenant, as the service gets one. */
  async appToken(tenantId: string, fresh = false): Promise<string> {
    const known = this.appTokens.get(tenantId);
    if (known && !fresh) return known;
    const response = await this.fetch(`${this.tenant.url}/${tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: LOCAL_CLIENT_ID,
        client_secret: this.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }).toString(),
    });
    const token = ((await response.json()) as { access_token: string }).access_token;
    this.appTokens.set(tenantId, token);
    return token;
  }

  async userToken(
    upn: string,
    scope = `api://localhost:${new URL(this.publicUrl).port}/${LOCAL_CLIENT_ID}/access_as_user`,
  ) {
    const response = await this.fetch(`${this.tenant.url}/organizations/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: LOCAL_CLIENT_ID,
        client_secret: this.clientSecret,
        username: upn,
        password: this.tenant.password,
        scope,
      }).toString(),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!body.access_token) throw new Error(`no token for ${upn}: ${JSON.stringify(body)}`);
    return body.access_token;
  }

  async api<T = Record<string, unknown>>(
    token: string,
    path: string,
    method = 'GET',
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await this.fetch(`${this.publicUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers, ...(this.service ? [this.service] : [])].map(stopChild));
    // Set by start(), which may have failed half-way.
    await (this.store as Store | undefined)?.close();
    await (this.tenant as RunningDevTenant | undefined)?.close();
    const admin = new pg.Client({ connectionString: this.postgresUrl });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${this.databaseName} with (force)`);
    } finally {
      await admin.end();
    }
  }

  private spawn(entry: string, extra: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      env: { ...process.env, ...this.serviceEnv, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString()).slice(-2000);
    });
    child.stdout.resume();
    child.once('exit', (code, signal) => {
      if (code && code !== 0 && signal === null) process.stderr.write(`${entry} exited with ${code}: ${errors}\n`);
    });
    this.children.push(child);
    return child;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
