import { Router } from 'express';
import { sql } from 'kysely';
import type { ServiceDependencies } from '../dependencies.js';

/**
 * The longest /healthz waits for the store. Load balancers' probes commonly give up after 5 s; answering 503
 * before that says "database unreachable" instead of leaving the prober to guess from a timeout.
 */
const STORE_PROBE_MS = 2_000;

/** `GET /healthz`: 200 when the service can reach its store, 503 otherwise (for load balancers and operators). */
export function healthRoutes({ store }: ServiceDependencies): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    if (await storeAnswers(store.db)) res.json({ status: 'ok', store: store.dialect });
    else res.status(503).json({ status: 'unavailable', store: store.dialect });
  });
  return router;
}

async function storeAnswers(db: ServiceDependencies['store']['db']): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const probe = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), STORE_PROBE_MS)));
  try {
    return await Promise.race([probe, late]);
  } finally {
    clearTimeout(timer);
  }
}
