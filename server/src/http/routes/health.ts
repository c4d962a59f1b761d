import { Router } from 'express';
import { sql } from 'kysely';
import type { ServiceDependencies } from '../dependencies.js';

/** `GET /healthz`: 200 when the service can reach its store, 503 otherwise (for load balancers and operators). */
export function healthRoutes({ store }: ServiceDependencies): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await sql`select 1`.execute(store.db);
      res.json({ status: 'ok', store: store.dialect });
    } catch {
      res.status(503).json({ status: 'unavailable', store: store.dialect });
    }
  });
  return router;
}
