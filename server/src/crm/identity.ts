/** Who is calling, as proven by a validated Microsoft Entra access token. */
export interface MicrosoftIdentity {
  tenantId: string;
  objectId: string;
  name: string;
  email: string;
  isTenantAdmin: boolean;
  /** The caller's token for this API, kept only to exchange it on their behalf (on-behalf-of). */
  accessToken: string;
}

export type Profile = 'super_admin' | 'administrator' | 'standard';
export const PROFILES: readonly Profile[] = ['super_admin', 'administrator', 'standard'];

/** A user's place in the organisation, independent of what their profile lets them do. */
export type Role = 'ceo' | 'manager';
export const ROLES: readonly Role[] = ['ceo', 'manager'];

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
