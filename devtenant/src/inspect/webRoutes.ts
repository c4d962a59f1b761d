import { Router } from 'express';
import type { DevTenantContext } from '../context.js';
import { homePage, mailboxHref, mailListPage, messagePage, notFoundPage } from './webPages.js';

/** The small web view: tenants and people, each mailbox, each message. */
export function inspectWebRoutes(ctx: DevTenantContext): Router {
  const router = Router();
  const send = (res: import('express').Response, page: string, status = 200) => res.status(status).type('html').send(page);

  router.get('/', (_req, res) => {
    send(res, homePage({ tenants: ctx.directory.tenants, consents: ctx.consents.all(), password: ctx.password, externalCount: ctx.mailboxes.external().length }));
  });

  router.get('/mail/external', (_req, res) => {
    send(res, mailListPage({ title: 'External mail', owner: 'Mail sent to addresses outside the local tenants', baseHref: '/mail/external', folder: 'external', messages: ctx.mailboxes.external() }));
  });

  router.get('/mail/external/:messageId', (req, res) => {
    const message = ctx.mailboxes.external().find((m) => m.id === req.params.messageId);
    if (!message) return send(res, notFoundPage('That message is not in the external mail.'), 404);
    send(res, messagePage({ message, backHref: '/mail/external', backLabel: 'External mail' }));
  });

  router.get('/mail/item/:messageId', (req, res) => {
    const found = ctx.mailboxes.locate(req.params.messageId);
    const owner = found ? ctx.directory.userById(found.userId) : undefined;
    if (!found || !owner) return send(res, notFoundPage('No mailbox holds that message.'), 404);
    res.redirect(302, `${mailboxHref(owner.userPrincipalName)}/${encodeURIComponent(found.message.id)}`);
  });

  router.get('/mail/:upn', (req, res) => {
    const user = ctx.directory.userByUpn(req.params.upn);
    if (!user) return send(res, notFoundPage(`No local mailbox ${req.params.upn}.`), 404);
    const folder = req.query.folder === 'sentitems' ? 'sentitems' : 'inbox';
    send(res, mailListPage({
      title: `${folder === 'inbox' ? 'Inbox' : 'Sent Items'} of ${user.displayName}`,
      owner: user.userPrincipalName,
      baseHref: mailboxHref(user.userPrincipalName),
      folder,
      messages: ctx.mailboxes.messages(user, folder),
    }));
  });

  router.get('/mail/:upn/:messageId', (req, res) => {
    const user = ctx.directory.userByUpn(req.params.upn);
    const message = user ? ctx.mailboxes.message(user, req.params.messageId) : undefined;
    if (!user || !message) return send(res, notFoundPage('That message is not in this mailbox.'), 404);
    ctx.mailboxes.markRead(user, message.id);
    send(res, messagePage({ message, backHref: mailboxHref(user.userPrincipalName) + (message.folder === 'sentitems' ? '?folder=sentitems' : ''), backLabel: message.folder === 'sentitems' ? 'Sent Items' : 'Inbox' }));
  });
  return router;
}
