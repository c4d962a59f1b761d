import { ConfigError, describeConfig, loadConfig } from './config/config.js';
import { schedulePeriodicJobs } from './jobs/handlers.js';
import { buildDependencies } from './service.js';

/** A no-op job every minute: its log line shows that this worker takes jobs from the shared queue. */
const HEARTBEAT_SECONDS = 60;

/**
 * `npm run serve:worker` (compiled; `npm run worker` runs the sources with tsx): one of N processes that run the
 * background jobs from the PostgreSQL job queue when the service is scaled out (DATABASE_URL=postgres://…). Stops
 * gracefully on SIGTERM/SIGINT: it takes no new jobs, running ones finish or go back to the queue, the store
 * closes, exit 0.
 */
try {
  const config = loadConfig(process.env);
  const deps = await buildDependencies(config);
  const { store, queue, logger } = deps;
  if (store.dialect !== 'postgres') {
    // The embedded engine keeps its jobs in the service's memory: a second process could not see them, and
    // would run the periodic jobs a second time beside the service.
    await store.close();
    console.error('npm run worker needs DATABASE_URL=postgres://…; with SQLite the jobs run inside the service.');
    process.exit(1);
  }
  queue.register('heartbeat', async (job) => logger.debug({ job: job.id }, 'worker heartbeat'));
  await queue.start();
  await queue.every('heartbeat', HEARTBEAT_SECONDS);
  await schedulePeriodicJobs(queue);
  logger.info({ config: describeConfig(config) }, 'worker started');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping');
    queue
      .stop({ graceful: true })
      .then(() => store.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'worker did not stop cleanly');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
