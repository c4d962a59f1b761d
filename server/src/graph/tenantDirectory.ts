import type { MicrosoftTokens } from '../auth/microsoftTokens.js';
import type { OutboundFetch } from '../auth/outboundFetch.js';
import type { DirectoryUser, TenantDirectory } from '../crm/tenantDirectory.js';
import { AppError } from '../errors.js';
import { connectGraph } from './graphClient.js';
import { graphFailureOf } from './graphErrors.js';
import { getAllPages } from './paging.js';

interface OrganizationResource {
  displayName: string;
  verifiedDomains: { name: string }[];
}

interface UserResource extends DirectoryUser {
  accountEnabled?: boolean | null;
  userType?: string | null;
}

const USER_FIELDS = [
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'preferredLanguage',
  'accountEnabled',
  'userType',
];

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
      const client = await connectGraph(graphBaseUrl, fetch, () =>
        tokens.onBehalfOf(identity, ['https://graph.microsoft.com/User.Read']),
      );
      const response = await translateFailures(
        () =>
          client.api('/organization').select(['displayName', 'verifiedDomains']).get() as Promise<{
            value: OrganizationResource[];
          }>,
      );
      const organization = response.value[0];
      if (!organization) throw new AppError('graph_unavailable', 'Graph returned no organization');
      return {
        displayName: organization.displayName,
        verifiedDomains: organization.verifiedDomains.map((domain) => domain.name),
      };
    },
    async listUsers(identity, search) {
      const client = await connectGraph(graphBaseUrl, fetch, () => tokens.appOnly(identity.tenantId));
      const request = client.api('/users').select(USER_FIELDS).top(999);
      if (search?.trim())
        // The Graph client puts query options into the URL as given: without encoding, `&`, `#` or `%` in a name
        // would cut the query short and Graph would refuse it.
        request
          .header('ConsistencyLevel', 'eventual')
          .search(encodeURIComponent(`"displayName:${search.trim().replace(/"/g, '')}"`));
      const users = await translateFailures(() => getAllPages<UserResource>(client, request));
      return users
        .filter((user) => user.accountEnabled !== false && user.userType !== 'Guest')
        .map(({ id, displayName, mail, userPrincipalName, jobTitle, preferredLanguage }) => ({
          id,
          displayName,
          mail: mail ?? null,
          userPrincipalName,
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
    if (error instanceof AppError) throw error;
    const failure = graphFailureOf(error);
    if (failure?.kind === 'consent_missing') throw new AppError('consent_required', failure.code);
    if (failure) throw new AppError('graph_unavailable', `${failure.status} ${failure.code}`);
    throw error;
  }
}
