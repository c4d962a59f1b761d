import { Router } from 'express';
import type { ClientConfig } from '../../../../common/api/account.js';
import type { ServiceDependencies } from '../dependencies.js';

/** `GET /api/config` (public): what the add-in needs before anyone is signed in. */
export function configRoutes({ config }: ServiceDependencies): Router {
  const router = Router();
  router.get('/api/config', (_req, res) => {
    res.json({
      brand: config.brandName,
      clientId: config.clientId,
      authority: `${config.authorityHost}/organizations`,
      knownAuthorities: [new URL(config.authorityHost).host],
      apiScope: config.apiScope,
    } satisfies ClientConfig);
  });
  return router;
}
