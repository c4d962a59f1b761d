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

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
