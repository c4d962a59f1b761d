import { Router } from 'express';
import { createOrganisationBody } from '../../../../common/api/account.js';
import { resolveAccountState } from '../../crm/accountState.js';
import { createOrganisationForTenant } from '../../crm/createOrganisation.js';
import { identityOf } from '../authenticate.js';
import type { ServiceDependencies } from '../dependencies.js';
import { presentAccount } from '../presentAccount.js';

/** `POST /api/organisations`: the temporary account page's Continue. */
export function organisationRoutes(deps: ServiceDependencies): Router {
  const router = Router();
  router.post('/api/organisations', async (req, res) => {
    const { acceptTerms } = createOrganisationBody.parse(req.body);
    const identity = identityOf(res);
    await createOrganisationForTenant(deps.store.db, deps.directory, {
      identity,
      acceptTerms,
      edition: deps.config.newOrganisationEdition,
      now: deps.now(),
    });
    const account = await resolveAccountState(deps.store.db, deps.directory, identity);
    res.status(201).json(presentAccount(identity, account, undefined));
  });
  return router;
}
