import { Router } from 'express';
import { changeVersion } from '../../crm/changeVersion.js';
import { requireMember } from '../../crm/member.js';
import { identityOf } from '../authenticate.js';
import type { ServiceDependencies } from '../dependencies.js';

/** `GET /api/changes`: a version the open pane compares with its last one to refetch only when something changed. */
export function changeRoutes(deps: ServiceDependencies): Router {
  const router = Router();
  router.get('/api/changes', async (_req, res) => {
    const member = await requireMember(deps.store.db, identityOf(res));
    res.set('cache-control', 'no-store').json({ version: await changeVersion(deps.store.db, member) });
  });
  return router;
}
