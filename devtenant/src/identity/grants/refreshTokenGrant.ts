import type { DevTenantContext } from '../../context.js';
import { entraErrors } from '../entraError.js';
import { parseScopes } from '../scopes.js';
import type { TokenRequest, TokenResponse } from './tokenRequest.js';
import { userTokenResponse } from './userTokens.js';

/**
 * grant_type=refresh_token. A new refresh token comes back each time; like Entra, the old one stays valid
 * until it expires (MSAL may race two refreshes).
 */
export async function refreshTokenGrant(ctx: DevTenantContext, req: TokenRequest): Promise<TokenResponse> {
  const { params, client } = req;
  if (!params.refresh_token) throw entraErrors.missingParameter('refresh_token');
  const grant = ctx.grants.refreshGrant(params.refresh_token);
  if (!grant) throw entraErrors.refreshInvalid();
  if (grant.clientId.toLowerCase() !== client.clientId.toLowerCase()) throw entraErrors.refreshWrongClient();
  if (grant.expiresAt < Date.now()) throw entraErrors.codeExpired();
  if (grant.isSpa && !req.origin) throw entraErrors.spaNeedsCors();
  if (!grant.isSpa && req.origin) throw entraErrors.crossOriginNotSpa();
  const user = ctx.directory.userById(grant.userId);
  const tenant = ctx.directory.tenant(grant.tenantId);
  if (!user || !tenant) throw entraErrors.refreshInvalid();
  const scope = params.scope && params.scope.trim() ? params.scope : 'openid profile offline_access';
  const scopes = parseScopes(ctx.directory, scope, tenant.displayName);
  // A refresh always returns a refresh token, whether or not offline_access is repeated.
  if (!scopes.oidc.includes('offline_access')) scopes.oidc.push('offline_access');
  return userTokenResponse(ctx, {
    tenant,
    user,
    client,
    scopes,
    confidential: req.clientAuthenticated,
    isSpa: grant.isSpa,
    wantsClientInfo: params.client_info === '1',
  });
}
