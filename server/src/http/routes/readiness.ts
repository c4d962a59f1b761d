import { Router } from 'express';
import type { ServiceDependencies } from '../dependencies.js';

/**
 * `GET /readyz`: 200 while this process takes traffic, 503 while it starts or shuts down (for load balancers).
 * `/healthz` stays the liveness answer: a process that is shutting down is alive, just not ready.
 */
export function readinessRoutes({ readiness }: ServiceDependencies): Router {
  const router = Router();
  router.get('/readyz', (_req, res) => {
    res
      .status(readiness.ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ status: readiness.state });
  });
  return router;
}
