import type * as Graph from '@microsoft/microsoft-graph-types';
import { randomBytes } from 'node:crypto';
import type { DirectoryUser } from '../directory/directory.js';
import type { Complete } from '../graph/graphTypes.js';
import type { EmailAddress, MailboxStore, Recipient } from './mailboxStore.js';

/** A location as stored: always with its display name, other parts as a client wrote them. */
export type StoredLocation = Pick<Complete<Graph.Location>, 'displayName'> & Partial<Complete<Graph.Location>>;

export interface StoredAttendee extends Complete<Pick<Graph.Attendee, 'type' | 'status' | 'emailAddress'>> {
  status: Complete<Graph.ResponseStatus>;
  emailAddress: EmailAddress;
}

export type RecurrencePattern = Complete<Graph.RecurrencePattern>;
export type RecurrenceRange = Complete<Graph.RecurrenceRange>;

export interface PatternedRecurrence extends Complete<Graph.PatternedRecurrence> {
  pattern: RecurrencePattern;
  range: RecurrenceRange;
}

/** What an occurrence can override (an exception) and what a single event or series master carries. */
export interface EventFields extends Complete<
  Pick<
    Graph.Event,
    | 'subject'
    | 'body'
    | 'isAllDay'
    | 'location'
    | 'locations'
    | 'attendees'
    | 'showAs'
    | 'sensitivity'
    | 'importance'
    | 'categories'
    | 'isReminderOn'
    | 'reminderMinutesBeforeStart'
    | 'responseRequested'
    | 'hideAttendees'
    | 'allowNewTimeProposals'
  >
> {
  body: Complete<Graph.ItemBody>;
  /** Instants (ms since epoch, UTC). */
  startUtc: number;
  endUtc: number;
  /** The zone names as the client gave them (Windows or IANA): originalStartTimeZone / originalEndTimeZone. */
  startZone: string;
  endZone: string;
  location: StoredLocation;
  locations: StoredLocation[];
  attendees: StoredAttendee[];
}

export type ExtendedProperty = Complete<Pick<Graph.SingleValueLegacyExtendedProperty, 'id' | 'value'>>;

export interface StoredException {
  fields: Partial<EventFields>;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

export interface StoredEvent extends EventFields {
  id: string;
  calendarId: string;
  iCalUId: string;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  organizer: Recipient;
  isOrganizer: boolean;
  responseStatus: { response: string; time: string };
  recurrence: PatternedRecurrence | null;
  transactionId?: string;
  extendedProperties: ExtendedProperty[];
  /** Modified occurrences, keyed by occurrence key (original start, see recurrence.ts). */
  exceptions: Record<string, StoredException>;
  /** Deleted occurrences (occurrence keys). */
  cancelledOccurrences: string[];
  isCancelled: boolean;
  /** The mailbox change sequence of the last write (delta and the out-of-window quirk use it). */
  seq: number;
}

export interface StoredCalendar {
  id: string;
  name: string;
  color: string;
  hexColor: string;
  changeKey: string;
  isDefaultCalendar: boolean;
  extendedProperties: ExtendedProperty[];
}

export interface EventTombstone {
  id: string;
  calendarId: string;
  seq: number;
}

export interface CalendarSection {
  calendars: StoredCalendar[];
  events: StoredEvent[];
  /** Increases on every calendar write in this mailbox. */
  seq: number;
  tombstones: EventTombstone[];
}

const MAX_TOMBSTONES = 2000;

/** Outlook-looking ids: long base64url strings, unique per item. */
export function outlookItemId(): string {
  return `AAMkAD${randomBytes(42).toString('base64url')}`;
}

export function newChangeKey(): string {
  return randomBytes(15).toString('base64');
}

/** Exchange iCalUIds: the fixed class id, 8 zero "instance date" hex digits for a master, then a random tail. */
export function newICalUId(): string {
  return `040000008200E00074C5B7101A82E0080000000000000000000000000000000000000000${randomBytes(24).toString('hex').toUpperCase().slice(0, 40)}`;
}

/** Calendars and events of each mailbox, stored inside MailboxData.calendar (persisted with the mailbox). */
export class CalendarStore {
  constructor(private readonly mailboxes: MailboxStore) {}

  section(user: Pick<DirectoryUser, 'id'>): CalendarSection {
    const box = this.mailboxes.mailbox(user);
    if (!box.calendar) {
      box.calendar = {
        calendars: [
          {
            id: `AAMkAD${randomBytes(30).toString('base64url')}AAA=`,
            name: 'Calendar',
            color: 'auto',
            hexColor: '',
            changeKey: newChangeKey(),
            isDefaultCalendar: true,
            extendedProperties: [],
          },
        ],
        events: [],
        seq: 0,
        tombstones: [],
      };
    }
    return box.calendar;
  }

  calendars(user: Pick<DirectoryUser, 'id'>): StoredCalendar[] {
    return this.section(user).calendars;
  }

  defaultCalendar(user: Pick<DirectoryUser, 'id'>): StoredCalendar {
    return this.section(user).calendars.find((c) => c.isDefaultCalendar)!;
  }

  calendar(user: Pick<DirectoryUser, 'id'>, id: string): StoredCalendar | undefined {
    return this.section(user).calendars.find((c) => c.id === id);
  }

  events(user: Pick<DirectoryUser, 'id'>, calendarId?: string): StoredEvent[] {
    const all = this.section(user).events;
    return calendarId ? all.filter((e) => e.calendarId === calendarId) : all;
  }

  event(user: Pick<DirectoryUser, 'id'>, id: string): StoredEvent | undefined {
    return this.section(user).events.find((e) => e.id === id);
  }

  nextSeq(user: Pick<DirectoryUser, 'id'>): number {
    const section = this.section(user);
    section.seq += 1;
    return section.seq;
  }

  addEvent(user: Pick<DirectoryUser, 'id'>, event: StoredEvent): void {
    this.section(user).events.push(event);
    this.save();
  }

  removeEvent(user: Pick<DirectoryUser, 'id'>, event: StoredEvent): void {
    const section = this.section(user);
    section.events = section.events.filter((e) => e.id !== event.id);
    section.tombstones.push({ id: event.id, calendarId: event.calendarId, seq: this.nextSeq(user) });
    if (section.tombstones.length > MAX_TOMBSTONES)
      section.tombstones.splice(0, section.tombstones.length - MAX_TOMBSTONES);
    this.save();
  }

  addCalendar(user: Pick<DirectoryUser, 'id'>, calendar: StoredCalendar): void {
    this.section(user).calendars.push(calendar);
    this.save();
  }

  removeCalendar(user: Pick<DirectoryUser, 'id'>, calendarId: string): void {
    const section = this.section(user);
    section.calendars = section.calendars.filter((c) => c.id !== calendarId);
    this.save();
  }

  save(): void {
    this.mailboxes.save();
  }
}
