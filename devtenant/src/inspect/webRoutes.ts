import express, { Router, type Request, type Response } from 'express';
import { parseEventInput, type EventInput } from '../calendar/eventInput.js';
import { storedView } from '../calendar/eventView.js';
import type { DevTenantContext } from '../context.js';
import type { DirectoryUser } from '../directory/directory.js';
import { GraphError } from '../graph/graphError.js';
import { calendarPage, eventPage, VIEW_ZONES, type EventFormValues } from './calendarPages.js';
import { parseContactInput, type ContactInput } from '../contacts/contactInput.js';
import type { StoredContact } from '../state/contactStore.js';
import { contactPage, contactsPage, type ContactFormValues } from './contactPages.js';
import { homePage, mailboxHref, mailListPage, messagePage, notFoundPage } from './webPages.js';
import { composeForm, EMPTY_COMPOSE, replyForm, type ComposeValues } from './composePages.js';
import { receiveFromOutside, sendMail } from '../graph/sendMail.js';
import { parseSendMail, SMTP_ADDRESS } from '../graph/sendMailSchema.js';
import type { StoredMessage } from '../state/mailboxStore.js';

/** The small web view: tenants and people, each mailbox, each message. */
export function inspectWebRoutes(ctx: DevTenantContext): Router {
  const router = Router();
  const send = (res: Response, page: string, status = 200) => res.status(status).type('html').send(page);

  router.get('/', (_req, res) => {
    send(
      res,
      homePage({
        tenants: ctx.directory.tenants,
        consents: ctx.consents.all(),
        password: ctx.password,
        externalCount: ctx.mailboxes.external().length,
      }),
    );
  });

  const form = express.urlencoded({ extended: false });
  const externalPage = (extra: { values?: ComposeValues; error?: string } = {}) =>
    mailListPage({
      title: 'External mail',
      owner: 'Mail sent to addresses outside the local tenants',
      baseHref: '/mail/external',
      folder: 'external',
      messages: ctx.mailboxes.external(),
      compose: composeForm({
        action: '/mail/external/send',
        heading: 'Receive a mail from outside',
        outside: true,
        ...extra,
      }),
    });
  const mailboxPage = (
    user: DirectoryUser,
    folder: 'inbox' | 'sentitems',
    extra: { values?: ComposeValues; error?: string } = {},
  ) =>
    mailListPage({
      title: `${folder === 'inbox' ? 'Inbox' : 'Sent Items'} of ${user.displayName}`,
      owner: user.userPrincipalName,
      baseHref: mailboxHref(user.userPrincipalName),
      folder,
      messages: ctx.mailboxes.messages(user, folder),
      compose: composeForm({
        action: `${mailboxHref(user.userPrincipalName)}/send`,
        heading: 'New message',
        outside: false,
        ...extra,
      }),
    });

  router.get('/mail/external', (_req, res) => {
    send(res, externalPage());
  });

  router.post('/mail/external/send', form, (req, res) => {
    const values = composeValues(formFields(req));
    try {
      receiveFromOutside(ctx, outsideSender(values), parseSendMail(composeBody(values)));
      res.redirect(303, '/mail/external');
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      send(res, externalPage({ values, error: err.message }), err.status);
    }
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

  calendarWebRoutes(ctx, router, send);
  contactWebRoutes(ctx, router, send);

  router.get('/mail/:upn', (req, res) => {
    const user = ctx.directory.userByUpn(req.params.upn);
    if (!user) return send(res, notFoundPage(`No local mailbox ${req.params.upn}.`), 404);
    send(res, mailboxPage(user, req.query.folder === 'sentitems' ? 'sentitems' : 'inbox'));
  });

  router.post('/mail/:upn/send', form, (req, res) => {
    const user = ctx.directory.userByUpn(req.params.upn);
    if (!user) return send(res, notFoundPage(`No local mailbox ${req.params.upn}.`), 404);
    const values = composeValues(formFields(req));
    try {
      sendMail(ctx, user, parseSendMail(composeBody(values)));
      res.redirect(303, `${mailboxHref(user.userPrincipalName)}?folder=sentitems`);
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      send(res, mailboxPage(user, 'inbox', { values, error: err.message }), err.status);
    }
  });

  const messageView = (user: DirectoryUser, message: StoredMessage, error?: string) =>
    messagePage({
      message,
      backHref: mailboxHref(user.userPrincipalName) + (message.folder === 'sentitems' ? '?folder=sentitems' : ''),
      backLabel: message.folder === 'sentitems' ? 'Sent Items' : 'Inbox',
      reply:
        message.folder === 'inbox'
          ? replyForm({
              action: `${mailboxHref(user.userPrincipalName)}/${encodeURIComponent(message.id)}/reply`,
              to: message.from.emailAddress.address,
              ...(error ? { error } : {}),
            })
          : undefined,
    });

  router.get('/mail/:upn/:messageId', (req, res) => {
    const user = ctx.directory.userByUpn(req.params.upn);
    const message = user ? ctx.mailboxes.message(user, req.params.messageId) : undefined;
    if (!user || !message) return send(res, notFoundPage('That message is not in this mailbox.'), 404);
    ctx.mailboxes.markRead(user, message.id);
    send(res, messageView(user, message));
  });

  // A reply stays in the message's conversation, as Outlook's Reply does.
  router.post('/mail/:upn/:messageId/reply', form, (req, res) => {
    const user = ctx.directory.userByUpn(req.params.upn);
    const message = user ? ctx.mailboxes.message(user, req.params.messageId) : undefined;
    if (!user || !message) return send(res, notFoundPage('That message is not in this mailbox.'), 404);
    const subject = /^re:/i.test(message.subject) ? message.subject : `RE: ${message.subject}`;
    const body = formFields(req).body ?? '';
    try {
      const input = parseSendMail(
        composeBody({ ...EMPTY_COMPOSE, to: message.from.emailAddress.address, subject, body }),
      );
      sendMail(ctx, user, input, { conversationId: message.conversationId });
      res.redirect(303, `${mailboxHref(user.userPrincipalName)}?folder=sentitems`);
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      send(res, messageView(user, message, err.message), err.status);
    }
  });
  return router;
}

function composeValues(fields: Record<string, string | undefined>): ComposeValues {
  return {
    from: fields.from ?? '',
    fromName: fields.fromName ?? '',
    to: fields.to ?? '',
    cc: fields.cc ?? '',
    subject: fields.subject ?? '',
    body: fields.body ?? '',
    sensitivity: fields.sensitivity ?? 'normal',
  };
}

const addressList = (text: string) =>
  text
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter(Boolean)
    .map((address) => ({ emailAddress: { address } }));

/** The form as a Graph sendMail body, so it meets the same validation as the API. */
function composeBody(v: ComposeValues): unknown {
  return {
    message: {
      subject: v.subject,
      body: { contentType: 'Text', content: v.body },
      toRecipients: addressList(v.to),
      ccRecipients: addressList(v.cc),
      sensitivity: v.sensitivity,
    },
  };
}

function outsideSender(v: ComposeValues): { name?: string; address: string } {
  const address = v.from.trim();
  if (!SMTP_ADDRESS.test(address))
    throw new GraphError(400, 'ErrorInvalidRecipients', `The sender '${address}' is not an e-mail address.`);
  return { address, ...(v.fromName.trim() ? { name: v.fromName.trim() } : {}) };
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The string fields of an urlencoded form (a repeated field keeps its first value). */
function formFields(req: Request): Record<string, string | undefined> {
  const body: unknown = req.body;
  if (!body || typeof body !== 'object') return {};
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') fields[name] = first;
  }
  return fields;
}

function formValues(body: Record<string, string | undefined>): EventFormValues {
  return {
    subject: body.subject ?? '',
    start: body.start ?? '',
    end: body.end ?? '',
    allDay: body.allDay === 'on',
    location: body.location ?? '',
    attendees: body.attendees ?? '',
  };
}

/** The web form as a Graph write body, so it meets exactly the same validation and behaviour. */
function formInput(v: EventFormValues, zone: string): EventInput {
  let start = v.start;
  let end = v.end;
  if (v.allDay) {
    const startDate = start.slice(0, 10);
    let endDate = end.slice(0, 10);
    if (!endDate || endDate <= startDate) endDate = nextDay(startDate);
    start = `${startDate}T00:00:00`;
    end = `${endDate}T00:00:00`;
  }
  const attendees = v.attendees
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((address) => ({ emailAddress: { address }, type: 'required' }));
  return parseEventInput({
    subject: v.subject,
    start: { dateTime: start, timeZone: zone },
    end: { dateTime: end, timeZone: zone },
    isAllDay: v.allDay,
    location: { displayName: v.location },
    attendees,
  });
}

/** The Calendar tab of a mailbox: calendars, events, and forms that write through the same service as Graph. */
function calendarWebRoutes(
  ctx: DevTenantContext,
  router: Router,
  send: (res: Response, page: string, status?: number) => unknown,
): void {
  const form = express.urlencoded({ extended: false });
  const zoneOf = (req: Request) => {
    const raw = typeof req.query.tz === 'string' ? req.query.tz : (formFields(req).tz ?? 'UTC');
    return VIEW_ZONES.includes(raw) ? raw : 'UTC';
  };
  const owner = (u: DirectoryUser) => ({ displayName: u.displayName, upn: u.userPrincipalName });
  const user = (req: Request, res: Response): DirectoryUser | undefined => {
    const found = ctx.directory.userByUpn(String(req.params.upn));
    if (!found) send(res, notFoundPage(`No local mailbox ${String(req.params.upn)}.`), 404);
    return found;
  };
  const listPage = (
    u: DirectoryUser,
    calendarId: string | undefined,
    zone: string,
    extra: { error?: string; values?: EventFormValues } = {},
  ) => {
    const selected = (calendarId && ctx.calendars.calendar(u, calendarId)) || ctx.calendars.defaultCalendar(u);
    return calendarPage({
      owner: owner(u),
      baseHref: mailboxHref(u.userPrincipalName),
      calendars: ctx.calendars.calendars(u),
      selected,
      events: ctx.calendars.events(u, selected.id),
      zone,
      ...extra,
    });
  };
  const listHref = (u: DirectoryUser, calendarId: string, zone: string) =>
    `${mailboxHref(u.userPrincipalName)}/calendar?calendar=${encodeURIComponent(calendarId)}&tz=${encodeURIComponent(zone)}`;

  router.get('/mail/:upn/calendar', (req, res) => {
    const u = user(req, res);
    if (!u) return;
    send(res, listPage(u, typeof req.query.calendar === 'string' ? req.query.calendar : undefined, zoneOf(req)));
  });

  router.post('/mail/:upn/calendars', form, (req, res) => {
    const u = user(req, res);
    if (!u) return;
    try {
      const calendar = ctx.calendar.createCalendar(u, { name: formFields(req).name });
      res.redirect(303, listHref(u, calendar.id, 'UTC'));
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      send(res, listPage(u, undefined, 'UTC', { error: err.message }), err.status);
    }
  });

  router.post('/mail/:upn/calendars/:calendarId/delete', form, (req, res) => {
    const u = user(req, res);
    if (!u) return;
    try {
      ctx.calendar.deleteCalendar(u, String(req.params.calendarId));
      res.redirect(303, listHref(u, ctx.calendars.defaultCalendar(u).id, 'UTC'));
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      send(res, listPage(u, undefined, 'UTC', { error: err.message }), err.status);
    }
  });

  router.post('/mail/:upn/calendar/events', form, (req, res) => {
    const u = user(req, res);
    if (!u) return;
    const zone = zoneOf(req);
    const values = formValues(formFields(req));
    const calendarId =
      formFields(req).calendar && ctx.calendars.calendar(u, formFields(req).calendar!)
        ? formFields(req).calendar!
        : ctx.calendars.defaultCalendar(u).id;
    try {
      ctx.calendar.createEvent(u, calendarId, formInput(values, zone));
      res.redirect(303, listHref(u, calendarId, zone));
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      send(res, listPage(u, calendarId, zone, { error: err.message, values }), err.status);
    }
  });

  const eventOf = (u: DirectoryUser, id: string) => ctx.calendars.event(u, id);

  router.get('/mail/:upn/calendar/events/:eventId', (req, res) => {
    const u = user(req, res);
    if (!u) return;
    const event = eventOf(u, String(req.params.eventId));
    if (!event) return send(res, notFoundPage('That event is not in this mailbox.'), 404);
    send(
      res,
      eventPage({
        owner: owner(u),
        baseHref: mailboxHref(u.userPrincipalName),
        event,
        calendar: ctx.calendars.calendar(u, event.calendarId)!,
        calendars: ctx.calendars.calendars(u),
        zone: zoneOf(req),
      }),
    );
  });

  router.post('/mail/:upn/calendar/events/:eventId', form, (req, res) => {
    const u = user(req, res);
    if (!u) return;
    const event = eventOf(u, String(req.params.eventId));
    if (!event) return send(res, notFoundPage('That event is not in this mailbox.'), 404);
    const zone = zoneOf(req);
    const values = formValues(formFields(req));
    try {
      ctx.calendar.updateEvent(u, storedView(event), formInput(values, zone), undefined);
      res.redirect(303, listHref(u, event.calendarId, zone));
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      send(
        res,
        eventPage({
          owner: owner(u),
          baseHref: mailboxHref(u.userPrincipalName),
          event,
          calendar: ctx.calendars.calendar(u, event.calendarId)!,
          calendars: ctx.calendars.calendars(u),
          zone,
          error: err.message,
          values,
        }),
        err.status,
      );
    }
  });

  router.post('/mail/:upn/calendar/events/:eventId/move', form, (req, res) => {
    const u = user(req, res);
    if (!u) return;
    const event = eventOf(u, String(req.params.eventId));
    if (!event) return send(res, notFoundPage('That event is not in this mailbox.'), 404);
    const zone = zoneOf(req);
    try {
      const moved = ctx.calendar.moveEvent(u, event.id, formFields(req).calendar ?? '');
      res.redirect(303, listHref(u, moved.calendarId, zone));
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      send(
        res,
        eventPage({
          owner: owner(u),
          baseHref: mailboxHref(u.userPrincipalName),
          event,
          calendar: ctx.calendars.calendar(u, event.calendarId)!,
          calendars: ctx.calendars.calendars(u),
          zone,
          error: err.message,
        }),
        err.status,
      );
    }
  });

  router.post('/mail/:upn/calendar/events/:eventId/delete', form, (req, res) => {
    const u = user(req, res);
    if (!u) return;
    const event = eventOf(u, String(req.params.eventId));
    if (!event) return send(res, notFoundPage('That event is not in this mailbox.'), 404);
    ctx.calendar.deleteEvent(u, storedView(event), undefined);
    res.redirect(303, listHref(u, event.calendarId, zoneOf(req)));
  });
}

function contactFormValuesOf(body: Record<string, string | undefined>): ContactFormValues {
  const v = (k: string) => (body[k] ?? '').trim();
  return {
    givenName: v('givenName'),
    surname: v('surname'),
    email: v('email'),
    businessPhone: v('businessPhone'),
    companyName: v('companyName'),
    jobTitle: v('jobTitle'),
  };
}

/** The contact form as a Graph write body; on edit the first e-mail and business phone are replaced, further ones kept. */
function contactInputOf(v: ContactFormValues, existing?: StoredContact): ContactInput {
  const orNull = (s: string) => (s ? s : null);
  const emails = existing ? existing.emailAddresses.slice(1) : [];
  const phones = existing ? existing.businessPhones.slice(1) : [];
  const firstEmailName = existing?.emailAddresses[0]?.address === v.email ? existing.emailAddresses[0].name : undefined;
  return parseContactInput({
    givenName: orNull(v.givenName),
    surname: orNull(v.surname),
    emailAddresses: v.email ? [{ address: v.email, name: firstEmailName ?? v.email }, ...emails] : emails,
    businessPhones: v.businessPhone ? [v.businessPhone, ...phones] : phones,
    companyName: orNull(v.companyName),
    jobTitle: orNull(v.jobTitle),
  });
}

/** The Contacts tab of a mailbox: folders, contacts, and forms that write through the same service as Graph. */
function contactWebRoutes(
  ctx: DevTenantContext,
  router: Router,
  send: (res: Response, page: string, status?: number) => unknown,
): void {
  const form = express.urlencoded({ extended: false });
  const owner = (u: DirectoryUser) => ({ displayName: u.displayName, upn: u.userPrincipalName });
  const user = (req: Request, res: Response): DirectoryUser | undefined => {
    const found = ctx.directory.userByUpn(String(req.params.upn));
    if (!found) send(res, notFoundPage(`No local mailbox ${String(req.params.upn)}.`), 404);
    return found;
  };
  const listPage = (
    u: DirectoryUser,
    folderId: string | undefined,
    extra: { error?: string; values?: ContactFormValues } = {},
  ) => {
    const selected = (folderId && ctx.contacts.folder(u, folderId)) || ctx.contacts.defaultFolder(u);
    return contactsPage({
      owner: owner(u),
      baseHref: mailboxHref(u.userPrincipalName),
      folders: ctx.contacts.folders(u),
      selected,
      contacts: ctx.contacts.contacts(u, selected.id),
      ...extra,
    });
  };
  const listHref = (u: DirectoryUser, folderId: string) =>
    `${mailboxHref(u.userPrincipalName)}/contacts?folder=${encodeURIComponent(folderId)}`;
  const fail = (res: Response, err: unknown, page: () => string) => {
    if (!(err instanceof GraphError)) throw err;
    send(res, page(), err.status);
  };

  router.get('/mail/:upn/contacts', (req, res) => {
    const u = user(req, res);
    if (!u) return;
    send(res, listPage(u, typeof req.query.folder === 'string' ? req.query.folder : undefined));
  });

  router.post('/mail/:upn/contactFolders', form, (req, res) => {
    const u = user(req, res);
    if (!u) return;
    try {
      const folder = ctx.contact.createFolder(u, { displayName: formFields(req).displayName });
      res.redirect(303, listHref(u, folder.id));
    } catch (err) {
      fail(res, err, () => listPage(u, undefined, { error: (err as Error).message }));
    }
  });

  router.post('/mail/:upn/contactFolders/:folderId/delete', form, (req, res) => {
    const u = user(req, res);
    if (!u) return;
    try {
      ctx.contact.deleteFolder(u, String(req.params.folderId));
      res.redirect(303, listHref(u, ctx.contacts.defaultFolder(u).id));
    } catch (err) {
      fail(res, err, () => listPage(u, undefined, { error: (err as Error).message }));
    }
  });

  router.post('/mail/:upn/contacts', form, (req, res) => {
    const u = user(req, res);
    if (!u) return;
    const values = contactFormValuesOf(formFields(req));
    const folderId =
      formFields(req).folder && ctx.contacts.folder(u, formFields(req).folder!)
        ? formFields(req).folder!
        : ctx.contacts.defaultFolder(u).id;
    try {
      ctx.contact.createContact(u, folderId, contactInputOf(values));
      res.redirect(303, listHref(u, folderId));
    } catch (err) {
      fail(res, err, () => listPage(u, folderId, { error: (err as Error).message, values }));
    }
  });

  router.get('/mail/:upn/contacts/:contactId', (req, res) => {
    const u = user(req, res);
    if (!u) return;
    const contact = ctx.contacts.contact(u, String(req.params.contactId));
    if (!contact) return send(res, notFoundPage('That contact is not in this mailbox.'), 404);
    send(
      res,
      contactPage({
        owner: owner(u),
        baseHref: mailboxHref(u.userPrincipalName),
        contact,
        folder: ctx.contacts.folder(u, contact.parentFolderId)!,
      }),
    );
  });

  router.post('/mail/:upn/contacts/:contactId', form, (req, res) => {
    const u = user(req, res);
    if (!u) return;
    const contact = ctx.contacts.contact(u, String(req.params.contactId));
    if (!contact) return send(res, notFoundPage('That contact is not in this mailbox.'), 404);
    const values = contactFormValuesOf(formFields(req));
    try {
      ctx.contact.updateContact(u, contact, contactInputOf(values, contact), undefined);
      res.redirect(303, listHref(u, contact.parentFolderId));
    } catch (err) {
      fail(res, err, () =>
        contactPage({
          owner: owner(u),
          baseHref: mailboxHref(u.userPrincipalName),
          contact,
          folder: ctx.contacts.folder(u, contact.parentFolderId)!,
          error: (err as Error).message,
          values,
        }),
      );
    }
  });

  router.post('/mail/:upn/contacts/:contactId/delete', form, (req, res) => {
    const u = user(req, res);
    if (!u) return;
    const contact = ctx.contacts.contact(u, String(req.params.contactId));
    if (!contact) return send(res, notFoundPage('That contact is not in this mailbox.'), 404);
    ctx.contact.deleteContact(u, contact, undefined);
    res.redirect(303, listHref(u, contact.parentFolderId));
  });
}
