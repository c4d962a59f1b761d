import express, { Router } from 'express';
import type { DevTenantContext } from '../../context.js';
import { odataContext, sendGraphJson } from '../graphResponse.js';
import { callerOf } from '../middleware/authenticate.js';

/** /subscriptions: create (with the validation handshake), list, get, renew, delete, reauthorize. */
export function subscriptionRoutes(ctx: DevTenantContext): Router {
  const router = Router();
  const json = express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] });
  const entity = odataContext(ctx.baseUrl, 'subscriptions/$entity');

  router.post('/subscriptions', json, async (req, res) => {
    const s = await ctx.subscriptions.create(callerOf(res), (req.body ?? {}) as Record<string, unknown>);
    sendGraphJson(res, 201, {
      '@odata.context': odataContext(ctx.baseUrl, 'subscriptions/$entity'),
      ...ctx.subscriptions.resource(s),
    });
  });
  router.get('/subscriptions', (_req, res) => {
    sendGraphJson(res, 200, {
      '@odata.context': odataContext(ctx.baseUrl, 'subscriptions'),
      value: ctx.subscriptions.list(callerOf(res)).map((s) => ctx.subscriptions.resource(s)),
    });
  });
  router.get('/subscriptions/:id', (req, res) => {
    sendGraphJson(res, 200, {
      '@odata.context': entity,
      ...ctx.subscriptions.resource(ctx.subscriptions.get(callerOf(res), req.params.id)),
    });
  });
  router.patch('/subscriptions/:id', json, (req, res) => {
    const s = ctx.subscriptions.renew(callerOf(res), req.params.id, (req.body ?? {}) as Record<string, unknown>);
    sendGraphJson(res, 200, { '@odata.context': entity, ...ctx.subscriptions.resource(s) });
  });
  router.delete('/subscriptions/:id', (req, res) => {
    ctx.subscriptions.delete(callerOf(res), req.params.id);
    res.status(204).end();
  });
  router.post('/subscriptions/:id/reauthorize', (req, res) => {
    ctx.subscriptions.reauthorize(callerOf(res), req.params.id);
    res.status(204).end();
  });
  return router;
}
