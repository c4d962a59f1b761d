import { Router } from 'express';
import type { DevTenantContext } from '../../context.js';
import type { StoredMessage } from '../../state/mailboxStore.js';
import { deltaTokenOf, sendDeltaPage } from '../deltaResponse.js';
import { hasPermission } from '../graphCaller.js';
import { graphErrors } from '../graphError.js';
import { folderOf, MAIL_READ, readsBasicOnly, targetMailbox } from '../mailAccess.js';
import { parseMessageDeltaQuery, receivedFilter } from '../messageDeltaQuery.js';
import { messageResource } from '../messageResource.js';
import { callerOf } from '../middleware/authenticate.js';
import { preferences } from '../preferHeader.js';

const bySeq = (a: StoredMessage, b: StoredMessage) => (a.changeSeq ?? 0) - (b.changeSeq ?? 0);
const byReceived = (a: StoredMessage, b: StoredMessage) =>
  a.receivedDateTime.localeCompare(b.receivedDateTime) || bySeq(a, b);
const deltaItem = (m: StoredMessage) => ({ id: m.id, changeKey: m.changeKey });

/**
 * `GET …/mailFolders/{folder}/messages/delta` (also as the function `delta()`), for /me and /users/{id | upn}: one
 * chain of rounds per folder, with the tokens, generations and expiry of the other deltas (ctx.delta). Mounted before
 * the message routes, whose `/messages/{id}` would take `delta` for an id.
 */
export function messageDeltaRoutes(ctx: DevTenantContext): Router {
  const router = Router();
  for (const prefix of ['/me', '/users/:user']) {
    const path = `${prefix}/mailFolders/:folder/messages/delta`;
    router.get([path, `${path}\\(\\)`], (req, res) => {
      if (!hasPermission(callerOf(res), MAIL_READ)) throw graphErrors.mailDenied();
      const owner = targetMailbox(ctx, req, res);
      const folder = folderOf(req);
      const prefs = preferences(req);
      const token = deltaTokenOf(req);
      const messages = ctx.mailboxes.folderMessages(owner, folder);
      const common = {
        userId: owner.id,
        scopeId: `messages:${folder}`,
        seq: ctx.mailboxes.mailSeq(owner),
        ...(prefs.maxPageSize ? { maxPageSize: prefs.maxPageSize } : {}),
      };
      let page;
      if (token) {
        // A new round reports what changed since, oldest change first; the filter is the one the chain began with.
        page = ctx.delta.followItems({
          ...common,
          ...token,
          items: (filter) => messages.filter(receivedFilter(filter)).sort(bySeq).map(deltaItem),
          // The local tenant never deletes or moves a message: nothing leaves a folder, so no @removed entries.
          tombstones: [],
        });
      } else {
        const query = parseMessageDeltaQuery(req);
        page = ctx.delta.initialItems({
          ...common,
          items: messages.filter(receivedFilter(query.filter)).sort(byReceived).map(deltaItem),
          ...(query.select ? { select: query.select } : {}),
          ...(query.filter !== undefined ? { filter: query.filter } : {}),
          ...(query.top !== undefined ? { limit: query.top } : {}),
        });
      }
      const byId = new Map(messages.map((m) => [m.id, m]));
      const render = { select: page.state.select, bodyType: prefs.bodyType, basic: readsBasicOnly(res) };
      const value = page.entries.map((entry) => {
        const message = entry.removed ? undefined : byId.get(entry.id);
        if (!message)
          return { '@odata.type': '#microsoft.graph.message', id: entry.id, '@removed': { reason: 'deleted' } };
        return { '@odata.type': '#microsoft.graph.message', ...messageResource(ctx.baseUrl, message, render) };
      });
      sendDeltaPage(ctx.baseUrl, req, res, { entity: 'message', page, value, prefs });
    });
  }
  return router;
}
