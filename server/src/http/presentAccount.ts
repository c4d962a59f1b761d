import type { Edition, Profile } from '../../../common/api/enums.js';
import type { Me } from '../../../common/api/account.js';
import type { AccountState } from '../crm/accountState.js';
import type { MicrosoftIdentity } from '../crm/identity.js';

/** The `/api/me` body: the account state plus what the add-in shows about the caller and their tenant. */
export function presentAccount(identity: MicrosoftIdentity, account: AccountState, installUrl: string | undefined): Me {
  const person = { name: identity.name, email: identity.email };
  const tenant = { id: identity.tenantId, domain: identity.email.split('@')[1] ?? '' };
  switch (account.state) {
    case 'not_installed':
      return {
        state: account.state,
        user: person,
        tenant,
        isTenantAdmin: identity.isTenantAdmin,
        ...(installUrl ? { installUrl } : {}),
      };
    case 'first_visit':
      return { state: account.state, user: person, tenant };
    case 'no_access':
    case 'deactivated':
      return { state: account.state, user: person, tenant, organisation: { name: account.organisation.name } };
    case 'invited':
      return {
        state: account.state,
        user: person,
        tenant,
        organisation: { name: account.organisation.name },
        invitation: { id: account.invitation.id, expiresAt: account.invitation.expires_at },
      };
    case 'request_pending':
    case 'request_declined':
      return {
        state: account.state,
        user: person,
        tenant,
        organisation: { name: account.organisation.name },
        request: {
          id: account.request.id,
          status: account.request.status,
          createdAt: account.request.created_at,
          decidedAt: account.request.decided_at,
        },
      };
    case 'member':
      return {
        state: account.state,
        user: {
          id: account.user.id,
          name: account.user.display_name,
          email: account.user.email,
          profile: account.user.profile as Profile,
        },
        organisation: {
          id: account.organisation.id,
          name: account.organisation.name,
          edition: account.organisation.edition as Edition,
        },
      };
  }
}
