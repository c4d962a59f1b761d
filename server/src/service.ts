import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { createMicrosoftTokens } from './auth/microsoftTokens.js';
import { createOutboundFetch } from './auth/outboundFetch.js';
import { TokenValidator } from './auth/tokenValidator.js';
import { describeConfig, type Config } from './config/config.js';
import { createAppAccessProbe } from './graph/appAccess.js';
import { createGraphTenantDirectory } from './graph/tenantDirectory.js';
import { createApp } from './http/app.js';
import type { ServiceDependencies } from './http/dependencies.js';
import { answerWhileStarting } from './http/startingAnswer.js';
import { createLogger } from './log/logger.js';
import { createGraphMailer } from './mail/graphMailer.js';
import { createGraphMessageReader } from './mail/graphMessageReader.js';
import { createJobQueue } from './jobs/createJobQueue.js';
import { registerJobHandlers, schedulePeriodicJobs } from './jobs/handlers.js';
import { createStoreMailboxLimiter } from './jobs/mailboxLimiter.js';
import { drainServer } from './lifecycle/drainServer.js';
import { Readiness } from './lifecycle/readiness.js';
import { openStore } from './store/database.js';
import type { SyncDependencies } from './sync/syncDependencies.js';

const repositoryRoot = packageRoot(dirname(fileURLToPath(import.meta.url)));

/** The nearest folder holding package.json: the repository in development, the deployed folder when compiled. */
function packageRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`No package.json above ${from}`);
  }
}

export interface RunningService {
  url: string;
  server: Server;
  deps: ServiceDependencies;
  close(): Promise<void>;
}

/** Wires the service's parts from its configuration. */
export async function buildDependencies(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
): Promise<ServiceDependencies> {
  const store = await openStore(config.databaseUrl, {
    ...(config.databaseSchema ? { postgresSchema: config.databaseSchema } : {}),
    postgresTimeouts: config.databaseTimeouts,
    onBackgroundError: (error) =>
      logger.warn({ err: error }, 'a PostgreSQL connection failed; a new one is opened when needed'),
  });
  const fetch = createOutboundFetch(config.extraCaCertsFile);
  const tokens = createMicrosoftTokens(config, fetch, logger);
  const queue = createJobQueue(store);
  const limiter = createStoreMailboxLimiter(store.db);
  const sync: SyncDependencies = {
    db: store.db,
    logger,
    tokens,
    fetch,
    limiter,
    queue,
    graphBaseUrl: config.graphBaseUrl,
    publicUrl: config.publicUrl,
    brandName: config.brandName,
    addinId: config.addinId,
    now: () => new Date(),
    safetyNetSeconds: config.syncSafetyNetSeconds,
    reviewSeconds: config.syncReviewSeconds,
  };
  queue.on('error', (error) => logger.error({ err: error, cause: error.cause }, error.message));
  registerJobHandlers(queue, { store, logger, limiter, sync, syncRunsPerProcess: config.syncRunsPerProcess });
  // Jobs can be queued from the first request on, also where this process leaves running them to workers.
  await queue.prepare();
  return {
    config,
    store,
    logger,
    validator: new TokenValidator(config, fetch),
    tokens,
    directory: createGraphTenantDirectory(config.graphBaseUrl, fetch, tokens),
    mailer: createGraphMailer(config.graphBaseUrl, fetch, tokens),
    messages: createGraphMessageReader(config.graphBaseUrl, fetch, tokens),
    appAccess: createAppAccessProbe(config.graphBaseUrl, fetch, tokens),
    queue,
    sync,
    now: () => new Date(),
    readiness: new Readiness(),
    paths: {
      addinDist: join(repositoryRoot, 'addin', 'dist'),
      officeJs: join(dirname(createRequire(import.meta.url).resolve('@microsoft/office-js/package.json')), 'dist'),
      icons: join(repositoryRoot, 'manifest', 'icons'),
    },
  };
}

/**
 * Starts the service: listens first (alive, not ready), then migrations and the job queue, then ready. HTTPS with
 * TLS_CERT_FILE/TLS_KEY_FILE, or HTTP behind a proxy.
 */
export async function startService(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningService> {
  // Filled in once migrations ran; until then the server answers as one that is starting.
  const started: { app?: Express; readiness?: Readiness } = {};
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // A request that arrives on a kept-alive connection during shutdown is served, and its connection closed.
    if (started.readiness?.state === 'stopping') res.setHeader('Connection', 'close');
    if (started.app) started.app(req, res);
    else answerWhileStarting(req, res);
  };
  const server = config.tls
    ? createHttpsServer({ cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) }, handle)
    : createHttpServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  let deps: ServiceDependencies;
  try {
    deps = await buildDependencies(config, logger);
    if (config.runJobs) {
      await deps.queue.start();
      await schedulePeriodicJobs(deps.queue);
    }
  } catch (error) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  started.app = createApp(deps);
  started.readiness = deps.readiness;
  deps.readiness.markReady();
  const { port } = server.address() as AddressInfo;
  deps.logger.info({ config: describeConfig(config), port }, 'service started');
  return {
    url: `${config.tls ? 'https' : 'http'}://${config.host}:${port}`,
    server,
    deps,
    async close() {
      deps.readiness.markStopping();
      const { forced } = await drainServer(server, config.shutdownGraceSeconds * 1000);
      if (forced) deps.logger.warn({ graceSeconds: config.shutdownGraceSeconds }, 'requests cut off at shutdown');
      // Running jobs go back to the queue (or finish) before the store they write to closes.
      await deps.queue.stop();
      await deps.store.close();
    },
  };
}
