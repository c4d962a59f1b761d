import express, { Router, type Request, type Response } from 'express';
import type { DevTenantContext } from '../../context.js';
import { hasPermission } from '../graphCaller.js';
import { GraphError, graphErrors } from '../graphError.js';
import { odataContext, sendGraphJson } from '../graphResponse.js';
import type { MailFolderName } from '../../state/mailboxStore.js';
import { parseExtendedExpand } from '../../calendar/eventResource.js';
import { parseMessageFilter } from '../internetHeaders.js';
import { messageResource, parseMessageSelect } from '../messageResource.js';
import { callerOf } from '../middleware/authenticate.js';
import {
  folderOf,
  MAIL_READ as READ,
  MAIL_READ_FULL as READ_FULL,
  readsBasicOnly,
  targetMailbox,
} from '../mailAccess.js';
import { nextLinkWithSkip } from '../paging.js';
import { applyPreferences, preferences } from '../preferHeader.js';
import { attachmentResource, parseAttachmentSelect } from '../attachmentResource.js';
import { translateExchangeIds } from '../exchangeIds.js';
import { queryOption } from '../queryOption.js';
import { sendMail } from '../sendMail.js';
import { parseSendMail } from '../sendMailSchema.js';
import { parseMimeSendMail } from '../mime.js';

const DEFAULT_MESSAGE_PAGE = 10;
const MAX_MESSAGE_PAGE = 1000;

function listMessages(ctx: DevTenantContext, folder: MailFolderName | undefined) {
  return (req: Request, res: Response) => {
    const caller = callerOf(res);
    if (!hasPermission(caller, READ)) throw graphErrors.mailDenied();
    const owner = targetMailbox(ctx, req, res);
    const select = parseMessageSelect(typeof req.query.$select === 'string' ? req.query.$select : undefined);
    const topRaw = req.query.$top;
    const top = topRaw === undefined ? DEFAULT_MESSAGE_PAGE : Number(topRaw);
    if (!Number.isInteger(top) || top < 1 || top > MAX_MESSAGE_PAGE)
      throw new GraphError(
        400,
        'ErrorInvalidParameter',
        `The value '${String(topRaw)}' of parameter 'Top' is invalid.`,
      );
    const skip = req.query.$skip === undefined ? 0 : Number(req.query.$skip);
    if (!Number.isInteger(skip) || skip < 0)
      throw new GraphError(
        400,
        'ErrorInvalidParameter',
        `The value '${String(req.query.$skip)}' of parameter 'Skip' is invalid.`,
      );
    const filter = parseMessageFilter(queryOption(req, '$filter'));
    const expandExtended = parseExtendedExpand(queryOption(req, '$expand'), 'message');
    const prefs = preferences(req);
    const stored = ctx.mailboxes.messages(owner, folder);
    const all = filter ? stored.filter(filter) : stored;
    const render = { select, bodyType: prefs.bodyType, basic: readsBasicOnly(res), expandExtended };
    const page = all.slice(skip, skip + top);
    applyPreferences(res, prefs);
    const body: Record<string, unknown> = {
      '@odata.context': odataContext(
        ctx.baseUrl,
        `users('${owner.id}')/messages${select ? `(${select.join(',')})` : ''}`,
      ),
      value: page.map((m) => messageResource(ctx.baseUrl, m, render)),
    };
    if (skip + top < all.length) body['@odata.nextLink'] = nextLinkWithSkip(ctx.baseUrl, req, skip + top);
    sendGraphJson(res, 200, body);
  };
}

/** The message a path names, in the caller's reach; under /mailFolders/{folder} it must be in that folder. */
function readableMessage(ctx: DevTenantContext, req: Request, res: Response, permissions: typeof READ) {
  const caller = callerOf(res);
  if (!hasPermission(caller, permissions)) throw graphErrors.mailDenied();
  const owner = targetMailbox(ctx, req, res);
  const message = ctx.mailboxes.message(owner, String(req.params.messageId));
  if (!message) throw graphErrors.itemNotFound();
  if (req.params.folder !== undefined && message.folder !== folderOf(req)) throw graphErrors.itemNotFound();
  return { owner, message };
}

function getMessage(ctx: DevTenantContext) {
  return (req: Request, res: Response) => {
    const { owner, message } = readableMessage(ctx, req, res, READ);
    const select = parseMessageSelect(typeof req.query.$select === 'string' ? req.query.$select : undefined);
    const expandExtended = parseExtendedExpand(queryOption(req, '$expand'), 'message');
    const prefs = preferences(req);
    applyPreferences(res, prefs);
    sendGraphJson(res, 200, {
      '@odata.context': odataContext(ctx.baseUrl, `users('${owner.id}')/messages/$entity`),
      ...messageResource(ctx.baseUrl, message, {
        select,
        bodyType: prefs.bodyType,
        basic: readsBasicOnly(res),
        expandExtended,
      }),
    });
  };
}

function listAttachments(ctx: DevTenantContext) {
  return (req: Request, res: Response) => {
    const { owner, message } = readableMessage(ctx, req, res, READ_FULL);
    const select = parseAttachmentSelect(typeof req.query.$select === 'string' ? req.query.$select : undefined);
    sendGraphJson(res, 200, {
      '@odata.context': odataContext(
        ctx.baseUrl,
        `users('${owner.id}')/messages('${message.id}')/attachments${select ? `(${select.join(',')})` : ''}`,
      ),
      value: (message.attachments ?? []).map((a) => attachmentResource(a, select)),
    });
  };
}

function postTranslateExchangeIds(ctx: DevTenantContext) {
  return (req: Request, res: Response) => {
    const caller = callerOf(res);
    // Delegated only: Graph does not support translateExchangeIds with application permissions.
    if (!caller.user) throw graphErrors.mailDenied();
    if (!hasPermission(caller, { delegated: ['User.Read', 'User.ReadBasic.All', 'User.ReadWrite'], application: [] }))
      throw graphErrors.mailDenied();
    targetMailbox(ctx, req, res);
    sendGraphJson(res, 200, {
      '@odata.context': odataContext(ctx.baseUrl, 'Collection(microsoft.graph.convertIdResult)'),
      value: translateExchangeIds(req.body),
    });
  };
}

function postSendMail(ctx: DevTenantContext) {
  return (req: Request, res: Response) => {
    const caller = callerOf(res);
    if (!hasPermission(caller, { delegated: ['Mail.Send'], application: ['Mail.Send'] }))
      throw graphErrors.mailDenied();
    const sender = targetMailbox(ctx, req, res);
    if (req.is('text/plain')) {
      // Graph also takes a base64-encoded MIME message with Content-Type: text/plain.
      const mime = parseMimeSendMail(typeof req.body === 'string' ? req.body : '');
      sendMail(ctx, sender, mime.input, mime.textBody !== undefined ? { textBody: mime.textBody } : {});
      res.status(202).end();
      return;
    }
    if (!req.is('application/json'))
      throw new GraphError(400, 'ErrorMimeContentInvalidBase64String', 'Invalid base64 string for MIME content.');
    const input = parseSendMail(req.body);
    sendMail(ctx, sender, input);
    res.status(202).end();
  };
}

/** sendMail and reading messages, for /me and /users/{id | upn}. */
export function mailRoutes(ctx: DevTenantContext): Router {
  const router = Router();
  const json = express.json({ limit: '4mb', type: ['application/json', 'application/*+json'] });
  for (const prefix of ['/me', '/users/:user']) {
    router.post(`${prefix}/sendMail`, json, express.text({ limit: '4mb', type: 'text/plain' }), postSendMail(ctx));
    router.get(`${prefix}/messages`, listMessages(ctx, undefined));
    router.get(`${prefix}/messages/:messageId`, getMessage(ctx));
    router.get(`${prefix}/messages/:messageId/attachments`, listAttachments(ctx));
    router.get(`${prefix}/mailFolders/:folder/messages`, (req, res) => listMessages(ctx, folderOf(req))(req, res));
    router.get(`${prefix}/mailFolders/:folder/messages/:messageId`, getMessage(ctx));
    router.get(`${prefix}/mailFolders/:folder/messages/:messageId/attachments`, listAttachments(ctx));
    router.post(`${prefix}/translateExchangeIds`, json, postTranslateExchangeIds(ctx));
  }
  return router;
}
