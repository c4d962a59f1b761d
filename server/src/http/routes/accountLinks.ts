import { Router } from 'express';
import { linkAccountBody } from '../../../../common/api/account.js';
import { resolveAccountState } from '../../crm/accountState.js';
import { linkExistingAccount } from '../../crm/linkAccount.js';
import { identityOf } from '../authenticate.js';
import type { ServiceDependencies } from '../dependencies.js';
import { presentAccount } from '../presentAccount.js';

/** `POST /api/account-links`: "Link my account" with a CRM-native account's own credentials. */
export function accountLinkRoutes(deps: ServiceDependencies): Router {
  const router = Router();
  router.post('/api/account-links', async (req, res) => {
    const { email, password } = linkAccountBody.parse(req.body);
    const identity = identityOf(res);
    await linkExistingAccount(deps.store.db, { identity, email, password, now: deps.now() });
    const account = await resolveAccountState(deps.store.db, deps.directory, identity);
    res.json(presentAccount(identity, account, undefined));
  });
  return router;
}
