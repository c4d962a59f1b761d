import express, { Router, type Response } from 'express';
import { z } from 'zod';
import type { DevTenantContext } from '../context.js';
import { knobsUpdateSchema } from '../knobs.js';
import { bodyPreview } from '../graph/messageResource.js';
import type { StoredMessage } from '../state/mailboxStore.js';
import { eventResource } from '../calendar/eventResource.js';
import { GraphError } from '../graph/graphError.js';
import { storedView } from '../calendar/eventView.js';
import { calendarResource } from '../calendar/eventResource.js';
import type { LifecycleEvent } from '../subscriptions/subscriptionService.js';
import { contactFolderResource, contactResource } from '../contacts/contactResource.js';

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
          id: u.id,
          userPrincipalName: u.userPrincipalName,
          displayName: u.displayName,
          mail: u.mail,
          jobTitle: u.jobTitle,
          preferredLanguage: u.preferredLanguage,
          isGlobalAdmin: u.isGlobalAdmin,
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

  const mailboxOf = (upn: string, res: Response) => {
    const user = ctx.directory.userByUpn(upn);
    if (!user) res.status(404).json({ error: 'mailbox_not_found', message: `No local mailbox ${upn}.` });
    return user;
  };

  router.get('/mailboxes/:upn/calendars', (req, res) => {
    const user = mailboxOf(req.params.upn, res);
    if (!user) return;
    res.json({
      mailbox: user.userPrincipalName,
      value: ctx.calendars.calendars(user).map((c) => ({
        ...calendarResource(c, { name: user.displayName, address: user.mail }),
        eventCount: ctx.calendars.events(user, c.id).length,
      })),
    });
  });

  /** Stored events (singles and series masters) rendered as Graph does in UTC, plus what delta and tests need to see. */
  router.get('/mailboxes/:upn/calendars/:calendarId/events', (req, res) => {
    const user = mailboxOf(req.params.upn, res);
    if (!user) return;
    const calendar =
      req.params.calendarId === 'default'
        ? ctx.calendars.defaultCalendar(user)
        : ctx.calendars.calendar(user, req.params.calendarId);
    if (!calendar) {
      res.status(404).json({ error: 'calendar_not_found', message: 'No such calendar in this mailbox.' });
      return;
    }
    res.json({
      mailbox: user.userPrincipalName,
      calendar: { id: calendar.id, name: calendar.name },
      // `?subject=` narrows the list to events with exactly that subject (a cheap check for tests and benchmarks).
      value: ctx.calendars
        .events(user, calendar.id)
        .filter((e) => typeof req.query.subject !== 'string' || e.subject === req.query.subject)
        .map((e) => ({
          ...eventResource(storedView(e), { baseUrl: ctx.baseUrl, zone: 'Etc/UTC', zoneName: 'UTC' }),
          singleValueExtendedProperties: e.extendedProperties,
          exceptionKeys: Object.keys(e.exceptions),
          cancelledOccurrences: e.cancelledOccurrences,
        })),
    });
  });

  /**
   * Outlook's "Move to" another calendar (Graph v1.0 has none for events): { "calendarId": "<id>" | "default" }.
   * Answers the moved event as the events listing shows it: a new id in the target calendar, the same iCalUId.
   */
  router.post('/mailboxes/:upn/events/:eventId/move', (req, res) => {
    const user = mailboxOf(req.params.upn, res);
    if (!user) return;
    const raw = (req.body as { calendarId?: unknown } | undefined)?.calendarId;
    if (typeof raw !== 'string' || !raw) {
      res.status(400).json({
        error: 'invalid_move',
        message: 'calendarId (a calendar id of this mailbox, or "default") is required.',
      });
      return;
    }
    const calendarId = raw === 'default' ? ctx.calendars.defaultCalendar(user).id : raw;
    if (!ctx.calendars.calendar(user, calendarId)) {
      res.status(404).json({ error: 'calendar_not_found', message: 'No such calendar in this mailbox.' });
      return;
    }
    try {
      const moved = ctx.calendar.moveEvent(user, req.params.eventId, calendarId);
      res.json({
        ...eventResource(storedView(moved), { baseUrl: ctx.baseUrl, zone: 'Etc/UTC', zoneName: 'UTC' }),
        calendarId: moved.calendarId,
        singleValueExtendedProperties: moved.extendedProperties,
      });
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      res
        .status(err.status)
        .json({ error: err.status === 404 ? 'event_not_found' : 'invalid_move', message: err.message });
    }
  });

  /** Every contact folder, the default "Contacts" folder included (isDefault), with its number of contacts. */
  router.get('/mailboxes/:upn/contactFolders', (req, res) => {
    const user = mailboxOf(req.params.upn, res);
    if (!user) return;
    res.json({
      mailbox: user.userPrincipalName,
      value: ctx.contacts.folders(user).map((f) => ({
        ...contactFolderResource(f),
        isDefault: f.isDefault,
        contactCount: ctx.contacts.contacts(user, f.id).length,
      })),
    });
  });

  /** Stored contacts of a folder (`default` = the Contacts folder) as Graph renders them, with their extended properties. */
  router.get('/mailboxes/:upn/contactFolders/:folderId/contacts', (req, res) => {
    const user = mailboxOf(req.params.upn, res);
    if (!user) return;
    const folder =
      req.params.folderId === 'default'
        ? ctx.contacts.defaultFolder(user)
        : ctx.contacts.folder(user, req.params.folderId);
    if (!folder) {
      res.status(404).json({ error: 'folder_not_found', message: 'No such contact folder in this mailbox.' });
      return;
    }
    res.json({
      mailbox: user.userPrincipalName,
      folder: { id: folder.id, displayName: folder.displayName },
      // `?surname=` narrows the list to contacts with exactly that surname.
      value: ctx.contacts
        .contacts(user, folder.id)
        .filter((c) => typeof req.query.surname !== 'string' || c.surname === req.query.surname)
        .map((c) => ({ ...contactResource(c), singleValueExtendedProperties: c.extendedProperties })),
    });
  });

  router.get('/mailboxes/:upn/subscriptions', (req, res) => {
    const user = mailboxOf(req.params.upn, res);
    if (!user) return;
    res.json({
      mailbox: user.userPrincipalName,
      value: ctx.subscriptions.forMailbox(user.id).map((s) => ({ ...ctx.subscriptions.resource(s), paused: s.paused })),
    });
  });

  router.post('/mailboxes/:upn/expire-delta-tokens', (req, res) => {
    const user = mailboxOf(req.params.upn, res);
    if (!user) return;
    res.json({ expired: ctx.delta.expire(user.id) });
  });

  router.post('/expire-delta-tokens', (_req, res) => {
    res.json({ expired: ctx.delta.expire() });
  });

  router.get('/subscriptions', (_req, res) => {
    res.json({
      value: ctx.subscriptions.all().map((s) => ({
        ...ctx.subscriptions.resource(s),
        paused: s.paused,
        mailbox: ctx.directory.userById(s.userId)?.userPrincipalName,
      })),
    });
  });

  /** Sends a lifecycle notification: { "lifecycleEvent": "reauthorizationRequired" | "subscriptionRemoved" | "missed" }. */
  router.post('/subscriptions/:id/lifecycle', (req, res) => {
    const event = (req.body as { lifecycleEvent?: unknown } | undefined)?.lifecycleEvent;
    if (!isLifecycleEvent(event)) {
      res.status(400).json({
        error: 'invalid_lifecycle_event',
        message: 'lifecycleEvent must be reauthorizationRequired, subscriptionRemoved or missed.',
      });
      return;
    }
    try {
      const s = ctx.subscriptions.lifecycle(req.params.id, event);
      res.status(202).json({ subscriptionId: s.id, lifecycleEvent: event });
    } catch (err) {
      res.status(404).json({ error: 'subscription_not_found', message: (err as Error).message });
    }
  });

  router.post('/subscriptions/:id/expire', (req, res) => {
    res.status(ctx.subscriptions.expire(req.params.id) ? 204 : 404).end();
  });

  /** Every webhook POST attempt (validation, change, lifecycle), oldest first. */
  router.get('/notifications', (_req, res) => {
    res.json({ value: ctx.subscriptions.deliveries });
  });

  router.get('/request-counts', (_req, res) => {
    res.json(ctx.requestCounts.snapshot());
  });

  router.post('/request-counts/reset', (_req, res) => {
    ctx.requestCounts.reset();
    res.status(204).end();
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
    if (
      parsed.data.expireDeltaTokens &&
      parsed.data.expireDeltaTokens !== '*' &&
      !ctx.directory.userByUpn(parsed.data.expireDeltaTokens)
    ) {
      res
        .status(404)
        .json({ error: 'mailbox_not_found', message: `No local mailbox ${parsed.data.expireDeltaTokens}.` });
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

const LIFECYCLE_EVENTS: readonly unknown[] = ['reauthorizationRequired', 'subscriptionRemoved', 'missed'];

function isLifecycleEvent(value: unknown): value is LifecycleEvent {
  return LIFECYCLE_EVENTS.includes(value);
}
