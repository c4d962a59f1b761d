import type { NextFunction, Request, Response } from 'express';
import type { DevTenantContext } from '../../context.js';
import { GRAPH_APP_ID, GRAPH_RESOURCE } from '../../identity/graphPermissions.js';
import { TokenRejected, v1Issuer } from '../../identity/tokenIssuer.js';
import type { GraphCaller } from '../graphCaller.js';
import { graphErrors } from '../graphError.js';

const GRAPH_AUDIENCES = [GRAPH_RESOURCE, `${GRAPH_RESOURCE}/`, GRAPH_APP_ID];

/** Validates the bearer token like Graph (signature, lifetime, audience, issuer) and sets res.locals.caller. */
export function authenticate(ctx: DevTenantContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    res.setHeader(
      'WWW-Authenticate',
      `Bearer realm="", authorization_uri="${ctx.baseUrl}/common/oauth2/authorize", client_id="${GRAPH_APP_ID}"`,
    );
    const header = req.headers.authorization ?? '';
    const token = header.replace(/^Bearer\s+/i, '').trim();
    if (!token || !/^Bearer\s/i.test(header)) throw graphErrors.tokenEmpty();
    if (token.split('.').length !== 3) throw graphErrors.tokenMalformed();
    let claims;
    try {
      claims = await ctx.tokens.verify(token);
    } catch (err) {
      if (err instanceof TokenRejected && err.reason === 'expired') throw graphErrors.tokenExpired();
      if (err instanceof TokenRejected && err.reason === 'malformed') throw graphErrors.tokenMalformed();
      throw graphErrors.tokenSignature();
    }
    const tid = typeof claims.tid === 'string' ? claims.tid : '';
    const tenant = ctx.directory.tenant(tid);
    if (
      typeof claims.aud !== 'string' ||
      !GRAPH_AUDIENCES.includes(claims.aud) ||
      !tenant ||
      claims.iss !== v1Issuer(ctx.baseUrl, tid)
    ) {
      throw graphErrors.tokenInvalid();
    }
    const appId = typeof claims.appid === 'string' ? claims.appid : '';
    const scp = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
    const isDelegated = claims.idtyp === 'user' || typeof claims.scp === 'string';
    const user =
      isDelegated && typeof claims.oid === 'string' ? ctx.directory.userInTenant(tid, claims.oid) : undefined;
    if (isDelegated && !user) throw graphErrors.tokenInvalid();
    res.removeHeader('WWW-Authenticate');
    const caller: GraphCaller = {
      tenant,
      appId,
      app: ctx.directory.app(appId),
      user,
      scopes: isDelegated ? scp : [],
      roles: isDelegated ? [] : roles,
    };
    res.locals.caller = caller;
    next();
  };
}

export function callerOf(res: Response): GraphCaller {
  return res.locals.caller as GraphCaller;
}
