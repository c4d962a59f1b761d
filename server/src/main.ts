import { ConfigError, loadConfig } from './config/config.js';
import { startService } from './service.js';

/** `tsx server/src/main.ts`: the service alone, configured entirely by the environment (a real tenant, production). */
try {
  const service = await startService(loadConfig(process.env));
  const stop = () => void service.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
