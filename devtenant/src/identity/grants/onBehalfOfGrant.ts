import type { DevTenantContext } from '../../context.js';
import { EntraError, entraErrors } from '../entraError.js';
import { parseScopes } from '../scopes.js';
import { TokenRejected, v2Issuer } from '../tokenIssuer.js';
import type { TokenRequest, TokenResponse } from './tokenRequest.js';
import { userTokenResponse } from './userTokens.js';

/**
 * grant_type=jwt-bearer with requested_token_use=on_behalf_of: trades a user's token for this API
 * (aud = the calling app) for a Graph token, within what the user or the tenant's admin consented to.
 */
export async function onBehalfOfGrant(ctx: DevTenantContext, req: TokenRequest): Promise<TokenResponse> {
  const { params, client } = req;
  if (params.requested_token_use !== 'on_behalf_of') throw entraErrors.missingParameter('requested_token_use');
  if (!params.assertion) throw entraErrors.missingParameter('assertion');
  if (!req.clientAuthenticated) throw entraErrors.secretRequired();

  let claims;
  try {
    claims = await ctx.tokens.verify(params.assertion);
  } catch (err) {
    if (err instanceof TokenRejected && err.reason === 'expired' && err.payload?.exp) {
      throw entraErrors.assertionExpired(new Date(), new Date(err.payload.exp * 1000));
    }
    if (err instanceof TokenRejected && err.reason === 'malformed') {
      throw entraErrors.assertionInvalid("The provided value for the input parameter 'assertion' is not valid.");
    }
    throw entraErrors.assertionInvalid('The key was not found.');
  }
  const audiences = [client.clientId.toLowerCase(), client.applicationIdUri.toLowerCase()];
  if (typeof claims.aud !== 'string' || !audiences.includes(claims.aud.toLowerCase())) throw entraErrors.oboAudience();
  const tid = typeof claims.tid === 'string' ? claims.tid : '';
  if (claims.iss !== v2Issuer(ctx.baseUrl, tid))
    throw entraErrors.assertionInvalid('The issuer of the assertion is not valid.');
  if (req.segment.kind === 'tenant' && req.segment.tenant.id !== tid) {
    throw new EntraError(
      400,
      'invalid_grant',
      50013,
      'Assertion failed signature validation. [Reason - The assertion was issued for a different tenant than the one in the request.]',
    );
  }
  const user = typeof claims.oid === 'string' ? ctx.directory.userById(claims.oid) : undefined;
  if (!user || user.tenantId !== tid || typeof claims.scp !== 'string') throw entraErrors.oboNotUser();
  const tenant = ctx.directory.tenant(tid)!;
  const scopes = parseScopes(ctx.directory, params.scope, tenant.displayName);
  return userTokenResponse(ctx, {
    tenant,
    user,
    client,
    scopes,
    confidential: true,
    isSpa: false,
    wantsClientInfo: params.client_info === '1',
  });
}
