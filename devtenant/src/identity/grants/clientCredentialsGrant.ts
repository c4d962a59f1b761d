import { createHash } from 'node:crypto';
import type { DevTenantContext } from '../../context.js';
import { entraErrors } from '../entraError.js';
import { GRAPH_APP_ID, GRAPH_RESOURCE } from '../graphPermissions.js';
import type { TokenRequest, TokenResponse } from './tokenRequest.js';

/** A stable object id for the app's service principal in a tenant (the `oid` of its app-only tokens). */
function servicePrincipalId(tenantId: string, clientId: string): string {
  const hex = createHash('sha256').update(`sp|${tenantId}|${clientId.toLowerCase()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** grant_type=client_credentials for Graph: works only once the tenant's administrator consented to the app. */
export async function clientCredentialsGrant(ctx: DevTenantContext, req: TokenRequest): Promise<TokenResponse> {
  const { params, client, segment } = req;
  if (segment.kind !== 'tenant') throw entraErrors.tenantRequired(req.segmentName);
  if (!req.clientAuthenticated) throw entraErrors.secretRequired();
  const scope = (params.scope ?? '').trim();
  if (!scope) throw entraErrors.missingParameter('scope');
  const lower = scope.toLowerCase();
  if (lower !== `${GRAPH_RESOURCE}/.default` && lower !== `${GRAPH_APP_ID}/.default`) {
    throw entraErrors.clientCredentialsScope(scope);
  }
  const consent = ctx.consents.find(segment.tenant.id, client.clientId);
  if (!consent) throw entraErrors.appNotFound(client.clientId, segment.tenant.displayName);
  const issued = await ctx.tokens.graphAppToken({
    baseUrl: ctx.baseUrl,
    tenant: segment.tenant,
    lifetimeSeconds: ctx.knobs.accessTokenLifetime(),
    client,
    roles: consent.applicationRoles,
    servicePrincipalId: servicePrincipalId(segment.tenant.id, client.clientId),
  });
  return {
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    ext_expires_in: issued.expiresIn,
    access_token: issued.token,
  };
}
