import express, { Router, type Request, type Response } from 'express';
import type { DevTenantContext } from '../../context.js';
import type { DirectoryUser } from '../../directory/directory.js';
import type { MailFolderName } from '../../state/mailboxStore.js';
import { hasPermission } from '../graphCaller.js';
import { GraphError, graphErrors } from '../graphError.js';
import { odataContext, sendGraphJson } from '../graphResponse.js';
import { messageResource, parseMessageSelect } from '../messageResource.js';
import { callerOf } from '../middleware/authenticate.js';
import { nextLinkWithSkip } from '../paging.js';
import { applyPreferences, preferences } from '../preferHeader.js';
import { attachmentResource, parseAttachmentSelect } from '../attachmentResource.js';
import { translateExchangeIds } from '../exchangeIds.js';
import { sendMail } from '../sendMail.js';
import { parseSendMail } from '../sendMailSchema.js';
import { parseMimeSendMail } from '../mime.js';

const READ_DELEGATED = ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'];
const READ_APPLICATION = ['Mail.ReadBasic.All', 'Mail.Read', 'Mail.ReadWrite'];
const DEFAULT_MESSAGE_PAGE = 10;
const MAX_MESSAGE_PAGE = 1000;

/**
 * The mailbox a path names: /me/... (delegated only) or /users/{id | upn}/... of the caller's tenant.
 * A delegated caller reaches only their own mailbox.
 */
function targetMailbox(ctx: DevTenantContext, req: Request, res: Response): DirectoryUser {
  const caller = callerOf(res);
  const id = typeof req.params.user === 'string' ? req.params.user : undefined;
  if (id === undefined) {
    if (!caller.user) throw graphErrors.meNeedsDelegated();
    return caller.user;
  }
  const user = ctx.directory.userInTenant(caller.tenant.id, id);
  if (!user) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${id}' is invalid.`);
  if (caller.user && caller.user.id !== user.id) throw graphErrors.mailDenied();
  return user;
}

function listMessages(ctx: DevTenantContext, folder: MailFolderName | undefined) {
  return (req: Request, res: Response) => {
    const caller = callerOf(res);
    if (!hasPermission(caller, { delegated: READ_DELEGATED, application: READ_APPLICATION }))
      throw graphErrors.mailDenied();
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
    const prefs = preferences(req);
    const all = ctx.mailboxes.messages(owner, folder);
    const page = all.slice(skip, skip + top);
    applyPreferences(res, prefs);
    const body: Record<string, unknown> = {
      '@odata.context': odataContext(
        ctx.baseUrl,
        `users('${owner.id}')/messages${select ? `(${select.join(',')})` : ''}`,
      ),
      value: page.map((m) => messageResource(ctx.baseUrl, m, select, prefs.bodyType)),
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

const READ = { delegated: READ_DELEGATED, application: READ_APPLICATION };
// Attachments and bodies need Mail.Read: Mail.ReadBasic leaves both out.
const READ_FULL = { delegated: ['Mail.Read', 'Mail.ReadWrite'], application: ['Mail.Read', 'Mail.ReadWrite'] };

function getMessage(ctx: DevTenantContext) {
  return (req: Request, res: Response) => {
    const { owner, message } = readableMessage(ctx, req, res, READ);
    const select = parseMessageSelect(typeof req.query.$select === 'string' ? req.query.$select : undefined);
    const prefs = preferences(req);
    applyPreferences(res, prefs);
    sendGraphJson(res, 200, {
      '@odata.context': odataContext(ctx.baseUrl, `users('${owner.id}')/messages/$entity`),
      ...messageResource(ctx.baseUrl, message, select, prefs.bodyType),
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

function folderOf(req: Request): MailFolderName {
  const name = String(req.params.folder).toLowerCase();
  if (name === 'inbox' || name === 'sentitems') return name;
  throw graphErrors.itemNotFound();
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
