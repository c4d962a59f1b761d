import express, { Router, type Request, type Response } from 'express';
import { parseContactInput } from '../../contacts/contactInput.js';
import {
  contactFolderResource,
  contactResource,
  parseContactExpand,
  parseContactFilter,
  parseContactSelect,
  type ContactRenderOptions,
} from '../../contacts/contactResource.js';
import type { DevTenantContext } from '../../context.js';
import type { DirectoryUser } from '../../directory/directory.js';
import type { StoredContact, StoredContactFolder } from '../../state/contactStore.js';
import { hasPermission } from '../graphCaller.js';
import { GraphError, graphErrors } from '../graphError.js';
import { odataContext, sendGraphJson } from '../graphResponse.js';
import { callerOf } from '../middleware/authenticate.js';
import { nextLinkWithSkip } from '../paging.js';
import { applyPreferences, preferences, type Preferences } from '../preferHeader.js';
import { deltaTokenOf, sendDeltaPage } from '../deltaResponse.js';

export const CONTACTS_READ = {
  delegated: ['Contacts.Read', 'Contacts.ReadWrite'],
  application: ['Contacts.Read', 'Contacts.ReadWrite'],
};
const WRITE = { delegated: ['Contacts.ReadWrite'], application: ['Contacts.ReadWrite'] };
const DEFAULT_PAGE = 10;

function q(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' ? v : undefined;
}

/** The mailbox a path names; a delegated caller reaches only their own. Also checks the Contacts permission. */
function contactMailbox(ctx: DevTenantContext, req: Request, res: Response, need: 'read' | 'write'): DirectoryUser {
  const caller = callerOf(res);
  const id = typeof req.params.user === 'string' ? req.params.user : undefined;
  let user: DirectoryUser | undefined;
  if (id === undefined) {
    if (!caller.user) throw graphErrors.meNeedsDelegated();
    user = caller.user;
  } else {
    user = ctx.directory.userInTenant(caller.tenant.id, id);
    if (!user) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${id}' is invalid.`);
  }
  if (!hasPermission(caller, need === 'read' ? CONTACTS_READ : WRITE)) throw graphErrors.mailDenied();
  if (caller.user && caller.user.id !== user.id) throw graphErrors.mailDenied();
  return user;
}

function pageParams(req: Request, prefs: Preferences): { top: number; skip: number } {
  const topRaw = q(req, '$top');
  const top = topRaw === undefined ? (prefs.maxPageSize ?? DEFAULT_PAGE) : Number(topRaw);
  if (!Number.isInteger(top) || top < 1 || top > 1000)
    throw new GraphError(400, 'ErrorInvalidParameter', `The value '${String(topRaw)}' of parameter 'Top' is invalid.`);
  const skip = req.query.$skip === undefined ? 0 : Number(req.query.$skip);
  if (!Number.isInteger(skip) || skip < 0)
    throw new GraphError(
      400,
      'ErrorInvalidParameter',
      `The value '${String(req.query.$skip)}' of parameter 'Skip' is invalid.`,
    );
  return { top, skip };
}

function render(req: Request): ContactRenderOptions {
  const select = parseContactSelect(q(req, '$select'));
  const expand = parseContactExpand(q(req, '$expand'));
  return { ...(select ? { select } : {}), ...(expand ? { expandExtended: expand } : {}) };
}

const ifMatch = (req: Request) => (typeof req.headers['if-match'] === 'string' ? req.headers['if-match'] : undefined);

/** Contact folders, contacts (folder and mailbox-wide forms) and contacts/delta, for /me and /users/{id | upn}. */
export function contactRoutes(ctx: DevTenantContext): Router {
  const router = Router();
  const json = express.json({ limit: '4mb', type: ['application/json', 'application/*+json'] });

  const sendList = (req: Request, res: Response, context: string, items: Record<string, unknown>[]) => {
    const prefs = preferences(req);
    const { top, skip } = pageParams(req, prefs);
    const body: Record<string, unknown> = {
      '@odata.context': odataContext(ctx.baseUrl, context),
      value: items.slice(skip, skip + top),
    };
    if (skip + top < items.length) body['@odata.nextLink'] = nextLinkWithSkip(ctx.baseUrl, req, skip + top);
    applyPreferences(res, prefs);
    sendGraphJson(res, 200, body);
  };
  const sendContact = (
    res: Response,
    status: number,
    user: DirectoryUser,
    contact: StoredContact,
    opts: ContactRenderOptions,
  ) => {
    res.setHeader('ETag', `W/"${contact.changeKey}"`);
    if (status === 201) res.setHeader('Location', `${ctx.baseUrl}/v1.0/users('${user.id}')/contacts('${contact.id}')`);
    sendGraphJson(res, status, {
      '@odata.context': odataContext(ctx.baseUrl, `users('${user.id}')/contacts/$entity`),
      ...contactResource(contact, opts),
    });
  };

  for (const prefix of ['/me', '/users/:user']) {
    // ---- contact folders ----
    router.get(`${prefix}/contactFolders`, (req, res) => {
      const user = contactMailbox(ctx, req, res, 'read');
      const root = ctx.contacts.defaultFolder(user);
      let folders = ctx.contacts.folders(user).filter((f) => f.parentFolderId === root.id);
      const filter = q(req, '$filter');
      if (filter) {
        const m = /^\s*displayName\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
        if (!m)
          throw new GraphError(
            400,
            'ErrorInvalidUrlQueryFilter',
            'The query filter contains one or more invalid nodes.',
          );
        folders = folders.filter((f) => f.displayName.toLowerCase() === m[1]!.replace(/''/g, "'").toLowerCase());
      }
      const select = q(req, '$select')
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const shape = (f: StoredContactFolder) => {
        const full = contactFolderResource(f);
        return select
          ? Object.fromEntries(
              Object.entries(full).filter(
                ([k]) => k === 'id' || select.some((s) => s.toLowerCase() === k.toLowerCase()),
              ),
            )
          : full;
      };
      sendList(req, res, `users('${user.id}')/contactFolders`, folders.map(shape));
    });
    router.post(`${prefix}/contactFolders`, json, (req, res) => {
      const user = contactMailbox(ctx, req, res, 'write');
      const folder = ctx.contact.createFolder(
        user,
        (req.body ?? {}) as { displayName?: unknown; parentFolderId?: unknown },
      );
      sendGraphJson(res, 201, {
        '@odata.context': odataContext(ctx.baseUrl, `users('${user.id}')/contactFolders/$entity`),
        ...contactFolderResource(folder),
      });
    });
    const folderPath = `${prefix}/contactFolders/:folder`;
    router.get(folderPath, (req, res) => {
      const user = contactMailbox(ctx, req, res, 'read');
      const folder = ctx.contact.folder(user, String(req.params.folder));
      sendGraphJson(res, 200, {
        '@odata.context': odataContext(ctx.baseUrl, `users('${user.id}')/contactFolders/$entity`),
        ...contactFolderResource(folder),
      });
    });
    router.patch(folderPath, json, (req, res) => {
      const user = contactMailbox(ctx, req, res, 'write');
      const folder = ctx.contact.updateFolder(
        user,
        String(req.params.folder),
        (req.body ?? {}) as { displayName?: unknown },
      );
      sendGraphJson(res, 200, {
        '@odata.context': odataContext(ctx.baseUrl, `users('${user.id}')/contactFolders/$entity`),
        ...contactFolderResource(folder),
      });
    });
    router.delete(folderPath, (req, res) => {
      const user = contactMailbox(ctx, req, res, 'write');
      ctx.contact.deleteFolder(user, String(req.params.folder));
      res.status(204).end();
    });

    // ---- contacts/delta (before /contacts/:contact) ----
    router.get(`${folderPath}/contacts/delta`, (req, res) => {
      const user = contactMailbox(ctx, req, res, 'read');
      const folder = ctx.contact.folder(user, String((req.params as Record<string, string>).folder));
      const prefs = preferences(req);
      const token = deltaTokenOf(req);
      const contacts = ctx.contacts.contacts(user, folder.id);
      const items = contacts.map((c) => ({ id: c.id, changeKey: c.changeKey }));
      const section = ctx.contacts.section(user);
      const scopeId = `contacts:${folder.id}`;
      const size = prefs.maxPageSize ? { maxPageSize: prefs.maxPageSize } : {};
      // Like the other query options, $select is read on the first request only and then lives in the tokens.
      const select = token ? undefined : parseContactSelect(q(req, '$select'));
      const page = token
        ? ctx.delta.followItems({
            ...token,
            userId: user.id,
            scopeId,
            items,
            tombstones: section.tombstones.filter((t) => t.folderId === folder.id),
            seq: section.seq,
            ...size,
          })
        : ctx.delta.initialItems({
            userId: user.id,
            scopeId,
            items,
            seq: section.seq,
            ...size,
            ...(select ? { select } : {}),
          });
      const opts: ContactRenderOptions = page.state.select ? { select: page.state.select } : {};
      const value = page.entries.map((entry) => {
        const contact = entry.removed ? undefined : contacts.find((c) => c.id === entry.id);
        if (!contact)
          return { '@odata.type': '#microsoft.graph.contact', id: entry.id, '@removed': { reason: 'deleted' } };
        return { '@odata.type': '#microsoft.graph.contact', ...contactResource(contact, opts) };
      });
      sendDeltaPage(ctx.baseUrl, req, res, { entity: 'contact', page, value, prefs });
    });

    // ---- contacts: in a folder, or mailbox-wide (/contacts lists and creates in the default folder) ----
    const collections: {
      path: string;
      folderOf: (req: Request, user: DirectoryUser) => StoredContactFolder;
      itemScoped: boolean;
    }[] = [
      {
        path: `${folderPath}/contacts`,
        folderOf: (req, user) => ctx.contact.folder(user, String((req.params as Record<string, string>).folder)),
        itemScoped: true,
      },
      { path: `${prefix}/contacts`, folderOf: (_req, user) => ctx.contacts.defaultFolder(user), itemScoped: false },
    ];
    for (const { path, folderOf, itemScoped } of collections) {
      router.get(path, (req, res) => {
        const user = contactMailbox(ctx, req, res, 'read');
        const folder = folderOf(req, user);
        const opts = render(req);
        const predicate = parseContactFilter(q(req, '$filter'));
        let contacts = ctx.contacts.contacts(user, folder.id);
        if (predicate) contacts = contacts.filter(predicate);
        sendList(
          req,
          res,
          itemScoped ? `users('${user.id}')/contactFolders('${folder.id}')/contacts` : `users('${user.id}')/contacts`,
          contacts.map((c) => contactResource(c, opts)),
        );
      });
      router.post(path, json, (req, res) => {
        const user = contactMailbox(ctx, req, res, 'write');
        const folder = folderOf(req, user);
        const contact = ctx.contact.createContact(user, folder.id, parseContactInput(req.body));
        sendContact(res, 201, user, contact, render(req));
      });
      const item = `${path}/:contact`;
      const find = (req: Request, user: DirectoryUser) =>
        ctx.contact.contact(
          user,
          String((req.params as Record<string, string>).contact),
          itemScoped ? folderOf(req, user).id : undefined,
        );
      router.get(item, (req, res) => {
        const user = contactMailbox(ctx, req, res, 'read');
        sendContact(res, 200, user, find(req, user), render(req));
      });
      router.patch(item, json, (req, res) => {
        const user = contactMailbox(ctx, req, res, 'write');
        const contact = find(req, user);
        const updated = ctx.contact.updateContact(user, contact, parseContactInput(req.body), ifMatch(req));
        sendContact(res, 200, user, updated, render(req));
      });
      router.delete(item, (req, res) => {
        const user = contactMailbox(ctx, req, res, 'write');
        ctx.contact.deleteContact(user, find(req, user), ifMatch(req));
        res.status(204).end();
      });
    }
  }
  return router;
}
