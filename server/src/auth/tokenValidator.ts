import { decodeJwt, decodeProtectedHeader, errors as joseErrors, importJWK, jwtVerify, type JWK } from 'jose';
import type { Config } from '../config/config.js';
import type { MicrosoftIdentity } from '../crm/identity.js';
import { AppError } from '../errors.js';
import type { OutboundFetch } from './outboundFetch.js';

export const GLOBAL_ADMIN_ROLE_TEMPLATE_ID = '62e90394-69f5-4237-9190-012177145e10';
const REQUIRED_SCOPE = 'access_as_user';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Entra rotates keys rarely; refetching on an unknown kid is how a rotation is picked up, but at most this often
// so that a flood of tokens signed by a foreign key cannot turn into a flood of JWKS requests.
const UNKNOWN_KID_REFETCH_MS = 60_000;
const KEYS_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const CLOCK_SKEW_SECONDS = 60;

interface SigningKey extends JWK {
  kid: string;
  issuer?: string;
}

/**
 * Verifies bearer tokens for this API (docs/ARCHITECTURE.md#how-a-request-is-trusted): RS256 signature by a key of
 * the authority's JWKS, issuer of the token's own tenant, audience = this API, lifetime, and the access_as_user scope.
 */
export class TokenValidator {
  private keys = new Map<string, SigningKey>();
  private fetchedAt = 0;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly config: Pick<Config, 'authorityHost' | 'clientId' | 'apiAppIdUri'>,
    private readonly fetch: OutboundFetch,
    private readonly now: () => number = Date.now,
  ) {}

  async validate(authorizationHeader: string | undefined): Promise<MicrosoftIdentity> {
    const token = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/.exec(authorizationHeader ?? '')?.[1];
    if (!authorizationHeader) throw new AppError('unauthenticated', 'no Authorization header');
    if (!token) throw new AppError('invalid_token', 'Authorization header is not a bearer JWT');

    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: ReturnType<typeof decodeJwt>;
    try {
      header = decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch {
      throw new AppError('invalid_token', 'token is not a decodable JWT');
    }
    if (header.alg !== 'RS256') throw new AppError('invalid_token', `algorithm ${String(header.alg)} is not accepted`);
    if (!header.kid) throw new AppError('invalid_token', 'token has no key id');
    const tenantId =
      typeof unverified.tid === 'string' && GUID.test(unverified.tid) ? unverified.tid.toLowerCase() : undefined;
    if (!tenantId) throw new AppError('invalid_token', 'token has no tenant id');
    const issuer = `${this.config.authorityHost}/${tenantId}/v2.0`;

    const key = await this.signingKey(header.kid);
    if (!key) throw new AppError('invalid_token', `signing key ${header.kid} is unknown`);
    if (key.issuer && key.issuer.replace('{tenantid}', tenantId) !== issuer) {
      throw new AppError('invalid_token', 'signing key does not belong to the token issuer');
    }

    let claims: Record<string, unknown>;
    try {
      const verified = await jwtVerify(token, await importJWK(key, 'RS256'), {
        algorithms: ['RS256'],
        issuer,
        audience: [this.config.clientId, this.config.apiAppIdUri],
        clockTolerance: CLOCK_SKEW_SECONDS,
        currentDate: new Date(this.now()),
        requiredClaims: ['exp', 'iat', 'oid', 'tid'],
      });
      claims = verified.payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new AppError('token_expired', 'token has expired');
      if (error instanceof joseErrors.JOSEError) throw new AppError('invalid_token', `${error.code}: ${error.message}`);
      throw error;
    }
    if (claims.ver !== '2.0') throw new AppError('invalid_token', 'only v2.0 tokens are accepted');
    const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ') : [];
    if (!scopes.includes(REQUIRED_SCOPE))
      throw new AppError('invalid_token', `token lacks the ${REQUIRED_SCOPE} scope`);
    const objectId = String(claims.oid).toLowerCase();
    const email = typeof claims.preferred_username === 'string' ? claims.preferred_username : '';
    const roles = Array.isArray(claims.wids) ? claims.wids : [];
    return {
      tenantId,
      objectId,
      name: typeof claims.name === 'string' ? claims.name : email,
      email,
      isTenantAdmin: roles.includes(GLOBAL_ADMIN_ROLE_TEMPLATE_ID),
      accessToken: token,
    };
  }

  private async signingKey(kid: string): Promise<SigningKey | undefined> {
    const age = this.now() - this.fetchedAt;
    if (this.fetchedAt === 0 || age > KEYS_MAX_AGE_MS || (!this.keys.has(kid) && age > UNKNOWN_KID_REFETCH_MS)) {
      await this.refreshKeys();
    }
    return this.keys.get(kid);
  }

  private refreshKeys(): Promise<void> {
    this.pending ??= this.loadKeys().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async loadKeys(): Promise<void> {
    const discovery = await this.getJson(
      `${this.config.authorityHost}/organizations/v2.0/.well-known/openid-configuration`,
    );
    const jwks = await this.getJson(String(discovery.jwks_uri));
    const keys = Array.isArray(jwks.keys) ? (jwks.keys as SigningKey[]) : [];
    this.keys = new Map(
      keys.filter((key) => key.kty === 'RSA' && typeof key.kid === 'string').map((key) => [key.kid, key]),
    );
    this.fetchedAt = this.now();
  }

  private async getJson(url: string): Promise<Record<string, unknown>> {
    const response = await this.fetch(url);
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  }
}
