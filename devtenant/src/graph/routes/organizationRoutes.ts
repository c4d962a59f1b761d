import { Router } from 'express';
import type { DevTenantContext } from '../../context.js';
import { hasPermission } from '../graphCaller.js';
import { graphErrors } from '../graphError.js';
import { odataContext, sendGraphJson } from '../graphResponse.js';
import { callerOf } from '../middleware/authenticate.js';

/** GET /organization: the caller's own tenant only. */
export function organizationRoutes(ctx: DevTenantContext): Router {
  const router = Router();
  router.get('/organization', (_req, res) => {
    const caller = callerOf(res);
    const allowed = hasPermission(caller, {
      delegated: ['User.Read', 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All', 'Organization.Read.All'],
      application: ['Organization.Read.All', 'Directory.Read.All', 'User.Read.All'],
    });
    if (!allowed) throw graphErrors.directoryDenied();
    const t = caller.tenant;
    sendGraphJson(res, 200, {
      '@odata.context': odataContext(ctx.baseUrl, 'organization'),
      value: [
        {
          id: t.id,
          displayName: t.displayName,
          tenantType: 'AAD',
          countryLetterCode: t.countryLetterCode,
          preferredLanguage: t.countryLetterCode === 'DE' ? 'de' : 'en',
          createdDateTime: '2024-01-15T09:00:00Z',
          businessPhones: [],
          verifiedDomains: [
            {
              capabilities: 'Email, OfficeCommunicationsOnlineService',
              isDefault: true,
              isInitial: true,
              name: t.domain,
              type: 'Managed',
            },
          ],
        },
      ],
    });
  });
  return router;
}
