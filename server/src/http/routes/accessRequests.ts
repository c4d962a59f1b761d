import { Router } from 'express';
import { recordIdParams } from '../../../../common/api/records.js';
import { decideAccessRequest, getAccessRequest, requestAccess } from '../../crm/accessRequests.js';
import { resolveAccountState } from '../../crm/accountState.js';
import { identityOf } from '../authenticate.js';
import { crmContext, type ServiceDependencies } from '../dependencies.js';
import { languageFromAcceptLanguage } from '../../i18n/language.js';
import { presentAccount } from '../presentAccount.js';
import { presentAccessRequest } from '../presentUsers.js';

/** Request Access, and Approve & Add / decline from the approval link. */
export function accessRequestRoutes(deps: ServiceDependencies): Router {
  const router = Router();

  router.post('/api/access-requests', async (req, res) => {
    const ctx = crmContext(deps);
    const identity = identityOf(res);
    const result = await requestAccess(ctx, identity, languageFromAcceptLanguage(req.headers['accept-language']));
    res.status(201).json({
      ...presentAccount(identity, await resolveAccountState(ctx.db, ctx.directory, identity, ctx.now()), undefined),
      ...result,
    });
  });

  router.get('/api/access-requests/:id', async (req, res) => {
    const { id } = recordIdParams.parse(req.params);
    res.json(presentAccessRequest(await getAccessRequest(crmContext(deps), identityOf(res), id)));
  });

  for (const decision of ['approve', 'decline'] as const) {
    router.post(`/api/access-requests/:id/${decision}`, async (req, res) => {
      const { id } = recordIdParams.parse(req.params);
      const request = await decideAccessRequest(
        crmContext(deps),
        identityOf(res),
        id,
        decision,
        languageFromAcceptLanguage(req.headers['accept-language']),
      );
      res.json(presentAccessRequest(request));
    });
  }

  return router;
}
