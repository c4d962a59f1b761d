import express, { Router, type Request, type Response } from 'express';
import { parseEventInput } from '../../calendar/eventInput.js';
import { parseEventFilter } from '../../calendar/eventFilter.js';
import {
  calendarResource,
  eventResource,
  parseEventSelect,
  parseExtendedExpand,
  type RenderOptions,
} from '../../calendar/eventResource.js';
import { instancesInWindow, resolveView, storedView, windowViews, type EventView } from '../../calendar/eventView.js';
import { parseQueryInstant } from '../../calendar/timeZones.js';
import type { DevTenantContext } from '../../context.js';
import type { DirectoryUser } from '../../directory/directory.js';
import type { StoredCalendar } from '../../state/calendarStore.js';
import { hasPermission } from '../graphCaller.js';
import { GraphError, graphErrors } from '../graphError.js';
import { odataContext, sendGraphJson } from '../graphResponse.js';
import { callerOf } from '../middleware/authenticate.js';
import { nextLinkWithSkip } from '../paging.js';
import { applyPreferences, preferences, type Preferences } from '../preferHeader.js';
import { deltaTokenOf, sendDeltaPage } from '../deltaResponse.js';
import { queryOption as q } from '../queryOption.js';

const READ = {
  delegated: [
    'Calendars.Read',
    'Calendars.ReadWrite',
    'Calendars.ReadBasic',
    'Calendars.Read.Shared',
    'Calendars.ReadWrite.Shared',
  ],
  application: ['Calendars.Read', 'Calendars.ReadWrite', 'Calendars.ReadBasic'],
};
const WRITE = {
  delegated: ['Calendars.ReadWrite', 'Calendars.ReadWrite.Shared'],
  application: ['Calendars.ReadWrite'],
};
const DEFAULT_PAGE = 10;

/** The mailbox a path names; a delegated caller reaches only their own. Also checks the permission. */
export function calendarMailbox(
  ctx: DevTenantContext,
  req: Request,
  res: Response,
  need: 'read' | 'write',
): DirectoryUser {
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
  if (!hasPermission(caller, need === 'read' ? READ : WRITE)) throw graphErrors.mailDenied();
  if (caller.user && caller.user.id !== user.id) throw graphErrors.mailDenied();
  return user;
}

/** The calendar a path names: `/calendars/{id}`, `/calendar` (default), or none (all calendars for /events). */
function calendarOf(
  ctx: DevTenantContext,
  req: Request,
  user: DirectoryUser,
  kind: 'explicit' | 'default' | 'any',
): StoredCalendar | undefined {
  if (kind === 'any') return undefined;
  if (kind === 'default') return ctx.calendars.defaultCalendar(user);
  return ctx.calendar.calendar(user, String(req.params.calendar));
}

function render(ctx: DevTenantContext, req: Request, prefs: Preferences): RenderOptions {
  return {
    baseUrl: ctx.baseUrl,
    zone: prefs.zone,
    zoneName: prefs.zoneName,
    select: parseEventSelect(q(req, '$select')),
    expandExtended: parseExtendedExpand(q(req, '$expand')),
    ...(prefs.bodyType ? { bodyType: prefs.bodyType } : {}),
  };
}

function pageParams(req: Request, prefs: Preferences): { top: number; skip: number } {
  const topRaw = q(req, '$top');
  const top = topRaw === undefined ? (prefs.maxPageSize ?? DEFAULT_PAGE) : Number(topRaw);
  if (!Number.isInteger(top) || top < 1 || top > 1000)
    throw new GraphError(400, 'ErrorInvalidParameter', `The value '${String(topRaw)}' of parameter 'Top' is invalid.`);
  const skipRaw = q(req, '$skip');
  const skip = skipRaw === undefined ? 0 : Number(skipRaw);
  if (!Number.isInteger(skip) || skip < 0)
    throw new GraphError(
      400,
      'ErrorInvalidParameter',
      `The value '${String(skipRaw)}' of parameter 'Skip' is invalid.`,
    );
  return { top, skip };
}

function sendPage(
  ctx: DevTenantContext,
  req: Request,
  res: Response,
  prefs: Preferences,
  context: string,
  views: EventView[],
): void {
  const opts = render(ctx, req, prefs);
  const { top, skip } = pageParams(req, prefs);
  const page = views.slice(skip, skip + top);
  const body: Record<string, unknown> = {
    '@odata.context': odataContext(ctx.baseUrl, context),
    value: page.map((v) => eventResource(v, opts)),
  };
  if (skip + top < views.length) body['@odata.nextLink'] = nextLinkWithSkip(ctx.baseUrl, req, skip + top);
  applyPreferences(res, prefs);
  sendGraphJson(res, 200, body);
}

function window(req: Request): { from: number; to: number } {
  const from = parseQueryInstant(q(req, 'startDateTime'));
  const to = parseQueryInstant(q(req, 'endDateTime'));
  return {
    from: from as number,
    to: to as number,
    ...(from === undefined || to === undefined ? { missing: true } : {}),
  };
}

const OCCURRENCE_DELTA_FIELDS = ['@odata.etag', 'id', 'type', 'seriesMasterId', 'start', 'end'];

function pick(resource: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in resource).map((key) => [key, resource[key]]));
}

/** Calendars, events (all path forms), instances, calendarView and calendarView/delta, for /me and /users/{id | upn}. */
export function calendarRoutes(ctx: DevTenantContext): Router {
  const router = Router();
  const json = express.json({ limit: '4mb', type: ['application/json', 'application/*+json'] });
  const owner = (u: DirectoryUser) => ({ name: u.displayName, address: u.mail });

  for (const prefix of ['/me', '/users/:user']) {
    // ---- calendars ----
    router.get(`${prefix}/calendars`, (req, res) => {
      const user = calendarMailbox(ctx, req, res, 'read');
      const prefs = preferences(req);
      const { top, skip } = pageParams(req, prefs);
      let calendars = ctx.calendars.calendars(user);
      const filter = q(req, '$filter');
      if (filter) {
        const m = /^\s*name\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
        if (!m)
          throw new GraphError(
            400,
            'ErrorInvalidUrlQueryFilter',
            'The query filter contains one or more invalid nodes.',
          );
        calendars = calendars.filter((c) => c.name.toLowerCase() === m[1]!.replace(/''/g, "'").toLowerCase());
      }
      const select = q(req, '$select')
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const shape = (c: StoredCalendar) => {
        const full = calendarResource(c, owner(user));
        return select
          ? Object.fromEntries(
              Object.entries(full).filter(
                ([k]) => k === 'id' || select.some((s) => s.toLowerCase() === k.toLowerCase()),
              ),
            )
          : full;
      };
      const body: Record<string, unknown> = {
        '@odata.context': odataContext(ctx.baseUrl, `users('${user.id}')/calendars`),
        value: calendars.slice(skip, skip + top).map(shape),
      };
      if (skip + top < calendars.length) body['@odata.nextLink'] = nextLinkWithSkip(ctx.baseUrl, req, skip + top);
      sendGraphJson(res, 200, body);
    });
    router.post(`${prefix}/calendars`, json, (req, res) => {
      const user = calendarMailbox(ctx, req, res, 'write');
      const calendar = ctx.calendar.createCalendar(user, (req.body ?? {}) as { name?: unknown; color?: unknown });
      sendGraphJson(res, 201, {
        '@odata.context': odataContext(ctx.baseUrl, `users('${user.id}')/calendars/$entity`),
        ...calendarResource(calendar, owner(user)),
      });
    });
    const getCalendar = (kind: 'explicit' | 'default') => (req: Request, res: Response) => {
      const user = calendarMailbox(ctx, req, res, 'read');
      const calendar = calendarOf(ctx, req, user, kind)!;
      sendGraphJson(res, 200, {
        '@odata.context': odataContext(ctx.baseUrl, `users('${user.id}')/calendars/$entity`),
        ...calendarResource(calendar, owner(user)),
      });
    };
    router.get(`${prefix}/calendar`, getCalendar('default'));
    router.get(`${prefix}/calendars/:calendar`, getCalendar('explicit'));
    router.patch(`${prefix}/calendars/:calendar`, json, (req, res) => {
      const user = calendarMailbox(ctx, req, res, 'write');
      const calendar = ctx.calendar.updateCalendar(
        user,
        String(req.params.calendar),
        (req.body ?? {}) as { name?: unknown; color?: unknown },
      );
      sendGraphJson(res, 200, {
        '@odata.context': odataContext(ctx.baseUrl, `users('${user.id}')/calendars/$entity`),
        ...calendarResource(calendar, owner(user)),
      });
    });
    router.delete(`${prefix}/calendars/:calendar`, (req, res) => {
      const user = calendarMailbox(ctx, req, res, 'write');
      ctx.calendar.deleteCalendar(user, String(req.params.calendar));
      res.status(204).end();
    });

    // ---- events, in every path form ----
    const forms: { path: string; kind: 'explicit' | 'default' | 'any' }[] = [
      { path: `${prefix}/events`, kind: 'any' },
      { path: `${prefix}/calendar/events`, kind: 'default' },
      { path: `${prefix}/calendars/:calendar/events`, kind: 'explicit' },
    ];
    for (const { path, kind } of forms) {
      router.get(path, (req, res) => {
        const user = calendarMailbox(ctx, req, res, 'read');
        const calendar = calendarOf(ctx, req, user, kind);
        const prefs = preferences(req);
        const filter = parseEventFilter(q(req, '$filter'));
        let events = ctx.calendars.events(user, calendar?.id);
        if (filter) events = events.filter(filter);
        const views = [...events].sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime)).map(storedView);
        sendPage(ctx, req, res, prefs, `users('${user.id}')/events`, views);
      });
      router.post(path, json, (req, res) => {
        const user = calendarMailbox(ctx, req, res, 'write');
        const calendar = calendarOf(ctx, req, user, kind) ?? ctx.calendars.defaultCalendar(user);
        const prefs = preferences(req);
        const input = parseEventInput(req.body);
        const { event } = ctx.calendar.createEvent(user, calendar.id, input);
        applyPreferences(res, prefs);
        res.setHeader('ETag', `W/"${event.changeKey}"`);
        res.setHeader('Location', `${ctx.baseUrl}/v1.0/users('${user.id}')/events('${event.id}')`);
        sendGraphJson(res, 201, {
          '@odata.context': odataContext(ctx.baseUrl, `users('${user.id}')/calendars('${calendar.id}')/events/$entity`),
          ...eventResource(storedView(event), render(ctx, req, prefs)),
        });
      });
      const item = `${path}/:event`;
      const find = (req: Request, user: DirectoryUser): EventView => {
        const calendar = calendarOf(ctx, req, user, kind);
        return ctx.calendar.view(user, String(req.params.event), calendar?.id);
      };
      router.get(item, (req, res) => {
        const user = calendarMailbox(ctx, req, res, 'read');
        const prefs = preferences(req);
        const view = find(req, user);
        applyPreferences(res, prefs);
        res.setHeader('ETag', `W/"${view.changeKey}"`);
        sendGraphJson(res, 200, {
          '@odata.context': odataContext(ctx.baseUrl, `users('${user.id}')/events/$entity`),
          ...eventResource(view, render(ctx, req, prefs)),
        });
      });
      router.patch(item, json, (req, res) => {
        const user = calendarMailbox(ctx, req, res, 'write');
        const prefs = preferences(req);
        const view = find(req, user);
        const input = parseEventInput(req.body);
        const updated = ctx.calendar.updateEvent(
          user,
          view,
          input,
          typeof req.headers['if-match'] === 'string' ? req.headers['if-match'] : undefined,
        );
        applyPreferences(res, prefs);
        res.setHeader('ETag', `W/"${updated.changeKey}"`);
        sendGraphJson(res, 200, {
          '@odata.context': odataContext(ctx.baseUrl, `users('${user.id}')/events/$entity`),
          ...eventResource(updated, render(ctx, req, prefs)),
        });
      });
      router.delete(item, (req, res) => {
        const user = calendarMailbox(ctx, req, res, 'write');
        const view = find(req, user);
        ctx.calendar.deleteEvent(
          user,
          view,
          typeof req.headers['if-match'] === 'string' ? req.headers['if-match'] : undefined,
        );
        res.status(204).end();
      });
      router.get(`${item}/instances`, (req, res) => {
        const user = calendarMailbox(ctx, req, res, 'read');
        const prefs = preferences(req);
        const calendar = calendarOf(ctx, req, user, kind);
        const master = ctx.calendars
          .events(user, calendar?.id)
          .find((e) => e.id === (req.params as Record<string, string>).event);
        if (!master) throw graphErrors.itemNotFound();
        const w = window(req);
        if ('missing' in w)
          throw new GraphError(
            400,
            'ErrorInvalidParameter',
            'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
          );
        const views = master.recurrence ? instancesInWindow(master, w.from, w.to) : [];
        sendPage(ctx, req, res, prefs, `users('${user.id}')/events('${master.id}')/instances`, views);
      });
    }

    // ---- calendarView and calendarView/delta ----
    const views: { path: string; kind: 'explicit' | 'default' }[] = [
      { path: `${prefix}/calendarView`, kind: 'default' },
      { path: `${prefix}/calendar/calendarView`, kind: 'default' },
      { path: `${prefix}/calendars/:calendar/calendarView`, kind: 'explicit' },
    ];
    for (const { path, kind } of views) {
      router.get(path, (req, res) => {
        const user = calendarMailbox(ctx, req, res, 'read');
        const calendar = calendarOf(ctx, req, user, kind)!;
        const prefs = preferences(req);
        const w = window(req);
        if ('missing' in w)
          throw new GraphError(
            400,
            'ErrorInvalidParameter',
            'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
          );
        ctx.delta.validateWindow(w.from, w.to);
        sendPage(
          ctx,
          req,
          res,
          prefs,
          `users('${user.id}')/calendarView`,
          windowViews(ctx.calendars.events(user, calendar.id), w.from, w.to, 'none'),
        );
      });
      // Graph takes delta as a function too: `calendarView/delta()` is the same request as `calendarView/delta`.
      router.get([`${path}/delta`, `${path}/delta\\(\\)`], (req, res) => {
        const user = calendarMailbox(ctx, req, res, 'read');
        const calendar = calendarOf(ctx, req, user, kind)!;
        const prefs = preferences(req);
        const token = deltaTokenOf(req);
        const events = ctx.calendars.events(user, calendar.id);
        const section = ctx.calendars.section(user);
        let page;
        if (token) {
          page = ctx.delta.follow({
            ...token,
            userId: user.id,
            calendarId: calendar.id,
            events,
            tombstones: section.tombstones,
            seq: section.seq,
            ...(prefs.maxPageSize ? { maxPageSize: prefs.maxPageSize } : {}),
          });
        } else {
          const w = window(req);
          const { from, to } = ctx.delta.validateWindow(
            'missing' in w ? undefined : w.from,
            'missing' in w ? undefined : w.to,
          );
          const select = parseEventSelect(q(req, '$select'));
          page = ctx.delta.initial({
            userId: user.id,
            calendarId: calendar.id,
            from,
            to,
            events,
            seq: section.seq,
            ...(select ? { select } : {}),
            ...(prefs.maxPageSize ? { maxPageSize: prefs.maxPageSize } : {}),
          });
        }
        const opts: RenderOptions = {
          baseUrl: ctx.baseUrl,
          zone: prefs.zone,
          zoneName: prefs.zoneName,
          ...(page.state.select ? { select: page.state.select } : {}),
          ...(prefs.bodyType ? { bodyType: prefs.bodyType } : {}),
        };
        const value = page.entries.map((entry) => {
          const view = entry.removed ? undefined : resolveView(events, entry.id);
          if (!view)
            return { '@odata.type': '#microsoft.graph.event', id: entry.id, '@removed': { reason: 'deleted' } };
          const resource = eventResource(view, opts);
          // Graph's delta gives a plain occurrence only these (microsoft-graph-docs#7632); its master has the rest.
          if (view.type === 'occurrence')
            return { '@odata.type': '#microsoft.graph.event', ...pick(resource, OCCURRENCE_DELTA_FIELDS) };
          return { '@odata.type': '#microsoft.graph.event', ...resource };
        });
        sendDeltaPage(ctx.baseUrl, req, res, { entity: 'event', page, value, prefs });
      });
    }
  }
  return router;
}
