import express, { Router } from 'express';
import { z } from 'zod';
import type { DevTenantContext } from '../context.js';
import { knobsUpdateSchema } from '../knobs.js';
import { bodyPreview } from '../graph/messageResource.js';
import type { StoredMessage } from '../state/mailboxStore.js';

function withPreview(m: StoredMessage) {
  return { ...m, bodyPreview: bodyPreview(m) };
}

/** The inspection API (JSON, no auth: a local tool) under /_devtenant/api. */
export function inspectApiRoutes(ctx: DevTenantContext): Router {
  const router = Router();
  router.use(express.json());

  router.get('/tenants', (_req, res) => {
    res.json({
      tenants: ctx.directory.tenants.map((t) => ({
        id: t.id,
        domain: t.domain,
        displayName: t.displayName,
        users: t.users.map((u) => ({
          id: u.id, userPrincipalName: u.userPrincipalName, displayName: u.displayName, mail: u.mail,
          jobTitle: u.jobTitle, preferredLanguage: u.preferredLanguage, isGlobalAdmin: u.isGlobalAdmin,
        })),
      })),
    });
  });

  router.get('/mailboxes/:upn/messages', (req, res) => {
    const user = ctx.directory.userByUpn(req.params.upn);
    if (!user) {
      res.status(404).json({ error: 'mailbox_not_found', message: `No local mailbox ${req.params.upn}.` });
      return;
    }
    const folder = req.query.folder === 'sentitems' ? 'sentitems' : 'inbox';
    res.json({ mailbox: user.userPrincipalName, folder, value: ctx.mailboxes.messages(user, folder).map(withPreview) });
  });

  router.get('/external-mail', (_req, res) => {
    res.json({ value: ctx.mailboxes.external().map(withPreview) });
  });

  router.get('/consents', (_req, res) => {
    res.json({ value: ctx.consents.all() });
  });

  router.delete('/consents/:tenantId/:clientId', (req, res) => {
    const removed = ctx.consents.revoke(req.params.tenantId, req.params.clientId);
    res.status(removed ? 204 : 404).end();
  });

  router.get('/knobs', (_req, res) => {
    res.json(ctx.knobs.snapshot());
  });

  router.post('/knobs', (req, res) => {
    const parsed = knobsUpdateSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid_knobs', message: z.prettifyError(parsed.error) });
      return;
    }
    ctx.knobs.update(parsed.data);
    res.json(ctx.knobs.snapshot());
  });

  router.post('/reset-faults', (_req, res) => {
    ctx.knobs.resetFaults();
    res.status(204).end();
  });
  return router;
}
