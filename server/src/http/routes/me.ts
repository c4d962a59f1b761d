import { Router } from 'express';
import { signInstallState } from '../../auth/installState.js';
import { resolveAccountState } from '../../crm/accountState.js';
import type { MicrosoftIdentity } from '../../crm/identity.js';
import { identityOf } from '../authenticate.js';
import type { ServiceDependencies } from '../dependencies.js';
import { presentAccount } from '../presentAccount.js';

/** `GET /api/me`: who the caller is in the CRM and in which state. */
export function meRoutes(deps: ServiceDependencies): Router {
  const router = Router();
  router.get('/api/me', async (_req, res) => {
    const identity = identityOf(res);
    const account = await resolveAccountState(deps.store.db, deps.directory, identity);
    const installUrl =
      account.state === 'not_installed' && identity.isTenantAdmin ? adminConsentUrl(deps, identity) : undefined;
    res.json(presentAccount(identity, account, installUrl));
  });
  return router;
}

/** Microsoft's admin-consent page for this app in the caller's tenant, returning to our install callback. */
export function adminConsentUrl({ config, now }: ServiceDependencies, identity: MicrosoftIdentity): string {
  const url = new URL(`${config.authorityHost}/${identity.tenantId}/adminconsent`);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', `${config.publicUrl}/api/install/callback`);
  url.searchParams.set('state', signInstallState(config.stateSecret, identity.tenantId, identity.objectId, now()));
  return url.toString();
}
