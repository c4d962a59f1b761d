import type { CrmEvent, EventAttendee, EventChanges, EventInput, ListedEvent, OccurrenceTimes } from '../api/types';
import type { Language } from '../host/language';
import { isValidEmail } from '../users/model';
import {
  noRepeat,
  recurrenceFromForm,
  repeatFormOf,
  sameRecurrence,
  type RepeatForm,
  type RepeatProblem,
} from './recurrence';
import { addDays, instantOf, wallTimeAt } from './zonedTime';

export interface DayGroup {
  /** 'YYYY-MM-DD' in the events' own zones. */
  date: string;
  events: ListedEvent[];
}

/** When a row shows an event: a series at the occurrence the service placed it by (next or last), else its own times. */
export function shownTimes(event: ListedEvent): OccurrenceTimes {
  return event.next ?? event.last ?? { start: event.start, end: event.end };
}

/**
 * A view's events, in the order the service sent them (Upcoming soonest first, Earlier latest first), grouped by
 * the day on which each starts in its own zone. Events that start at the same moment read by subject (the service
 * orders them by id, which pages reliably but means nothing to a reader).
 */
export function groupByDay(events: readonly ListedEvent[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const event of tiesBySubject(events)) {
    const date = shownTimes(event).start.slice(0, 10);
    const last = groups[groups.length - 1];
    if (last && last.date === date) last.events.push(event);
    else groups.push({ date, events: [event] });
  }
  return groups;
}

function tiesBySubject(events: readonly ListedEvent[]): ListedEvent[] {
  const timed = events.map((event) => ({ event, start: instantOf(shownTimes(event).start, event.timeZone) }));
  const out: ListedEvent[] = [];
  for (let from = 0; from < timed.length;) {
    let to = from + 1;
    while (to < timed.length && timed[to]!.start === timed[from]!.start) to += 1;
    out.push(
      ...timed
        .slice(from, to)
        .map((t) => t.event)
        .sort((a, b) => a.subject.localeCompare(b.subject)),
    );
    from = to;
  }
  return out;
}

/** The next page after what is shown; an event already shown (a change moved it between pages) stays where it is. */
export function appendPage(shown: readonly ListedEvent[], page: readonly ListedEvent[]): ListedEvent[] {
  const ids = new Set(shown.map((event) => event.id));
  return [...shown, ...page.filter((event) => !ids.has(event.id))];
}

/** The service's largest page. */
export const MAX_PAGE = 500;

/** How many to ask for when a view is loaded again: as many as are shown (so the list keeps its length), a page at least. */
export function reloadLimit(shown: number, pageSize: number): number {
  return Math.min(MAX_PAGE, Math.max(shown, pageSize));
}

function locale(language: Language): string {
  return language === 'de' ? 'de-DE' : 'en-GB';
}

/** A day heading: 'Tuesday, 29 March 2026' / 'Dienstag, 29. März 2026'. */
export function formatDay(date: string, language: Language): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, d)));
}

/** An occurrence's day: 'Thu, 14 May 2026' / 'Do., 14. Mai 2026'. */
export function formatWeekdayDay(date: string, language: Language): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(language), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, d)));
}

/** A short date: '29 Mar 2026' / '29.03.2026'. */
export function formatShortDay(date: string, language: Language): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d)),
  );
}

/** The clock time of a wall time, as written (24-hour in both languages): '09:30'. */
export function clockOf(local: string): string {
  return local.slice(11, 16);
}

/**
 * When an event happens, in its own zone: '09:00–10:00', '09:00 – 2 Apr 2026, 10:00' across days, or null for an
 * all-day event (the view says 'All day' instead). The last day of an all-day event is its end minus one day.
 */
export function timeRange(event: Pick<CrmEvent, 'start' | 'end' | 'isAllDay'>, language: Language): string | null {
  if (event.isAllDay) return null;
  const sameDay = event.start.slice(0, 10) === event.end.slice(0, 10);
  return sameDay
    ? `${clockOf(event.start)}–${clockOf(event.end)}`
    : `${clockOf(event.start)} – ${formatShortDay(event.end.slice(0, 10), language)}, ${clockOf(event.end)}`;
}

/** The last day of an all-day event that spans several days, else null. */
export function allDayUntil(event: Pick<CrmEvent, 'start' | 'end' | 'isAllDay'>): string | null {
  if (!event.isAllDay) return null;
  const last = addDays(event.end.slice(0, 10), -1);
  return last > event.start.slice(0, 10) ? last : null;
}

/** The dialog's fields. start and end are 'YYYY-MM-DDTHH:mm'; for an all-day event end is the last day (inclusive). */
export interface EventForm {
  subject: string;
  start: string;
  end: string;
  isAllDay: boolean;
  timeZone: string;
  location: string;
  description: string;
  attendees: string;
  repeat: RepeatForm;
}

export type TimeProblem = { field: 'start' | 'end'; kind: 'invalid' } | { field: 'end'; kind: 'beforeStart' };
export type FormField = 'subject' | 'start' | 'end' | 'timeZone' | 'attendees' | RepeatProblem['field'];
export type FormProblem =
  | { field: 'subject'; kind: 'required' }
  | TimeProblem
  | { field: 'timeZone'; kind: 'required' }
  | { field: 'attendees'; kind: 'invalidEmail'; emails: string[] }
  | RepeatProblem;

const WALL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * The wall times ('YYYY-MM-DDTHH:mm') that the Start and End inputs stand for, or what is wrong with them. For an
 * all-day event the inputs hold days and End is the last day: the times run from its first midnight to the one after.
 */
export function wallTimesOf(
  isAllDay: boolean,
  startText: string,
  endText: string,
): { start: string; end: string; problems: TimeProblem[] } {
  const start = isAllDay ? `${startText.slice(0, 10)}T00:00` : startText;
  const lastDay = endText.slice(0, 10);
  const end = isAllDay && /^\d{4}-\d{2}-\d{2}$/.test(lastDay) ? `${addDays(lastDay, 1)}T00:00` : endText;
  const problems: TimeProblem[] = [];
  const startValid = WALL.test(start);
  const endValid = WALL.test(end);
  if (!startValid) problems.push({ field: 'start', kind: 'invalid' });
  if (!endValid) problems.push({ field: 'end', kind: 'invalid' });
  if (startValid && endValid && end <= start) problems.push({ field: 'end', kind: 'beforeStart' });
  return { start, end, problems };
}

/** What the Start and End inputs show for wall times from the service: minutes only, an all-day End as its last day. */
export function inputTimesOf(isAllDay: boolean, start: string, end: string): { start: string; end: string } {
  return { start: start.slice(0, 16), end: isAllDay ? `${addDays(end.slice(0, 10), -1)}T00:00` : end.slice(0, 16) };
}

/** A new event's fields: the next full hour for an hour, in the given zone. */
export function newEventForm(now: number, timeZone: string): EventForm {
  const wall = wallTimeAt(now, timeZone);
  const hour = Number(wall.slice(11, 13));
  const date = wall.slice(0, 10);
  const startDate = hour >= 23 ? addDays(date, 1) : date;
  const startHour = (hour + 1) % 24;
  const endDate = startHour === 23 ? addDays(startDate, 1) : startDate;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    subject: '',
    start: `${startDate}T${pad(startHour)}:00`,
    end: `${endDate}T${pad((startHour + 1) % 24)}:00`,
    isAllDay: false,
    timeZone,
    location: '',
    description: '',
    attendees: '',
    repeat: noRepeat(),
  };
}

/** An existing event's fields for Edit. */
export function formFromEvent(event: CrmEvent): EventForm {
  return {
    subject: event.subject,
    ...inputTimesOf(event.isAllDay, event.start, event.end),
    isAllDay: event.isAllDay,
    timeZone: event.timeZone,
    location: event.location,
    description: event.description,
    attendees: event.attendees.map((a) => a.email).join(', '),
    repeat: repeatFormOf(event.recurrence, event.start.slice(0, 10)),
  };
}

/** The e-mail addresses in a comma- (or semicolon-, space-) separated list, in order, without repeats. */
export function splitEmails(text: string): string[] {
  const seen = new Set<string>();
  const emails: string[] = [];
  for (const raw of text.split(/[,;\s]+/)) {
    const email = raw.trim();
    if (email === '' || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    emails.push(email);
  }
  return emails;
}

/** The event the form describes, or what is wrong with it. */
export function inputFromForm(
  form: EventForm,
): { input: EventInput; problems: [] } | { input?: undefined; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  if (form.subject.trim() === '') problems.push({ field: 'subject', kind: 'required' });
  if (form.timeZone.trim() === '') problems.push({ field: 'timeZone', kind: 'required' });
  const { start, end, problems: timeProblems } = wallTimesOf(form.isAllDay, form.start, form.end);
  problems.push(...timeProblems);
  // The series' first day is the start's; without a valid start there is nothing to repeat yet.
  const startValid = !timeProblems.some((p) => p.field === 'start');
  const repeat = startValid ? recurrenceFromForm(form.repeat, start.slice(0, 10)) : { recurrence: null, problems: [] };
  problems.push(...repeat.problems);
  const emails = splitEmails(form.attendees);
  const bad = emails.filter((email) => !isValidEmail(email));
  if (bad.length) problems.push({ field: 'attendees', kind: 'invalidEmail', emails: bad });
  if (problems.length) return { problems };
  return {
    problems: [],
    input: {
      subject: form.subject.trim(),
      start,
      end,
      timeZone: form.timeZone,
      isAllDay: form.isAllDay,
      location: form.location.trim(),
      description: form.description,
      attendees: emails.map((email) => ({ email })),
      recurrence: repeat.recurrence,
    },
  };
}

/** The attendees to send: names and types of people who were already invited are kept. */
function mergeAttendees(
  before: readonly EventAttendee[],
  emails: readonly { email: string }[],
): EventInput['attendees'] {
  return emails.map(({ email }) => before.find((a) => a.email.toLowerCase() === email.toLowerCase()) ?? { email });
}

/** Only what Edit changed, for PATCH; empty when nothing did. */
export function changesBetween(event: CrmEvent, input: EventInput): EventChanges {
  const changes: EventChanges = {};
  if (input.subject !== event.subject) changes.subject = input.subject;
  if (input.start !== event.start.slice(0, 16)) changes.start = input.start;
  if (input.end !== event.end.slice(0, 16)) changes.end = input.end;
  if (input.timeZone !== event.timeZone) changes.timeZone = input.timeZone;
  if (input.isAllDay !== event.isAllDay) changes.isAllDay = input.isAllDay;
  if (input.location !== event.location) changes.location = input.location;
  if (input.description !== event.description) changes.description = input.description;
  const before = event.attendees.map((a) => a.email.toLowerCase()).join(',');
  const after = input.attendees.map((a) => a.email.toLowerCase()).join(',');
  if (before !== after) changes.attendees = mergeAttendees(event.attendees, input.attendees);
  // A series whose first day stays keeps its own range start (one made in Outlook may differ from the start's day).
  const recurrence =
    input.recurrence && event.recurrence && input.start.slice(0, 10) === event.start.slice(0, 10)
      ? { ...input.recurrence, range: { ...input.recurrence.range, startDate: event.recurrence.range.startDate } }
      : (input.recurrence ?? null);
  if (!sameRecurrence(event.recurrence, recurrence)) changes.recurrence = recurrence;
  // A changed zone or all-day flag re-reads both times, so they travel with it (the service checks the merged event).
  if (changes.timeZone !== undefined || changes.isAllDay !== undefined) {
    changes.start = input.start;
    changes.end = input.end;
  }
  return changes;
}

/** Moving the start moves the end with it, so the event keeps its length; invalid times leave the end alone. */
export function shiftEnd(previousStart: string, nextStart: string, end: string): string {
  const asUtc = (wall: string) => (WALL.test(wall) ? Date.parse(`${wall}:00Z`) : Number.NaN);
  const from = asUtc(previousStart);
  const to = asUtc(nextStart);
  const until = asUtc(end);
  if (Number.isNaN(from) || Number.isNaN(to) || Number.isNaN(until)) return end;
  return new Date(until + (to - from)).toISOString().slice(0, 16);
}

/**
 * Whether saving these changes drops the series' changed and cancelled occurrences: the service does so, as
 * Outlook does, when the series moves or repeats differently.
 */
export function dropsExceptions(event: CrmEvent, changes: EventChanges): boolean {
  if (event.exceptions.length === 0) return false;
  return (['start', 'end', 'timeZone', 'isAllDay', 'recurrence'] as const).some(
    (field) => changes[field] !== undefined,
  );
}
