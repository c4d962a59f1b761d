import type { DevTenantContext } from '../../context.js';
import type { AppRegistration } from '../../directory/appRegistration.js';
import type { DirectoryUser, Tenant } from '../../directory/directory.js';
import { grantedDelegatedGraphScopes, missingDelegatedGraphScopes } from '../consentPolicy.js';
import { entraErrors } from '../entraError.js';
import { GRAPH_RESOURCE } from '../graphPermissions.js';
import type { ParsedScopes } from '../scopes.js';
import { clientInfo } from '../tokenIssuer.js';
import type { TokenResponse } from './tokenRequest.js';

export interface UserTokenInput {
  tenant: Tenant;
  user: DirectoryUser;
  client: AppRegistration;
  scopes: ParsedScopes;
  confidential: boolean;
  isSpa: boolean;
  nonce?: string;
  wantsClientInfo: boolean;
}

/**
 * Issues the token response of every user flow (code, refresh, password, on-behalf-of): an access token for
 * the one resource asked for, an ID token and client_info with `openid`, a refresh token with `offline_access`.
 */
export async function userTokenResponse(ctx: DevTenantContext, input: UserTokenInput): Promise<TokenResponse> {
  const { tenant, user, client, scopes } = input;
  const lifetime = ctx.knobs.accessTokenLifetime();
  const oidcInToken = scopes.oidc.filter((s) => s !== 'offline_access');
  let access: { token: string; expiresIn: number };
  let responseScope: string[];

  if (scopes.resource.kind === 'graph') {
    const missing = missingDelegatedGraphScopes(ctx.consents, tenant.id, client, scopes.names);
    if (missing.length > 0) throw entraErrors.consentRequired(client.clientId, client.displayName);
    const adminGranted = ctx.consents.find(tenant.id, client.clientId)?.delegatedScopes ?? [];
    const granted = grantedDelegatedGraphScopes(ctx.consents, tenant.id, client);
    const asked = scopes.names.flatMap((n) => (n === '.default' ? granted : [n]));
    // Entra puts every consented scope of the resource into scp, not only those asked for.
    const scp = [...new Set([...asked, ...adminGranted])];
    access = await ctx.tokens.graphDelegatedToken({
      baseUrl: ctx.baseUrl,
      tenant,
      lifetimeSeconds: lifetime,
      user,
      client,
      scopes: [...scp, ...oidcInToken],
      confidential: input.confidential,
    });
    responseScope =
      scopes.names.includes('.default') || scopes.implicitGraph
        ? [...new Set(asked)].map((n) => `${GRAPH_RESOURCE}/${n}`)
        : scopes.requested;
  } else {
    const api = scopes.resource.app;
    const names = scopes.names.flatMap((n) => (n === '.default' ? api.exposedScopes : [n]));
    access = await ctx.tokens.apiAccessToken({
      baseUrl: ctx.baseUrl,
      tenant,
      lifetimeSeconds: lifetime,
      user,
      api,
      clientId: client.clientId,
      scopes: [...new Set(names)],
      confidential: input.confidential,
    });
    responseScope = scopes.names.includes('.default')
      ? names.map((n) => `${api.applicationIdUri}/${n}`)
      : scopes.requested;
  }

  const response: TokenResponse = {
    token_type: 'Bearer',
    scope: [...responseScope, ...oidcInToken].join(' '),
    expires_in: access.expiresIn,
    ext_expires_in: access.expiresIn,
    access_token: access.token,
  };
  if (scopes.oidc.includes('offline_access')) {
    const refresh = ctx.grants.issueRefreshToken({
      clientId: client.clientId,
      userId: user.id,
      tenantId: tenant.id,
      isSpa: input.isSpa,
    });
    response.refresh_token = refresh.token;
    if (input.isSpa) response.refresh_token_expires_in = refresh.expiresIn;
  }
  if (scopes.oidc.includes('openid')) {
    const id = await ctx.tokens.idToken({
      baseUrl: ctx.baseUrl,
      tenant,
      lifetimeSeconds: 3600,
      user,
      clientId: client.clientId,
      nonce: input.nonce,
      includeEmail: scopes.oidc.includes('email'),
    });
    response.id_token = id.token;
  }
  if (scopes.oidc.includes('openid') || input.wantsClientInfo) response.client_info = clientInfo(user);
  return response;
}
