import type { AppRegistration } from '../directory/appRegistration.js';
import type { ConsentStore } from '../state/consentStore.js';
import { includesIgnoreCase, USER_CONSENTABLE_GRAPH_SCOPES } from './graphPermissions.js';

/** Delegated Graph scopes a user of `tenantId` holds for `app`: what users may consent to, plus the admin's grant. */
export function grantedDelegatedGraphScopes(consents: ConsentStore, tenantId: string, app: AppRegistration): string[] {
  const admin = consents.find(tenantId, app.clientId);
  return [...new Set([...USER_CONSENTABLE_GRAPH_SCOPES, ...(admin?.delegatedScopes ?? [])])];
}

/** The requested Graph scopes nobody has consented to ('.default' asks only for what is granted). */
export function missingDelegatedGraphScopes(
  consents: ConsentStore,
  tenantId: string,
  app: AppRegistration,
  requested: string[],
): string[] {
  const granted = grantedDelegatedGraphScopes(consents, tenantId, app);
  return requested.filter((name) => name !== '.default' && !includesIgnoreCase(granted, name));
}
