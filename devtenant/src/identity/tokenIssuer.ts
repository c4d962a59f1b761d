import { createHash } from 'node:crypto';
import { SignJWT, jwtVerify, decodeProtectedHeader, errors as joseErrors, type JWTPayload } from 'jose';
import type { AppRegistration } from '../directory/appRegistration.js';
import type { DirectoryUser, Tenant } from '../directory/directory.js';
import { GLOBAL_ADMIN_ROLE_TEMPLATE_ID } from '../seed/seedTenants.js';
import { newGuid, randomToken } from '../shared/ids.js';
import type { SigningKey } from './signingKey.js';
import { GRAPH_RESOURCE } from './graphPermissions.js';

/** Issuer of v2.0 tokens (and of the tenant's discovery document). */
export function v2Issuer(baseUrl: string, tenantId: string): string {
  return `${baseUrl}/${tenantId}/v2.0`;
}

/** Issuer of v1.0 tokens, which Graph receives whatever endpoint issued them. */
export function v1Issuer(baseUrl: string, tenantId: string): string {
  return `${baseUrl}/${tenantId}/`;
}

/** Entra's `sub` is pairwise: the same user has a different subject in each app. */
export function pairwiseSubject(userId: string, clientId: string): string {
  return createHash('sha256').update(`${userId}|${clientId.toLowerCase()}`).digest('base64url');
}

/** MSAL's `client_info`: base64url JSON of the home account ids. */
export function clientInfo(user: DirectoryUser): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: user.tenantId })).toString('base64url');
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

interface Common {
  baseUrl: string;
  tenant: Tenant;
  lifetimeSeconds: number;
}

/** Signs the tokens the local tenant issues, and verifies them again. */
export class TokenIssuer {
  constructor(private readonly key: SigningKey) {}

  private async sign(claims: JWTPayload, lifetimeSeconds: number): Promise<IssuedToken> {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ ...claims, iat: now, nbf: now, exp: now + lifetimeSeconds })
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: this.key.kid, x5t: this.key.x5t })
      .sign(this.key.privateKey);
    return { token, expiresIn: lifetimeSeconds };
  }

  private static userClaims(user: DirectoryUser) {
    return {
      name: user.displayName,
      oid: user.id,
      tid: user.tenantId,
      ...(user.isGlobalAdmin ? { wids: [GLOBAL_ADMIN_ROLE_TEMPLATE_ID] } : {}),
    };
  }

  /** A v2.0 access token for an app's own API (aud = its client id). */
  apiAccessToken(
    c: Common & {
      user: DirectoryUser;
      api: AppRegistration;
      clientId: string;
      scopes: string[];
      confidential: boolean;
    },
  ) {
    return this.sign(
      {
        aud: c.api.clientId,
        iss: v2Issuer(c.baseUrl, c.tenant.id),
        aio: randomToken(24),
        azp: c.clientId,
        azpacr: c.confidential ? '1' : '0',
        ...TokenIssuer.userClaims(c.user),
        preferred_username: c.user.userPrincipalName,
        rh: randomToken(12),
        scp: c.scopes.join(' '),
        sid: newGuid(),
        sub: pairwiseSubject(c.user.id, c.api.clientId),
        uti: randomToken(16),
        ver: '2.0',
      },
      c.lifetimeSeconds,
    );
  }

  /** A v1.0-shaped delegated Graph token. */
  graphDelegatedToken(
    c: Common & { user: DirectoryUser; client: AppRegistration; scopes: string[]; confidential: boolean },
  ) {
    return this.sign(
      {
        aud: GRAPH_RESOURCE,
        iss: v1Issuer(c.baseUrl, c.tenant.id),
        acct: 0,
        acr: '1',
        app_displayname: c.client.displayName,
        appid: c.client.clientId,
        appidacr: c.confidential ? '1' : '0',
        family_name: c.user.surname ?? undefined,
        given_name: c.user.givenName ?? undefined,
        idtyp: 'user',
        ...TokenIssuer.userClaims(c.user),
        scp: c.scopes.join(' '),
        sub: pairwiseSubject(c.user.id, GRAPH_RESOURCE),
        tenant_region_scope: 'EU',
        unique_name: c.user.userPrincipalName,
        upn: c.user.userPrincipalName,
        uti: randomToken(16),
        ver: '1.0',
      },
      c.lifetimeSeconds,
    );
  }

  /** A v1.0-shaped app-only Graph token (client credentials) with application roles. */
  graphAppToken(c: Common & { client: AppRegistration; roles: string[]; servicePrincipalId: string }) {
    return this.sign(
      {
        aud: GRAPH_RESOURCE,
        iss: v1Issuer(c.baseUrl, c.tenant.id),
        app_displayname: c.client.displayName,
        appid: c.client.clientId,
        appidacr: '1',
        idp: v1Issuer(c.baseUrl, c.tenant.id),
        idtyp: 'app',
        oid: c.servicePrincipalId,
        roles: c.roles,
        sub: c.servicePrincipalId,
        tenant_region_scope: 'EU',
        tid: c.tenant.id,
        uti: randomToken(16),
        ver: '1.0',
      },
      c.lifetimeSeconds,
    );
  }

  /** An OpenID Connect ID token (v2.0). */
  idToken(c: Common & { user: DirectoryUser; clientId: string; nonce?: string; includeEmail: boolean }) {
    return this.sign(
      {
        aud: c.clientId,
        iss: v2Issuer(c.baseUrl, c.tenant.id),
        ...(c.includeEmail ? { email: c.user.mail } : {}),
        name: c.user.displayName,
        ...(c.nonce ? { nonce: c.nonce } : {}),
        oid: c.user.id,
        preferred_username: c.user.userPrincipalName,
        rh: randomToken(12),
        sid: newGuid(),
        sub: pairwiseSubject(c.user.id, c.clientId),
        tid: c.tenant.id,
        uti: randomToken(16),
        ver: '2.0',
      },
      3600,
    );
  }

  /** Verifies signature and lifetime of a token this service issued; the caller checks audience and issuer. */
  async verify(token: string): Promise<JWTPayload> {
    let header;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw new TokenRejected('malformed', 'The token is not a well-formed JWT.');
    }
    if (header.kid !== this.key.kid) throw new TokenRejected('signature', 'The key was not found.');
    try {
      const { payload } = await jwtVerify(token, this.key.publicKey, { algorithms: ['RS256'], clockTolerance: 0 });
      return payload;
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired)
        throw new TokenRejected('expired', 'Lifetime validation failed, the token is expired.', err.payload);
      throw new TokenRejected('signature', 'Signature validation failed.');
    }
  }
}

export class TokenRejected extends Error {
  constructor(
    readonly reason: 'signature' | 'expired' | 'malformed',
    message: string,
    readonly payload?: JWTPayload,
  ) {
    super(message);
  }
}
