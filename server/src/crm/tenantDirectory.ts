import type { MicrosoftIdentity } from './identity.js';

/** What the CRM needs to know about the caller's Microsoft 365 tenant, read on the caller's behalf. */
export interface TenantDirectory {
  /** The tenant's display name and its verified domains (e.g. contoso.com, contoso.onmicrosoft.com). */
  describeTenant(identity: MicrosoftIdentity): Promise<{ displayName: string; verifiedDomains: string[] }>;
}
