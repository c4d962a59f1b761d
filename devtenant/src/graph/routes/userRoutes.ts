import { Router, type Request, type Response } from 'express';
import type { DevTenantContext } from '../../context.js';
import type { DirectoryUser } from '../../directory/directory.js';
import { hasPermission, type GraphCaller } from '../graphCaller.js';
import { graphErrors } from '../graphError.js';
import { odataContext, sendGraphJson } from '../graphResponse.js';
import { callerOf } from '../middleware/authenticate.js';
import { nextLinkWithSkipToken, readSkipToken } from '../paging.js';
import { parseUserSelect, userResource } from '../userResource.js';
import { parseUserFilter, parseUserSearch } from '../usersQuery.js';

const READ_ALL_DELEGATED = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const READ_ALL_APPLICATION = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const LIST_DELEGATED = ['User.ReadBasic.All', ...READ_ALL_DELEGATED];
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 999;

function q(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' ? v : undefined;
}

function eventual(req: Request): boolean {
  return String(req.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
}

/** With User.ReadBasic.All alone only the basic profile is visible. */
function basicOnly(caller: GraphCaller, target: DirectoryUser): boolean {
  if (!caller.user) return false;
  if (caller.user.id === target.id) return false;
  return !hasPermission(caller, { delegated: READ_ALL_DELEGATED, application: [] });
}

function contextFor(ctx: DevTenantContext, select: string[] | undefined, entity: boolean): string {
  return odataContext(ctx.baseUrl, `users${select ? `(${select.join(',')})` : ''}${entity ? '/$entity' : ''}`);
}

function getOne(ctx: DevTenantContext, res: Response, req: Request, user: DirectoryUser): void {
  const caller = callerOf(res);
  const select = parseUserSelect(q(req, '$select'));
  sendGraphJson(res, 200, {
    '@odata.context': contextFor(ctx, select, true),
    ...userResource(user, select, basicOnly(caller, user)),
  });
}

/** /me, /users, /users/{id | userPrincipalName}. */
export function userRoutes(ctx: DevTenantContext): Router {
  const router = Router();

  router.get('/me', (req, res) => {
    const caller = callerOf(res);
    if (!caller.user) throw graphErrors.meNeedsDelegated();
    if (!hasPermission(caller, { delegated: ['User.Read', 'User.ReadWrite', ...LIST_DELEGATED], application: [] }))
      throw graphErrors.directoryDenied();
    getOne(ctx, res, req, caller.user);
  });

  router.get('/users', (req, res) => {
    const caller = callerOf(res);
    if (!hasPermission(caller, { delegated: LIST_DELEGATED, application: READ_ALL_APPLICATION }))
      throw graphErrors.directoryDenied();
    if (req.query.$skip !== undefined) throw graphErrors.badRequest("'$skip' is not supported by the service.");
    const select = parseUserSelect(q(req, '$select'));
    const topRaw = q(req, '$top');
    const top = topRaw === undefined ? DEFAULT_PAGE_SIZE : Number(topRaw);
    if (!Number.isInteger(top) || top < 1 || top > MAX_PAGE_SIZE) {
      throw graphErrors.badRequest(
        `Invalid page size specified: '${topRaw}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`,
      );
    }
    const filter = q(req, '$filter');
    const search = q(req, '$search');
    const orderby = q(req, '$orderby');
    const count = q(req, '$count') === 'true';
    if (search !== undefined && !eventual(req)) {
      throw graphErrors.unsupportedQuery(
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    }
    if (count && !eventual(req)) throw graphErrors.badRequest('$count is not currently supported.');
    if (orderby !== undefined && filter !== undefined && !eventual(req))
      throw graphErrors.unsupportedQuery('Sorting not supported for current query.');

    let users = [...caller.tenant.users];
    if (filter) {
      const predicate = parseUserFilter(filter);
      users = users.filter(predicate);
    }
    if (search) {
      const predicate = parseUserSearch(search);
      users = users.filter(predicate);
    }
    if (orderby) {
      const m = /^\s*displayName(?:\s+(asc|desc))?\s*$/i.exec(orderby);
      if (!m)
        throw graphErrors.unsupportedQuery(
          'Sorting not supported for current query. The local tenant sorts users by displayName only.',
        );
      const dir = m[1]?.toLowerCase() === 'desc' ? -1 : 1;
      users.sort((a, b) => dir * a.displayName.localeCompare(b.displayName));
    }
    const offset = readSkipToken(req);
    const page = users.slice(offset, offset + top);
    const body: Record<string, unknown> = { '@odata.context': contextFor(ctx, select, false) };
    if (count && offset === 0) body['@odata.count'] = users.length;
    if (offset + top < users.length) body['@odata.nextLink'] = nextLinkWithSkipToken(ctx.baseUrl, req, offset + top);
    body.value = page.map((u) => userResource(u, select, basicOnly(caller, u)));
    sendGraphJson(res, 200, body);
  });

  router.get('/users/:id', (req, res) => {
    const caller = callerOf(res);
    const target = ctx.directory.userInTenant(caller.tenant.id, req.params.id);
    const self = target && caller.user?.id === target.id;
    const allowed = self
      ? hasPermission(caller, { delegated: ['User.Read', 'User.ReadWrite', ...LIST_DELEGATED], application: [] })
      : hasPermission(caller, { delegated: LIST_DELEGATED, application: READ_ALL_APPLICATION });
    if (!allowed) throw graphErrors.directoryDenied();
    if (!target) throw graphErrors.userNotFound(req.params.id);
    getOne(ctx, res, req, target);
  });

  return router;
}
