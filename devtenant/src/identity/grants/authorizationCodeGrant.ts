import { createHash } from 'node:crypto';
import type { DevTenantContext } from '../../context.js';
import { entraErrors } from '../entraError.js';
import { parseScopes } from '../scopes.js';
import type { TokenRequest, TokenResponse } from './tokenRequest.js';
import { userTokenResponse } from './userTokens.js';

/** grant_type=authorization_code: single use, 10 minutes, same client and redirect_uri, PKCE verified. */
export async function authorizationCodeGrant(ctx: DevTenantContext, req: TokenRequest): Promise<TokenResponse> {
  const { params, client } = req;
  if (!params.code) throw entraErrors.missingParameter('code');
  const code = ctx.grants.code(params.code);
  if (!code || code.clientId.toLowerCase() !== client.clientId.toLowerCase()) throw entraErrors.codeInvalid();
  if (code.redeemed) throw entraErrors.codeRedeemed();
  if (code.expiresAt < Date.now()) throw entraErrors.codeExpired();
  if (params.redirect_uri !== code.redirectUri) throw entraErrors.redirectUriChanged();
  if (code.isSpa) {
    if (!req.origin) throw entraErrors.spaNeedsCors();
  } else {
    if (req.origin) throw entraErrors.crossOriginNotSpa();
    if (!req.clientAuthenticated) throw entraErrors.secretRequired();
  }
  if (code.codeChallenge) {
    const verifier = params.code_verifier;
    if (!verifier) throw entraErrors.pkceMismatch();
    const computed =
      code.codeChallengeMethod === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
    if (computed !== code.codeChallenge) throw entraErrors.pkceMismatch();
  }
  code.redeemed = true;
  const user = ctx.directory.userById(code.userId);
  const tenant = ctx.directory.tenant(code.tenantId);
  if (!user || !tenant) throw entraErrors.codeInvalid();
  const scopes = parseScopes(ctx.directory, params.scope ?? code.scope, tenant.displayName);
  return userTokenResponse(ctx, {
    tenant,
    user,
    client,
    scopes,
    confidential: req.clientAuthenticated,
    isSpa: code.isSpa,
    nonce: code.nonce,
    wantsClientInfo: params.client_info === '1',
  });
}
