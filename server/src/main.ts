import { ConfigError, loadConfig } from './config/config.js';
import { startService } from './service.js';

/**
 * `npm run serve` (`node dist/server/src/main.js`), or `tsx server/src/main.ts` in development: the service alone,
 * configured entirely by the environment. SIGTERM or SIGINT stop it gracefully: not ready, no new connections,
 * requests in flight finish (SHUTDOWN_GRACE_SECONDS), the job queue stops, the store closes, exit 0.
 */
try {
  const service = await startService(loadConfig(process.env));
  const { logger } = service.deps;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'service stopping');
    service.close().then(
      () => {
        logger.info('service stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'service did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
