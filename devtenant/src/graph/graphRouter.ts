import { Router, type NextFunction, type Request, type Response } from 'express';
import type { DevTenantContext } from '../context.js';
import { GraphError, graphErrorBody, graphErrors } from './graphError.js';
import { authenticate } from './middleware/authenticate.js';
import { injectedFaults } from './middleware/faults.js';
import { latency } from './middleware/latency.js';
import { mailboxConcurrency } from './middleware/mailboxConcurrency.js';
import { requestIds } from './middleware/requestIds.js';
import { mailRoutes } from './routes/mailRoutes.js';
import { messageDeltaRoutes } from './routes/messageDeltaRoutes.js';
import { organizationRoutes } from './routes/organizationRoutes.js';
import { userRoutes } from './routes/userRoutes.js';
import { calendarRoutes } from './routes/calendarRoutes.js';
import { contactRoutes } from './routes/contactRoutes.js';
import { subscriptionRoutes } from './routes/subscriptionRoutes.js';
import { batchRoutes } from './routes/batchRoutes.js';
import { requestCounter } from './middleware/requestCounter.js';
import { requestBudget } from './middleware/requestBudget.js';

/**
 * Microsoft Graph v1.0, mounted at /v1.0. Order matters: ids, token, injected faults, the mailbox's request budget,
 * mailbox concurrency, latency, then one router per resource (calendars, contacts, subscriptions and $batch plug in here).
 */
export function graphRouter(ctx: DevTenantContext): Router {
  const router = Router();
  router.use(requestIds);
  router.use(authenticate(ctx));
  router.use(requestCounter(ctx));
  // $batch is one envelope: its inner requests each pass faults, concurrency and latency themselves.
  router.use(batchRoutes(ctx));
  router.use(injectedFaults(ctx));
  router.use(requestBudget(ctx));
  router.use(mailboxConcurrency(ctx));
  router.use(latency(ctx));
  router.use(userRoutes(ctx));
  router.use(organizationRoutes(ctx));
  // Before mailRoutes: its /messages/{id} would read `delta` as a message id.
  router.use(messageDeltaRoutes(ctx));
  router.use(mailRoutes(ctx));
  router.use(calendarRoutes(ctx));
  router.use(contactRoutes(ctx));
  router.use(subscriptionRoutes(ctx));
  router.use((req: Request) => {
    throw graphErrors.noRoute(req.path.split('/').filter(Boolean).pop() ?? '');
  });
  router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const requestId = String(res.locals.requestId ?? '');
    const clientRequestId = String(res.locals.clientRequestId ?? requestId);
    let graphError: GraphError;
    if (err instanceof GraphError) graphError = err;
    else if (err instanceof SyntaxError || (err as { type?: string }).type === 'entity.parse.failed')
      graphError = graphErrors.invalidJson();
    else graphError = new GraphError(500, 'generalException', 'An internal error occurred in the local tenant.');
    if (graphError.status === 429) ctx.requestCounts.countThrottled();
    for (const [k, v] of Object.entries(graphError.headers)) res.setHeader(k, v);
    res.status(graphError.status).setHeader('Content-Type', 'application/json');
    res.send(JSON.stringify(graphErrorBody(graphError, requestId, clientRequestId)));
  });
  return router;
}
