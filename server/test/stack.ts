import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { Agent, fetch as undiciFetch } from 'undici';
import { inject } from 'vitest';
import { ensureLocalCertificates, startDevTenant, type RunningDevTenant } from '../../devtenant/src/index.js';
import { LOCAL_CLIENT_ID, localAppRegistration } from '../../scripts/localAppRegistration.js';
import { loadConfig } from '../src/config/config.js';
import { createApp } from '../src/http/app.js';
import type { ServiceDependencies } from '../src/http/dependencies.js';
import { buildDependencies } from '../src/service.js';
import type { Store } from '../src/store/database.js';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** The service and the local tenant on ephemeral HTTPS ports, talking to each other as in production. */
export interface Stack {
  serviceUrl: string;
  tenant: RunningDevTenant;
  deps: ServiceDependencies;
  store: Store;
  clientSecret: string;
  /** Where the local tenant keeps its token-signing key (tests forge tokens with it). */
  signingKeyFile: string;
  /** fetch that trusts the local CA, for talking to either server as a browser or another client would. */
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** An access token for the service's API, as the add-in gets it (resource-owner password grant for automation). */
  tokenFor(userPrincipalName: string): Promise<string>;
  api<T = Record<string, unknown>>(
    path: string,
    options?: { token?: string; method?: string; body?: unknown; language?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/**
 * `runJobs: false` leaves background jobs unstarted, so a test decides exactly when a sync runs; `environment`
 * adds configuration variables (timeouts, say).
 */
export async function startStack(
  options: {
    databaseUrl?: string;
    databaseSchema?: string;
    runJobs?: boolean;
    environment?: Record<string, string>;
    /** People the local tenant generates in each seeded tenant besides its named ones (person0001@…). */
    generatedUsersPerTenant?: number;
  } = {},
): Promise<Stack> {
  const certificates = await ensureLocalCertificates(inject('certificatesDir'));
  const tls = { cert: certificates.certPem, key: certificates.keyPem, ca: certificates.caCertPem };
  const dispatcher = new Agent({ connect: { ca: certificates.caCertPem } });
  const fetch = async (url: string, init?: RequestInit) =>
    (await undiciFetch(url, { ...(init as object), dispatcher })) as unknown as Response;

  const signingKeyFile = join(mkdtempSync(join(tmpdir(), 'crm-tenant-')), 'signing-key.json');
  const tenant = await startDevTenant({
    port: 0,
    tls,
    apps: [],
    signingKeyFile,
    generatedUsersPerTenant: options.generatedUsersPerTenant ?? 0,
  });
  const server: Server = createServer(tls);
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const serviceUrl = `https://localhost:${(server.address() as AddressInfo).port}`;
  const clientSecret = randomBytes(16).toString('hex');
  tenant.registerApp(localAppRegistration(serviceUrl, clientSecret, 'Zoho CRM'));

  const config = loadConfig({
    PORT: String((server.address() as AddressInfo).port),
    PUBLIC_URL: serviceUrl,
    DATABASE_URL: options.databaseUrl ?? 'sqlite::memory:',
    ...(options.databaseSchema ? { DATABASE_SCHEMA: options.databaseSchema } : {}),
    AUTHORITY_HOST: tenant.url,
    GRAPH_BASE_URL: `${tenant.url}/v1.0`,
    CLIENT_ID: LOCAL_CLIENT_ID,
    CLIENT_SECRET: clientSecret,
    STATE_SECRET: randomBytes(32).toString('hex'),
    EXTRA_CA_CERTS_FILE: certificates.caCertPath,
    ...options.environment,
  });
  const deps = await buildDependencies(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  server.on('request', createApp(deps));
  if (options.runJobs !== false) await deps.queue.start();
  // As the service does once it has started (migrations ran, the queue is prepared).
  deps.readiness.markReady();

  const tokenFor = async (userPrincipalName: string) => {
    const response = await fetch(`${tenant.url}/organizations/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: LOCAL_CLIENT_ID,
        client_secret: clientSecret,
        username: userPrincipalName,
        password: tenant.password,
        scope: `${config.apiScope} openid profile offline_access`,
      }).toString(),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!body.access_token) throw new Error(`No token for ${userPrincipalName}: ${JSON.stringify(body)}`);
    return body.access_token;
  };

  return {
    serviceUrl,
    tenant,
    deps,
    store: deps.store,
    clientSecret,
    signingKeyFile,
    fetch,
    tokenFor,
    async api(path, { token, method = 'GET', body, language = 'en', headers = {} } = {}) {
      const response = await fetch(`${serviceUrl}${path}`, {
        method,
        headers: {
          'accept-language': language,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : { text }) as never,
      };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deps.queue.stop({ graceful: false });
      await deps.store.close();
      await tenant.close();
      await dispatcher.close();
    },
  };
}
