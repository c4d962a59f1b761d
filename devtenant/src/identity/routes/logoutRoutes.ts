import { Router, type Request, type Response } from 'express';
import type { DevTenantContext } from '../../context.js';
import { signedOutPage } from '../pages/signInPages.js';
import { clearedSessionCookieHeader, readCookie, SESSION_COOKIE } from '../sessionStore.js';

/** Whether a post-logout URI belongs to a registered app (same origin as one of its redirect URIs). */
function isRegisteredOrigin(ctx: DevTenantContext, uri: string): boolean {
  try {
    const origin = new URL(uri).origin;
    return ctx.directory.allApps().some((app) =>
      [...app.spaRedirectUris, ...app.webRedirectUris].some((r) => {
        try {
          return new URL(r).origin === origin;
        } catch {
          return false;
        }
      }),
    );
  } catch {
    return false;
  }
}

/** GET /{tenant}/oauth2/v2.0/logout: ends the session, then returns to post_logout_redirect_uri. */
export function logoutRoutes(ctx: DevTenantContext): Router {
  const router = Router();
  const handler = (req: Request, res: Response) => {
    ctx.sessions.signOut(readCookie(req.headers.cookie, SESSION_COOKIE));
    res.setHeader('Set-Cookie', clearedSessionCookieHeader());
    const target =
      typeof req.query.post_logout_redirect_uri === 'string' ? req.query.post_logout_redirect_uri : undefined;
    if (target && isRegisteredOrigin(ctx, target)) {
      const url = new URL(target);
      if (typeof req.query.state === 'string') url.searchParams.set('state', req.query.state);
      res.redirect(302, url.toString());
      return;
    }
    res.status(200).type('html').send(signedOutPage());
  };
  router.get('/:tenant/oauth2/v2.0/logout', handler);
  router.post('/:tenant/oauth2/v2.0/logout', handler);
  return router;
}
