import type { Organization, User } from '@microsoft/microsoft-graph-types';
import type { MicrosoftTokens } from '../auth/microsoftTokens.js';
import type { OutboundFetch } from '../auth/outboundFetch.js';
import type { TenantDirectory } from '../crm/tenantDirectory.js';
import { AppError } from '../errors.js';
import { GraphError } from './graphError.js';
import { connectGraph } from './graphTransport.js';
import { getAllPages } from './paging.js';

const USER_FIELDS = [
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'preferredLanguage',
  'accountEnabled',
  'userType',
] as const satisfies (keyof User)[];

/** A user as the `$select` above returns it (Graph always sends the id). */
type SelectedUser = Pick<User, (typeof USER_FIELDS)[number]> & { id: string };

/**
 * The caller's tenant as Graph describes it. `/organization` is read on the caller's behalf (User.Read suffices);
 * the user list is read as the app (User.Read.All, granted at install), because the basic delegated permission
 * hides the enabled flag, user type and preferred language that invitations need.
 */
export function createGraphTenantDirectory(
  graphBaseUrl: string,
  fetch: OutboundFetch,
  tokens: MicrosoftTokens,
): TenantDirectory {
  return {
    async describeTenant(identity) {
      const graph = await connectGraph(graphBaseUrl, fetch, () =>
        tokens.onBehalfOf(identity, ['https://graph.microsoft.com/User.Read']),
      );
      const response = await translateFailures(() =>
        graph.get<{ value: Pick<Organization, 'displayName' | 'verifiedDomains'>[] }>(
          '/organization?$select=displayName,verifiedDomains',
        ),
      );
      const organization = response.value[0];
      if (!organization) throw new AppError('graph_unavailable', 'Graph returned no organization');
      return {
        displayName: organization.displayName ?? '',
        verifiedDomains: (organization.verifiedDomains ?? []).flatMap((domain) => (domain.name ? [domain.name] : [])),
      };
    },
    async listUsers(identity, search) {
      const graph = await connectGraph(graphBaseUrl, fetch, () => tokens.appOnly(identity.tenantId));
      let path = `/users?$select=${USER_FIELDS.join(',')}&$top=999`;
      const headers: Record<string, string> = {};
      if (search?.trim()) {
        path += `&$search=${encodeURIComponent(`"displayName:${search.trim().replace(/"/g, '')}"`)}`;
        headers.ConsistencyLevel = 'eventual';
      }
      const users = await translateFailures(() => getAllPages<SelectedUser>(graph, path, headers));
      return users
        .filter((user) => user.accountEnabled !== false && user.userType !== 'Guest')
        .map(({ id, displayName, mail, userPrincipalName, jobTitle, preferredLanguage }) => ({
          id,
          displayName: displayName ?? '',
          mail: mail ?? null,
          userPrincipalName: userPrincipalName ?? '',
          jobTitle: jobTitle ?? null,
          preferredLanguage: preferredLanguage ?? null,
        }));
    },
  };
}

async function translateFailures<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    if (error.kind === 'consent_missing') throw new AppError('consent_required', error.code);
    throw new AppError('graph_unavailable', `${error.status} ${error.code}`);
  }
}
