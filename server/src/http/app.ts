import express, { type Express } from 'express';
import { randomUUID } from 'node:crypto';
import { requireIdentity } from './authenticate.js';
import type { ServiceDependencies } from './dependencies.js';
import { errorHandler, notFound } from './errorHandler.js';
import { jsonBodies } from './jsonBodies.js';
import { accessRequestRoutes } from './routes/accessRequests.js';
import { accountLinkRoutes } from './routes/accountLinks.js';
import { configRoutes } from './routes/config.js';
import { contactMappingRoutes } from './routes/contactMapping.js';
import { contactRoutes } from './routes/contacts.js';
import { mailRoutes } from './routes/mails.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { readinessRoutes } from './routes/readiness.js';
import { installRoutes } from './routes/install.js';
import { legalRoutes } from './routes/legal.js';
import { invitationRoutes } from './routes/invitations.js';
import { meRoutes } from './routes/me.js';
import { openApiRoutes } from './routes/openapi.js';
import { organisationRoutes } from './routes/organisations.js';
import { userRoutes } from './routes/users.js';
import { changeRoutes } from './routes/changes.js';
import { graphWebhookRoutes, syncRoutes } from './routes/sync.js';
import { applySecurityHeaders } from './securityHeaders.js';
import { staticRoutes } from './staticFiles.js';
import { refuseUnstorableText } from './storableText.js';
import { warmRequestParsers } from './warmParsers.js';

/** The Express app, without listening: start-up and tests attach it to a server of their own. */
export function createApp(deps: ServiceDependencies): Express {
  warmRequestParsers();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    res.setHeader('request-id', requestId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      deps.logger.info(
        { requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) },
        'request',
      );
    });
    next();
  });
  app.use(applySecurityHeaders(deps.config));
  app.use(jsonBodies());
  app.use(refuseUnstorableText);

  app.use(healthRoutes(deps));
  app.use(readinessRoutes(deps));
  app.use(configRoutes(deps));
  app.use(openApiRoutes());
  app.use(installRoutes(deps));
  app.use(legalRoutes(deps));
  app.use(graphWebhookRoutes(deps, deps.sync));
  app.use('/api', requireIdentity(deps.validator));
  app.use(meRoutes(deps));
  app.use(changeRoutes(deps));
  app.use(organisationRoutes(deps));
  app.use(accountLinkRoutes(deps));
  app.use(userRoutes(deps));
  app.use(invitationRoutes(deps));
  app.use(accessRequestRoutes(deps));
  app.use(eventRoutes(deps));
  app.use(contactRoutes(deps));
  app.use(mailRoutes(deps));
  app.use(syncRoutes(deps, deps.sync));
  app.use(contactMappingRoutes(deps));
  app.use('/api', notFound);
  app.use(staticRoutes(deps));
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
