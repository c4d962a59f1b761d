import express, { Router, type Request, type Response } from 'express';
import type { DevTenantContext } from '../../context.js';
import { spaOrigins } from '../corsOrigins.js';
import { EntraError, entraErrorBody, entraErrors } from '../entraError.js';
import { authorizationCodeGrant } from '../grants/authorizationCodeGrant.js';
import { clientCredentialsGrant } from '../grants/clientCredentialsGrant.js';
import { onBehalfOfGrant } from '../grants/onBehalfOfGrant.js';
import { passwordGrant } from '../grants/passwordGrant.js';
import { refreshTokenGrant } from '../grants/refreshTokenGrant.js';
import type { TokenRequest, TokenResponse } from '../grants/tokenRequest.js';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const grantHandlers: Record<string, (ctx: DevTenantContext, req: TokenRequest) => Promise<TokenResponse>> = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  password: passwordGrant,
  client_credentials: clientCredentialsGrant,
  [JWT_BEARER]: onBehalfOfGrant,
};

function applyCors(ctx: DevTenantContext, req: Request, res: Response): string | undefined {
  const origin = req.headers.origin;
  if (!origin) return undefined;
  if (spaOrigins(ctx.directory).has(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Expose-Headers', 'client-request-id, x-ms-request-id, x-ms-clitelem');
  }
  res.setHeader('Vary', 'Origin');
  return origin;
}

/** Client id and secret from the body or HTTP Basic (url-encoded parts, RFC 6749 §2.3.1). */
function clientCredentialsOf(req: Request, params: Record<string, string>): { clientId?: string; secret?: string } {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const sep = decoded.indexOf(':');
    if (sep > 0) {
      return {
        clientId: decodeURIComponent(decoded.slice(0, sep)),
        secret: decodeURIComponent(decoded.slice(sep + 1)),
      };
    }
  }
  return { clientId: params.client_id, secret: params.client_secret };
}

function stringParams(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** POST /{tenant}/oauth2/v2.0/token with its CORS preflight. */
export function tokenRoutes(ctx: DevTenantContext): Router {
  const router = Router();
  const path = '/:tenant/oauth2/v2.0/token';

  router.options(path, (req, res) => {
    applyCors(ctx, req, res);
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    const requested = req.headers['access-control-request-headers'];
    res.setHeader('Access-Control-Allow-Headers', requested ?? 'content-type');
    res.setHeader('Access-Control-Max-Age', '86400');
    res.status(204).end();
  });

  router.post(path, express.urlencoded({ extended: false, limit: '1mb' }), async (req, res) => {
    const origin = applyCors(ctx, req, res);
    const correlationId =
      typeof req.headers['client-request-id'] === 'string' ? req.headers['client-request-id'] : undefined;
    res.setHeader('Cache-Control', 'no-store, no-cache');
    res.setHeader('Pragma', 'no-cache');
    try {
      const segment = ctx.directory.resolveSegment(req.params.tenant);
      if (!segment) throw entraErrors.tenantNotFound(req.params.tenant);
      const params = stringParams(req.body);
      if (!params.grant_type) throw entraErrors.missingParameter('grant_type');
      const handler = grantHandlers[params.grant_type];
      if (!handler) throw entraErrors.unsupportedGrant(params.grant_type);
      const { clientId, secret } = clientCredentialsOf(req, params);
      if (!clientId) throw entraErrors.missingParameter('client_id');
      const client = ctx.directory.app(clientId);
      const tenantName = segment.kind === 'tenant' ? segment.tenant.displayName : req.params.tenant;
      if (!client) throw entraErrors.appNotFound(clientId, tenantName);
      if (secret !== undefined && secret !== client.clientSecret) throw entraErrors.invalidSecret(client.clientId);
      const response = await handler(ctx, {
        segment,
        segmentName: req.params.tenant,
        params,
        client,
        clientAuthenticated: secret !== undefined,
        origin,
      });
      if (correlationId) res.setHeader('client-request-id', correlationId);
      res.status(200).json(response);
    } catch (err) {
      if (err instanceof EntraError) {
        res.status(err.status).json(entraErrorBody(err, correlationId));
        return;
      }
      throw err;
    }
  });
  return router;
}
