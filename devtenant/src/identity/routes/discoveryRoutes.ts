import { Router, type Response } from 'express';
import type { DevTenantContext } from '../../context.js';
import type { TenantSegment } from '../../directory/directory.js';
import { entraErrorBody, entraErrors } from '../entraError.js';
import { jwksDocument } from '../signingKey.js';

function segmentPath(segment: TenantSegment): string {
  return segment.kind === 'tenant' ? segment.tenant.id : segment.kind;
}

/** Entra's v2.0 OpenID Provider Configuration for one tenant form. */
export function openIdConfiguration(baseUrl: string, segment: TenantSegment) {
  const path = segmentPath(segment);
  const host = new URL(baseUrl).host;
  const issuerTenant = segment.kind === 'tenant' ? segment.tenant.id : '{tenantid}';
  return {
    token_endpoint: `${baseUrl}/${path}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${baseUrl}/${path}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${baseUrl}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${baseUrl}/oidc/userinfo`,
    authorization_endpoint: `${baseUrl}/${path}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${baseUrl}/${path}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${baseUrl}/${path}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'cloud_instance_name',
      'cloud_instance_host_name',
      'cloud_graph_host_name',
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    kerberos_endpoint: `${baseUrl}/${path}/kerberos`,
    tenant_region_scope: segment.kind === 'tenant' ? 'EU' : null,
    cloud_instance_name: host,
    cloud_graph_host_name: host,
    msgraph_host: host,
    rbac_url: baseUrl,
  };
}

function allowAnyOrigin(res: Response): void {
  // Entra serves metadata and keys with CORS for every origin: browsers (MSAL.js) fetch them directly.
  res.setHeader('Access-Control-Allow-Origin', '*');
}

/** OpenID discovery, instance discovery and the signing keys. */
export function discoveryRoutes(ctx: DevTenantContext): Router {
  const router = Router();
  const keys = () => jwksDocument(ctx.signingKey, `${ctx.baseUrl}/{tenantid}/v2.0`);

  router.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
    allowAnyOrigin(res);
    const segment = ctx.directory.resolveSegment(req.params.tenant);
    if (!segment) {
      res.status(400).json(entraErrorBody(entraErrors.tenantNotFound(req.params.tenant)));
      return;
    }
    res.json(openIdConfiguration(ctx.baseUrl, segment));
  });

  router.get('/common/discovery/instance', (req, res) => {
    allowAnyOrigin(res);
    const host = new URL(ctx.baseUrl).host;
    let tenant = 'common';
    const endpoint = typeof req.query.authorization_endpoint === 'string' ? req.query.authorization_endpoint : '';
    try {
      const first = new URL(endpoint).pathname.split('/').filter(Boolean)[0];
      if (first) tenant = first;
    } catch {
      // Entra answers with the common document when the endpoint is missing or unparsable.
    }
    res.json({
      tenant_discovery_endpoint: `${ctx.baseUrl}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  });

  for (const path of ['/:tenant/discovery/v2.0/keys', '/:tenant/discovery/keys', '/discovery/keys']) {
    router.get(path, (req, res) => {
      allowAnyOrigin(res);
      const tenant = typeof req.params.tenant === 'string' ? req.params.tenant : undefined;
      if (tenant && !ctx.directory.resolveSegment(tenant)) {
        res.status(400).json(entraErrorBody(entraErrors.tenantNotFound(tenant)));
        return;
      }
      res.json(keys());
    });
  }
  return router;
}
