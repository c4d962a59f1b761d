import { SENSITIVITIES } from '../state/mailboxStore.js';
import type { DevTenantContext } from '../context.js';
import type { DirectoryUser } from '../directory/directory.js';
import { GraphError, graphErrors } from '../graph/graphError.js';
import { sendMail } from '../graph/sendMail.js';
import {
  newChangeKey,
  newICalUId,
  outlookItemId,
  type EventFields,
  type StoredAttendee,
  type StoredCalendar,
  type StoredEvent,
} from '../state/calendarStore.js';
import { randomBytes } from 'node:crypto';
import type { EventInput } from './eventInput.js';
import { validateTimes } from './eventInput.js';
import { resolveView, storedView, type EventView } from './eventView.js';
import { expandSeries } from './recurrence.js';
import { formatInZone, utcStamp } from './timeZones.js';

export type EventChangeType = 'created' | 'updated' | 'deleted';

/** One change to an item of a mailbox's calendar (series changes are reported on the master). */
export interface EventChange {
  userId: string;
  calendarId: string;
  eventId: string;
  changeType: EventChangeType;
  changeKey: string;
}

const COLORS = [
  'auto',
  'lightBlue',
  'lightGreen',
  'lightOrange',
  'lightGray',
  'lightYellow',
  'lightTeal',
  'lightPink',
  'lightBrown',
  'lightRed',
  'maxColor',
];

function conflict(): GraphError {
  return new GraphError(
    412,
    'ErrorIrresolvableConflict',
    'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
  );
}

function defaults(owner: DirectoryUser, now: number): EventFields {
  return {
    subject: '',
    body: { contentType: 'text', content: '' },
    startUtc: now,
    endUtc: now + 30 * 60_000,
    startZone: 'UTC',
    endZone: 'UTC',
    isAllDay: false,
    location: { displayName: '' },
    locations: [],
    attendees: [],
    showAs: 'busy',
    sensitivity: 'normal',
    importance: 'normal',
    categories: [],
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    responseRequested: true,
    hideAttendees: false,
    allowNewTimeProposals: true,
  };
  void owner;
}

const TIME_FIELDS: (keyof EventFields)[] = ['startUtc', 'endUtc', 'startZone', 'endZone', 'isAllDay'];
const LOCATION_FIELDS: (keyof EventFields)[] = ['location', 'locations'];

/**
 * Calendar writes of every origin (Graph routes, $batch, the web view): change keys, the change sequence
 * that delta reads, change events for subscriptions, and Exchange-like meeting mail for organizers.
 */
export class CalendarService {
  private readonly listeners: ((change: EventChange) => void)[] = [];

  constructor(private readonly ctx: DevTenantContext) {}

  onChange(listener: (change: EventChange) => void): void {
    this.listeners.push(listener);
  }

  private emit(change: EventChange): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch {
        // A listener's failure never breaks a write.
      }
    }
  }

  private get store() {
    return this.ctx.calendars;
  }

  // ---- calendars ----

  calendar(user: DirectoryUser, id: string): StoredCalendar {
    const found = this.store.calendar(user, id);
    if (!found) throw graphErrors.itemNotFound();
    return found;
  }

  createCalendar(user: DirectoryUser, input: { name?: unknown; color?: unknown }): StoredCalendar {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (!name) throw new GraphError(400, 'ErrorInvalidRequest', "The calendar name can't be empty.");
    if (this.store.calendars(user).some((c) => c.name.toLowerCase() === name.toLowerCase())) {
      throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    }
    const color = this.color(input.color);
    const calendar: StoredCalendar = {
      id: `AAMkAD${randomBytes(30).toString('base64url')}AAA=`,
      name,
      color,
      hexColor: '',
      changeKey: newChangeKey(),
      isDefaultCalendar: false,
      extendedProperties: [],
    };
    this.store.addCalendar(user, calendar);
    return calendar;
  }

  private color(raw: unknown): string {
    if (raw === undefined || raw === null) return 'auto';
    const found = COLORS.find((c) => c.toLowerCase() === String(raw).toLowerCase());
    if (!found)
      throw new GraphError(
        400,
        'RequestBodyRead',
        `Cannot convert the literal '${String(raw)}' to the expected type 'microsoft.graph.calendarColor'.`,
      );
    return found;
  }

  updateCalendar(user: DirectoryUser, id: string, input: { name?: unknown; color?: unknown }): StoredCalendar {
    const calendar = this.calendar(user, id);
    if (input.name !== undefined) {
      const name = typeof input.name === 'string' ? input.name.trim() : '';
      if (!name) throw new GraphError(400, 'ErrorInvalidRequest', "The calendar name can't be empty.");
      if (this.store.calendars(user).some((c) => c.id !== id && c.name.toLowerCase() === name.toLowerCase())) {
        throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
      }
      calendar.name = name;
    }
    if (input.color !== undefined) calendar.color = this.color(input.color);
    calendar.changeKey = newChangeKey();
    this.store.save();
    return calendar;
  }

  /** Deletes a calendar with its events (organizer meetings in it are cancelled for attendees). */
  deleteCalendar(user: DirectoryUser, id: string): void {
    const calendar = this.calendar(user, id);
    if (calendar.isDefaultCalendar)
      throw new GraphError(400, 'ErrorCannotDeleteObject', 'The default calendar cannot be deleted.');
    for (const event of [...this.store.events(user, id)]) this.deleteEvent(user, storedView(event), undefined);
    this.store.removeCalendar(user, id);
  }

  // ---- events ----

  /** Finds any event id (stored, occurrence or exception) in the mailbox, optionally within one calendar. */
  view(user: DirectoryUser, id: string, calendarId?: string): EventView {
    const found = resolveView(this.store.events(user, calendarId), id);
    if (!found) throw graphErrors.itemNotFound();
    return found;
  }

  /** Creates an event; a repeated transactionId returns the event created first (no second one). */
  createEvent(user: DirectoryUser, calendarId: string, input: EventInput): { event: StoredEvent; created: boolean } {
    this.calendar(user, calendarId);
    if (input.transactionId) {
      const existing = this.store.events(user).find((e) => e.transactionId === input.transactionId);
      if (existing) return { event: existing, created: false };
    }
    const now = Date.now();
    const fields: EventFields = { ...defaults(user, now), ...input.fields };
    if (input.fields.startUtc !== undefined && input.fields.endUtc === undefined) fields.endUtc = fields.startUtc;
    if (input.fields.startZone && !input.fields.endZone) fields.endZone = fields.startZone;
    if (input.fields.endZone && !input.fields.startZone) fields.startZone = fields.endZone;
    validateTimes(fields);
    const stamp = utcStamp(now);
    const recurrence = input.recurrence ?? null;
    if (recurrence && !recurrence.range.recurrenceTimeZone) recurrence.range.recurrenceTimeZone = fields.startZone;
    const attendees = fields.attendees.filter((a) => a.emailAddress.address.toLowerCase() !== user.mail.toLowerCase());
    const event: StoredEvent = {
      ...fields,
      attendees,
      id: outlookItemId(),
      calendarId,
      iCalUId: newICalUId(),
      changeKey: newChangeKey(),
      createdDateTime: stamp,
      lastModifiedDateTime: stamp,
      organizer: { emailAddress: { name: user.displayName, address: user.mail } },
      isOrganizer: true,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      recurrence,
      ...(input.transactionId ? { transactionId: input.transactionId } : {}),
      extendedProperties: input.extendedProperties ?? [],
      exceptions: {},
      cancelledOccurrences: [],
      isCancelled: false,
      seq: this.store.nextSeq(user),
    };
    this.store.addEvent(user, event);
    this.emit({ userId: user.id, calendarId, eventId: event.id, changeType: 'created', changeKey: event.changeKey });
    if (event.attendees.length > 0) {
      this.meetingMail(user, event, event.attendees, 'meetingRequest', undefined);
      this.mirrorToAttendees(user, event);
    }
    return { event, created: true };
  }

  private checkEtag(view: EventView, ifMatch: string | undefined): void {
    if (!ifMatch || ifMatch.trim() === '*') return;
    const wanted = ifMatch.split(',').map((s) => s.trim().replace(/^W\//, '').replace(/^"|"$/g, ''));
    if (!wanted.includes(view.changeKey)) throw conflict();
  }

  /** PATCH: a stored event, or one occurrence (which becomes an exception). */
  updateEvent(user: DirectoryUser, view: EventView, input: EventInput, ifMatch: string | undefined): EventView {
    this.checkEtag(view, ifMatch);
    if (input.transactionId !== undefined && input.transactionId !== view.master.transactionId) {
      throw new GraphError(
        400,
        'ErrorInvalidRequest',
        'The transactionId of an event cannot be changed after it is created.',
      );
    }
    const master = view.master;
    const now = Date.now();
    const stamp = utcStamp(now);
    const changed = (keys: (keyof EventFields)[]) =>
      keys.some((k) => k in input.fields && JSON.stringify(input.fields[k]) !== JSON.stringify(view.fields[k]));
    const timeChanged = changed(TIME_FIELDS);
    const locationChanged = changed(LOCATION_FIELDS);
    const before = master.attendees;
    if (view.type === 'occurrence' || view.type === 'exception') {
      if (input.recurrence !== undefined)
        throw new GraphError(400, 'ErrorInvalidRequest', 'The recurrence of an occurrence cannot be set.');
      const merged = { ...view.fields, ...input.fields };
      validateTimes(merged);
      this.checkCrossing(master, view.key!, merged.startUtc);
      const previous = master.exceptions[view.key!];
      master.exceptions[view.key!] = {
        fields: { ...(previous?.fields ?? {}), ...input.fields },
        changeKey: newChangeKey(),
        createdDateTime: previous?.createdDateTime ?? stamp,
        lastModifiedDateTime: stamp,
      };
    } else {
      const merged = { ...master, ...input.fields };
      validateTimes(merged);
      const seriesChanged =
        timeChanged ||
        (input.recurrence !== undefined && JSON.stringify(input.recurrence) !== JSON.stringify(master.recurrence));
      Object.assign(master, input.fields);
      if (input.fields.attendees)
        master.attendees = input.fields.attendees.filter(
          (a) => a.emailAddress.address.toLowerCase() !== user.mail.toLowerCase(),
        );
      if (input.recurrence !== undefined) {
        master.recurrence = input.recurrence;
        if (master.recurrence && !master.recurrence.range.recurrenceTimeZone)
          master.recurrence.range.recurrenceTimeZone = master.startZone;
      }
      if (seriesChanged && master.recurrence) {
        // Like Outlook: changing the series' time or pattern drops its exceptions and cancellations.
        master.exceptions = {};
        master.cancelledOccurrences = [];
      }
    }
    if (input.extendedProperties) {
      for (const p of input.extendedProperties) {
        const existing = master.extendedProperties.find((x) => x.id.toLowerCase() === p.id.toLowerCase());
        if (existing) existing.value = p.value;
        else master.extendedProperties.push(p);
      }
    }
    const exceptionAlone =
      this.ctx.knobs.exceptionChangesWithoutMaster && (view.type === 'occurrence' || view.type === 'exception');
    if (!exceptionAlone) {
      master.changeKey = newChangeKey();
      master.lastModifiedDateTime = stamp;
    }
    master.seq = this.store.nextSeq(user);
    this.store.save();
    this.emit({
      userId: user.id,
      calendarId: master.calendarId,
      eventId: master.id,
      changeType: 'updated',
      changeKey: master.changeKey,
    });
    if (master.isOrganizer && !master.isCancelled) {
      const occurrenceKey = view.type === 'singleInstance' || view.type === 'seriesMaster' ? undefined : view.key;
      const lower = (a: StoredAttendee) => a.emailAddress.address.toLowerCase();
      const added = master.attendees.filter((a) => !before.some((b) => lower(b) === lower(a)));
      const removed = before.filter((b) => !master.attendees.some((a) => lower(a) === lower(b)));
      if (timeChanged || locationChanged || (input.recurrence !== undefined && view.type === 'seriesMaster')) {
        this.meetingMail(user, master, master.attendees, 'meetingRequest', occurrenceKey);
      } else if (added.length > 0) {
        this.meetingMail(user, master, added, 'meetingRequest', undefined);
      }
      if (removed.length > 0) {
        this.meetingMail(user, master, removed, 'meetingCancelled', undefined);
        this.cancelForAttendees(master, removed);
      }
      if (master.attendees.length > 0) this.mirrorToAttendees(user, master);
    }
    return this.view(user, view.id);
  }

  private checkCrossing(master: StoredEvent, key: string, newStart: number): void {
    const all = expandSeries(master, newStart + 800 * 86_400_000);
    const i = all.findIndex((o) => o.key === key);
    if (i < 0) return;
    const dayStart = (ms: number) => Math.floor(ms / 86_400_000);
    const prev = all[i - 1];
    const next = all[i + 1];
    const effective = (o: { key: string; startUtc: number }) => master.exceptions[o.key]?.fields.startUtc ?? o.startUtc;
    if (
      (prev && dayStart(newStart) <= dayStart(effective(prev))) ||
      (next && dayStart(newStart) >= dayStart(effective(next)))
    ) {
      throw new GraphError(
        400,
        'ErrorOccurrenceCrossingBoundary',
        'Modified occurrence is crossing or overlapping adjacent occurrence.',
      );
    }
  }

  /** DELETE: a stored event (organizer meetings send cancellations), or one occurrence (cancelled in the series). */
  deleteEvent(user: DirectoryUser, view: EventView, ifMatch: string | undefined): void {
    this.checkEtag(view, ifMatch);
    const master = view.master;
    if (view.type === 'occurrence' || view.type === 'exception') {
      master.cancelledOccurrences.push(view.key!);
      delete master.exceptions[view.key!];
      if (this.ctx.knobs.silentOccurrenceDeletes) {
        this.store.save();
        return;
      }
      master.changeKey = newChangeKey();
      master.lastModifiedDateTime = utcStamp(Date.now());
      master.seq = this.store.nextSeq(user);
      this.store.save();
      this.emit({
        userId: user.id,
        calendarId: master.calendarId,
        eventId: master.id,
        changeType: 'updated',
        changeKey: master.changeKey,
      });
      if (master.isOrganizer && master.attendees.length > 0 && !master.isCancelled) {
        this.meetingMail(user, master, master.attendees, 'meetingCancelled', view.key);
        this.mirrorToAttendees(user, master);
      }
      return;
    }
    this.store.removeEvent(user, master);
    this.emit({
      userId: user.id,
      calendarId: master.calendarId,
      eventId: master.id,
      changeType: 'deleted',
      changeKey: master.changeKey,
    });
    if (master.isOrganizer && master.attendees.length > 0 && !master.isCancelled) {
      this.meetingMail(user, master, master.attendees, 'meetingCancelled', undefined);
      this.cancelForAttendees(master, master.attendees);
    }
  }

  /**
   * Outlook's "Move to" another calendar of the same mailbox (Graph v1.0 has no such call for events; only a person
   * does this, through the web view or the inspection API). Exchange makes a new item in the target calendar: a new
   * id and change key, the same iCalUId, content, organizer, response and extended properties; the old id is gone.
   * The source calendar's delta reports the old id removed and the target's a new item; notifications: `deleted` in
   * the source, `created` in the target. Nobody gets meeting mail. A series moves whole (an occurrence id is refused).
   */
  moveEvent(user: DirectoryUser, eventId: string, targetCalendarId: string): StoredEvent {
    const view = this.view(user, eventId);
    const target = this.calendar(user, targetCalendarId);
    if (view.type === 'occurrence' || view.type === 'exception') {
      throw new GraphError(
        400,
        'ErrorInvalidRequest',
        'An occurrence cannot be moved to another calendar on its own; move the series.',
      );
    }
    const source = view.master;
    if (source.calendarId === target.id) return source;
    this.store.removeEvent(user, source);
    const moved: StoredEvent = {
      ...structuredClone(source),
      id: outlookItemId(),
      calendarId: target.id,
      changeKey: newChangeKey(),
      lastModifiedDateTime: utcStamp(Date.now()),
      seq: this.store.nextSeq(user),
    };
    this.store.addEvent(user, moved);
    this.emit({
      userId: user.id,
      calendarId: source.calendarId,
      eventId: source.id,
      changeType: 'deleted',
      changeKey: source.changeKey,
    });
    this.emit({
      userId: user.id,
      calendarId: target.id,
      eventId: moved.id,
      changeType: 'created',
      changeKey: moved.changeKey,
    });
    return moved;
  }

  // ---- meetings ----

  private meetingMail(
    organizer: DirectoryUser,
    event: StoredEvent,
    to: StoredAttendee[],
    type: 'meetingRequest' | 'meetingCancelled',
    occurrenceKey: string | undefined,
  ): void {
    if (to.length === 0) return;
    const view = occurrenceKey ? resolveView([event], `${event.id}_OCC${occurrenceKey}`) : undefined;
    const f = view?.fields ?? event;
    const subject = type === 'meetingCancelled' ? `Canceled: ${f.subject}` : f.subject;
    sendMail(
      this.ctx,
      organizer,
      {
        subject,
        contentType: f.body.contentType,
        content: f.body.content,
        to: to
          .filter((a) => a.type !== 'optional')
          .map((a) => ({
            address: a.emailAddress.address,
            ...(a.emailAddress.name ? { name: a.emailAddress.name } : {}),
          })),
        cc: to
          .filter((a) => a.type === 'optional')
          .map((a) => ({
            address: a.emailAddress.address,
            ...(a.emailAddress.name ? { name: a.emailAddress.name } : {}),
          })),
        bcc: [],
        saveToSentItems: true,
        // A private meeting's mail is private too, as Outlook marks it.
        sensitivity: SENSITIVITIES.find((s) => s === event.sensitivity) ?? 'normal',
        attachments: [],
      },
      {
        meetingMessageType: type,
        meeting: {
          iCalUId: view?.iCalUId ?? event.iCalUId,
          start: `${formatInZone(f.startUtc, 'Etc/UTC')}Z`.replace(/\.\d+Z$/, 'Z'),
          end: `${formatInZone(f.endUtc, 'Etc/UTC')}Z`.replace(/\.\d+Z$/, 'Z'),
          location: f.location.displayName,
          eventId: event.id,
        },
      },
    );
  }

  /**
   * Keeps each local attendee's copy (default calendar, same iCalUId, isOrganizer false) like the organizer's. As in
   * Exchange (MS-OXOCAL 3.1.5.1), the copy is looked for in the attendee's default calendar only: one the attendee
   * moved to another calendar is no longer updated, and the update lands as a new copy in the default calendar.
   */
  private mirrorToAttendees(organizer: DirectoryUser, event: StoredEvent): void {
    for (const attendee of event.attendees) {
      const user = this.ctx.directory.userByMail(attendee.emailAddress.address);
      if (!user || user.id === organizer.id) continue;
      const existing = this.store
        .events(user, this.store.defaultCalendar(user).id)
        .find((e) => e.iCalUId === event.iCalUId);
      const now = utcStamp(Date.now());
      const copyFields = {
        subject: event.subject,
        body: event.body,
        startUtc: event.startUtc,
        endUtc: event.endUtc,
        startZone: event.startZone,
        endZone: event.endZone,
        isAllDay: event.isAllDay,
        location: event.location,
        locations: event.locations,
        attendees: event.attendees,
        importance: event.importance,
        sensitivity: event.sensitivity,
        hideAttendees: event.hideAttendees,
        allowNewTimeProposals: event.allowNewTimeProposals,
        recurrence: event.recurrence ? structuredClone(event.recurrence) : null,
        exceptions: structuredClone(event.exceptions),
        cancelledOccurrences: [...event.cancelledOccurrences],
        organizer: event.organizer,
      };
      if (existing) {
        Object.assign(existing, copyFields, {
          isCancelled: false,
          changeKey: newChangeKey(),
          lastModifiedDateTime: now,
          seq: this.store.nextSeq(user),
        });
        this.store.save();
        this.emit({
          userId: user.id,
          calendarId: existing.calendarId,
          eventId: existing.id,
          changeType: 'updated',
          changeKey: existing.changeKey,
        });
      } else {
        const copy: StoredEvent = {
          ...copyFields,
          showAs: 'tentative',
          categories: [],
          isReminderOn: true,
          reminderMinutesBeforeStart: 15,
          responseRequested: true,
          id: outlookItemId(),
          calendarId: this.store.defaultCalendar(user).id,
          iCalUId: event.iCalUId,
          changeKey: newChangeKey(),
          createdDateTime: now,
          lastModifiedDateTime: now,
          isOrganizer: false,
          responseStatus: { response: 'notResponded', time: '0001-01-01T00:00:00Z' },
          extendedProperties: [],
          isCancelled: false,
          seq: this.store.nextSeq(user),
        };
        this.store.addEvent(user, copy);
        this.emit({
          userId: user.id,
          calendarId: copy.calendarId,
          eventId: copy.id,
          changeType: 'created',
          changeKey: copy.changeKey,
        });
      }
    }
  }

  /**
   * A cancelled meeting stays in an attendee's calendar, marked cancelled, until they remove it (as in Outlook). Only
   * the copy in the default calendar is found (MS-OXOCAL 3.1.5.1); a copy moved elsewhere stays as it was.
   */
  private cancelForAttendees(event: StoredEvent, attendees: StoredAttendee[]): void {
    for (const attendee of attendees) {
      const user = this.ctx.directory.userByMail(attendee.emailAddress.address);
      if (!user) continue;
      const copy = this.store
        .events(user, this.store.defaultCalendar(user).id)
        .find((e) => e.iCalUId === event.iCalUId && !e.isOrganizer);
      if (!copy || copy.isCancelled) continue;
      copy.isCancelled = true;
      copy.subject = `Canceled: ${copy.subject}`;
      copy.showAs = 'free';
      copy.changeKey = newChangeKey();
      copy.lastModifiedDateTime = utcStamp(Date.now());
      copy.seq = this.store.nextSeq(user);
      this.store.save();
      this.emit({
        userId: user.id,
        calendarId: copy.calendarId,
        eventId: copy.id,
        changeType: 'updated',
        changeKey: copy.changeKey,
      });
    }
  }
}
