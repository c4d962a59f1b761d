import { Router } from 'express';
import { z } from 'zod';
import { decideAccessRequest, getAccessRequest, requestAccess } from '../../crm/accessRequests.js';
import { resolveAccountState } from '../../crm/accountState.js';
import { identityOf } from '../authenticate.js';
import { crmContext, type ServiceDependencies } from '../dependencies.js';
import { languageFromAcceptLanguage } from '../../i18n/language.js';
import { presentAccount } from '../presentAccount.js';

const idParam = z.object({ id: z.string().uuid() });

function presentRequest(request: {
  id: string;
  display_name: string;
  email: string;
  status: string;
  created_at: string;
  decided_at: string | null;
}) {
  return {
    id: request.id,
    name: request.display_name,
    email: request.email,
    status: request.status,
    createdAt: request.created_at,
    decidedAt: request.decided_at,
  };
}

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
    const { id } = idParam.parse(req.params);
    res.json(presentRequest(await getAccessRequest(crmContext(deps), identityOf(res), id)));
  });

  for (const decision of ['approve', 'decline'] as const) {
    router.post(`/api/access-requests/:id/${decision}`, async (req, res) => {
      const { id } = idParam.parse(req.params);
      const request = await decideAccessRequest(
        crmContext(deps),
        identityOf(res),
        id,
        decision,
        languageFromAcceptLanguage(req.headers['accept-language']),
      );
      res.json(presentRequest(request));
    });
  }

  return router;
}
