import type { MicrosoftTokens } from '../auth/microsoftTokens.js';
import type { OutboundFetch } from '../auth/outboundFetch.js';
import type { TenantDirectory } from '../crm/tenantDirectory.js';
import { AppError } from '../errors.js';
import { createGraphClient } from './graphClient.js';
import { graphFailureOf } from './graphErrors.js';

interface OrganizationResource {
  displayName: string;
  verifiedDomains: { name: string }[];
}

/** Reads the caller's tenant from Graph `/organization` on their behalf (User.Read is enough). */
export function createGraphTenantDirectory(graphBaseUrl: string, fetch: OutboundFetch, tokens: MicrosoftTokens): TenantDirectory {
  return {
    async describeTenant(identity) {
      const client = createGraphClient(graphBaseUrl, fetch, () => tokens.onBehalfOf(identity, ['https://graph.microsoft.com/User.Read']));
      try {
        const response = (await client.api('/organization').select(['displayName', 'verifiedDomains']).get()) as { value: OrganizationResource[] };
        const organization = response.value[0];
        if (!organization) throw new AppError('graph_unavailable', 'Graph returned no organization');
        return { displayName: organization.displayName, verifiedDomains: organization.verifiedDomains.map((domain) => domain.name) };
      } catch (error) {
        const failure = graphFailureOf(error);
        if (failure?.kind === 'consent_missing') throw new AppError('consent_required', failure.code);
        if (failure) throw new AppError('graph_unavailable', `${failure.status} ${failure.code}`);
        throw error;
      }
    },
  };
}
