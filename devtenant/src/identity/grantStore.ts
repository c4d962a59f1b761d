import { randomToken } from '../shared/ids.js';

/** An authorization code, bound to what the authorize request said. */
export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  isSpa: boolean;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  scope: string;
  nonce?: string;
  userId: string;
  tenantId: string;
  expiresAt: number;
  redeemed: boolean;
}

/** A refresh token: Entra's are multi-resource, so it remembers the user and client, not a resource. */
export interface RefreshGrant {
  clientId: string;
  userId: string;
  tenantId: string;
  isSpa: boolean;
  expiresAt: number;
}

/** Codes live 10 minutes (Entra's documented maximum); SPA refresh tokens 24 hours, others 90 days. */
export const CODE_LIFETIME_MS = 10 * 60_000;
export const SPA_REFRESH_LIFETIME_S = 24 * 3600;
export const REFRESH_LIFETIME_S = 90 * 24 * 3600;

/** Authorization codes and refresh tokens, in memory: a restart signs everybody out, as a key rotation would. */
export class GrantStore {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();

  issueCode(code: Omit<AuthorizationCode, 'expiresAt' | 'redeemed'>): string {
    const value = `1.${randomToken(48)}`;
    this.codes.set(value, { ...code, expiresAt: Date.now() + CODE_LIFETIME_MS, redeemed: false });
    return value;
  }

  code(value: string): AuthorizationCode | undefined {
    return this.codes.get(value);
  }

  issueRefreshToken(grant: Omit<RefreshGrant, 'expiresAt'>): { token: string; expiresIn: number } {
    const token = `1.${randomToken(64)}`;
    const expiresIn = grant.isSpa ? SPA_REFRESH_LIFETIME_S : REFRESH_LIFETIME_S;
    this.refreshTokens.set(token, { ...grant, expiresAt: Date.now() + expiresIn * 1000 });
    return { token, expiresIn };
  }

  refreshGrant(token: string): RefreshGrant | undefined {
    return this.refreshTokens.get(token);
  }
}
