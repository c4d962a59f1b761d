import type { DevTenantContext } from '../../context.js';
import { entraErrors } from '../entraError.js';
import { parseScopes } from '../scopes.js';
import type { TokenRequest, TokenResponse } from './tokenRequest.js';
import { userTokenResponse } from './userTokens.js';

/** grant_type=password (ROPC): for test automation, as Entra allows for accounts without MFA. */
export async function passwordGrant(ctx: DevTenantContext, req: TokenRequest): Promise<TokenResponse> {
  const { params, client } = req;
  if (!params.username) throw entraErrors.missingParameter('username');
  if (!params.password) throw entraErrors.missingParameter('password');
  const user = ctx.directory
    .usersFor(req.segment)
    .find((u) => u.userPrincipalName.toLowerCase() === params.username!.toLowerCase());
  if (!user) {
    const tenantName = req.segment.kind === 'tenant' ? req.segment.tenant.domain : req.segmentName;
    throw entraErrors.userNotInTenant(params.username, tenantName);
  }
  if (params.password !== ctx.password) throw entraErrors.badCredentials();
  const tenant = ctx.directory.tenant(user.tenantId)!;
  const scopes = parseScopes(ctx.directory, params.scope, tenant.displayName);
  return userTokenResponse(ctx, {
    tenant,
    user,
    client,
    scopes,
    confidential: req.clientAuthenticated,
    isSpa: false,
    wantsClientInfo: params.client_info === '1',
  });
}
