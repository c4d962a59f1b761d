import type { MicrosoftIdentity } from './identity.js';

export interface DirectoryUser {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string;
  jobTitle: string | null;
  preferredLanguage: string | null;
}

/** What the CRM needs to know about the caller's Microsoft 365 tenant, read on the caller's behalf. */
export interface TenantDirectory {
  /** The tenant's display name and its verified domains (e.g. contoso.com, contoso.onmicrosoft.com). */
  describeTenant(identity: MicrosoftIdentity): Promise<{ displayName: string; verifiedDomains: string[] }>;
  /** Every enabled member of the tenant's directory (all pages), optionally filtered by a search text. */
  listUsers(identity: MicrosoftIdentity, search?: string): Promise<DirectoryUser[]>;
}
