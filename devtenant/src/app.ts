import express, { type NextFunction, type Request, type Response } from 'express';
import type { DevTenantContext } from './context.js';
import { graphRouter } from './graph/graphRouter.js';
import { adminConsentRoutes } from './identity/routes/adminConsentRoutes.js';
import { authorizeRoutes } from './identity/routes/authorizeRoutes.js';
import { discoveryRoutes } from './identity/routes/discoveryRoutes.js';
import { logoutRoutes } from './identity/routes/logoutRoutes.js';
import { tokenRoutes } from './identity/routes/tokenRoutes.js';
import { inspectApiRoutes } from './inspect/apiRoutes.js';
import { inspectWebRoutes } from './inspect/webRoutes.js';

/** The Express app of the local tenant; fixed paths first, then the `/{tenant}/...` identity routes. */
export function createDevTenantApp(ctx: DevTenantContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use('/v1.0', graphRouter(ctx));
  app.use('/_devtenant/api', inspectApiRoutes(ctx));
  app.use(inspectWebRoutes(ctx));
  app.use(discoveryRoutes(ctx));
  app.use(tokenRoutes(ctx));
  app.use(authorizeRoutes(ctx));
  app.use(adminConsentRoutes(ctx));
  app.use(logoutRoutes(ctx));
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not_found', message: 'No such endpoint in the local tenant.' });
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
    res.status(status).json({
      error: status === 500 ? 'server_error' : 'invalid_request',
      message: status === 500 ? 'Internal error in the local tenant.' : 'The request could not be read.',
    });
  });
  return app;
}
