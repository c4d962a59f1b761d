import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { workSlices } from '../workSlices.js';
import type { Database, EventRow } from '../../store/schema.js';
import { localToUtc, utcToLocal } from '../../../../common/time/wallClock.js';
import { eventFromRow } from './eventRecords.js';
import type { EventView } from '../../../../common/api/enums.js';
import type { CrmEvent, EventPage, ListedEvent, OccurrenceTimes } from '../../../../common/api/events.js';
import { LATEST_DATE } from '../../../../common/api/eventDates.js';
import { dateOfDay, dayNumber, occurrenceDates, seriesDates, widestGapDays } from './seriesDates.js';
import { baseTimes } from './seriesExceptions.js';
import type { SeriesException } from '../../../../common/api/events.js';

/**
 * The events view's listing at any volume: Upcoming (not yet over, by next occurrence) and Earlier (the rest, latest
 * first), each paged by an opaque cursor. Single events are paged in SQL; a user's series are few, so each is placed
 * in JS by its occurrences (its next one not cancelled and not over, or else its last one).
 */

/** The legacy listing's cap (GET /api/events without a view). */
const LEGACY_LIMIT = 1000;

/** Where a page ends: the sort key (an instant) and id of its last event, and the view it belongs to. */
interface ListingCursor extends Position {
  view: EventView;
}

export interface ListingRequest {
  ownerId: string;
  view: EventView;
  limit: number;
  cursor?: string;
  /** Only events one of these addresses attends (lower case). */
  attendees?: readonly string[];
  now: Date;
}

const isoInstant = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value);
const cursorSchema = z
  .object({ v: z.enum(['upcoming', 'earlier']), k: isoInstant, i: z.string().min(1).max(64) })
  .strict();

function encodeCursor(cursor: ListingCursor): string {
  return Buffer.from(JSON.stringify({ v: cursor.view, k: cursor.key, i: cursor.id })).toString('base64url');
}

/** The cursor a previous page of this view handed out, or a 400 that says to start again. */
function decodeCursor(text: string, view: EventView): ListingCursor {
  let parsed: z.infer<typeof cursorSchema> | undefined;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.v !== view) {
    const detail = `cursor: is not a cursor of the ${view} listing; ask for the first page without one`;
    throw new AppError('invalid_request', detail, { detail });
  }
  return { view: parsed.v, key: parsed.k, id: parsed.i };
}

/** A place in a view: the instant an event sorts by, then its id (as the SQL orders). */
interface Position {
  key: string;
  id: string;
}

interface Entry extends Position {
  event: ListedEvent;
}

const compareEntries = (a: Position, b: Position) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** One page of Upcoming or Earlier. */
export async function listEventPage(db: Kysely<Database>, request: ListingRequest): Promise<EventPage> {
  const { view, limit, now } = request;
  const cursor = request.cursor === undefined ? undefined : decodeCursor(request.cursor, view);
  const nowIso = now.toISOString();
  const order = view === 'upcoming' ? compareEntries : (a: Position, b: Position) => compareEntries(b, a);
  const afterCursor = (entry: Position) => !cursor || order(entry, cursor) > 0;

  const series: Entry[] = [];
  const checkpoint = workSlices();
  for (const row of await ownEvents(db, request.ownerId, request.attendees)
    .where('recurrence', 'is not', null)
    .execute()) {
    await checkpoint();
    const event = eventFromRow(row);
    const placed = placeSeries(event, nowIso);
    if (placed.view !== view) continue;
    const entry: Entry =
      placed.view === 'upcoming'
        ? { key: placed.next.startUtc, id: row.id, event: { ...event, next: times(placed.next) } }
        : {
            key: placed.last?.startUtc ?? row.start_utc,
            id: row.id,
            event: placed.last ? { ...event, last: times(placed.last) } : event,
          };
    if (afterCursor(entry)) series.push(entry);
  }

  const singles = (
    view === 'upcoming'
      ? await upcomingSingles(db, request, cursor, nowIso)
      : await earlierSingles(db, request, cursor, nowIso)
  ).map((row): Entry => ({ key: row.start_utc, id: row.id, event: eventFromRow(row) }));
  // The singles query reads one row past the page: more singles than that sort after the page anyway.
  const merged = [...singles, ...series].sort(order);
  const page = merged.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map((entry) => entry.event),
    ...(merged.length > limit && last ? { nextCursor: encodeCursor({ view, key: last.key, id: last.id }) } : {}),
  };
}

/**
 * The caller's events from `from` to `to` (instants; either may be absent), ordered by start, at most 1,000: what
 * GET /api/events without a view answers. A series counts when one of its occurrences overlaps the span.
 */
export async function listEventsBetween(
  db: Kysely<Database>,
  ownerId: string,
  from?: string,
  to?: string,
): Promise<CrmEvent[]> {
  const fromIso = from === undefined ? undefined : new Date(from).toISOString();
  const toIso = to === undefined ? undefined : new Date(to).toISOString();
  let singles = ownEvents(db, ownerId).where('recurrence', 'is', null);
  if (fromIso) singles = singles.where('end_utc', '>=', fromIso);
  if (toIso) singles = singles.where('start_utc', '<', toIso);
  const rows = await singles.orderBy('start_utc').orderBy('id').limit(LEGACY_LIMIT).execute();
  const checkpoint = workSlices();
  for (const row of await ownEvents(db, ownerId).where('recurrence', 'is not', null).execute()) {
    await checkpoint();
    if (fromIso === undefined && toIso === undefined) {
      rows.push(row);
      continue;
    }
    const first = firstOccurrenceEnding(eventFromRow(row), fromIso ?? row.start_utc, true);
    if (first && (toIso === undefined || first.startUtc < toIso)) rows.push(row);
  }
  rows.sort((a, b) => compareEntries({ key: a.start_utc, id: a.id }, { key: b.start_utc, id: b.id }));
  return rows.slice(0, LEGACY_LIMIT).map(eventFromRow);
}

function ownEvents(db: Kysely<Database>, ownerId: string, attendees?: readonly string[]) {
  let query = db.selectFrom('events').selectAll().where('owner_user_id', '=', ownerId).where('deleted_at', 'is', null);
  if (attendees?.length) query = query.where((eb) => eb.or(attendees.map((email) => attends(eb, email))));
  return query;
}

/**
 * The attendee filter, in SQL so that it pages: the stored attendees are JSON written by JSON.stringify, so an
 * attendee with this address contains `"email":"<address>"` exactly (compared in lower case; LIKE's wildcards escaped).
 */
export function attends(eb: ExpressionBuilder<Database, 'events'>, email: string) {
  const needle = `"email":${JSON.stringify(email.toLowerCase())}`.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<boolean>`lower(${eb.ref('attendees')}) like ${`%${needle}%`} escape '\\'`;
}

/**
 * Single events not over yet, by start: those still running (started before now; few) and then those to come.
 * Two queries, so each reads an index range from where it starts instead of every event that is over.
 */
async function upcomingSingles(
  db: Kysely<Database>,
  request: ListingRequest,
  cursor: ListingCursor | undefined,
  nowIso: string,
): Promise<EventRow[]> {
  const base = () => {
    let query = ownEvents(db, request.ownerId, request.attendees)
      .where('recurrence', 'is', null)
      .where('end_utc', '>', nowIso);
    if (cursor)
      query = query
        .where('start_utc', '>=', cursor.key)
        .where((eb) => eb.or([eb('start_utc', '>', cursor.key), eb('id', '>', cursor.id)]));
    return query
      .orderBy('start_utc')
      .orderBy('id')
      .limit(request.limit + 1);
  };
  const running = !cursor || cursor.key < nowIso ? await base().where('start_utc', '<', nowIso).execute() : [];
  if (running.length > request.limit) return running;
  const coming = await base().where('start_utc', '>=', nowIso).execute();
  return [...running, ...coming].slice(0, request.limit + 1);
}

/** Single events that are over, latest start first. */
async function earlierSingles(
  db: Kysely<Database>,
  request: ListingRequest,
  cursor: ListingCursor | undefined,
  nowIso: string,
): Promise<EventRow[]> {
  // start <= end <= now: bounding the start too lets the (owner, start) index begin at now.
  let query = ownEvents(db, request.ownerId, request.attendees)
    .where('recurrence', 'is', null)
    .where('start_utc', '<=', nowIso)
    .where('end_utc', '<=', nowIso);
  if (cursor)
    query = query
      .where('start_utc', '<=', cursor.key)
      .where((eb) => eb.or([eb('start_utc', '<', cursor.key), eb('id', '<', cursor.id)]));
  return query
    .orderBy('start_utc', 'desc')
    .orderBy('id', 'desc')
    .limit(request.limit + 1)
    .execute();
}

/** An occurrence with its instants, for ordering and for comparing with now. */
interface TimedOccurrence extends OccurrenceTimes {
  startUtc: string;
  endUtc: string;
}

const times = ({ start, end }: TimedOccurrence): OccurrenceTimes => ({ start, end });

export type SeriesPlacement =
  { view: 'upcoming'; next: TimedOccurrence } | { view: 'earlier'; last: TimedOccurrence | undefined };

/**
 * Where a series belongs at `nowIso`: Upcoming at its next occurrence that is neither cancelled nor over, or Earlier
 * at its last occurrence that was not cancelled (none when every one was).
 */
export function placeSeries(series: CrmEvent, nowIso: string): SeriesPlacement {
  const next = firstOccurrenceEnding(series, nowIso, false);
  if (next) return { view: 'upcoming', next };
  return { view: 'earlier', last: lastOccurrence(series) };
}

/**
 * The series' first occurrence that is not cancelled and ends after `instant` (or at it, when `inclusive`).
 * Occurrences keep their order (Outlook refuses to move one onto or past a neighbour's day), so the first found in
 * date order is also the earliest to start. Bounded work: occurrences dated after the cutoff end after `instant`
 * unless an exception changed them, so at most the exceptions and a few dates are passed over.
 */
function firstOccurrenceEnding(series: CrmEvent, instant: string, inclusive: boolean): TimedOccurrence | undefined {
  const { recurrence } = series;
  if (!recurrence) return undefined;
  const endsAfter = (occurrence: TimedOccurrence) =>
    inclusive ? occurrence.endUtc >= instant : occurrence.endUtc > instant;
  const day = dayNumber(utcToLocal(instant, series.timeZone).slice(0, 10));
  // An occurrence on its own date ends at most its length in days (plus one) later; earlier dates are over, unless an
  // exception gave it other times.
  const lengthDays = dayNumber(series.end.slice(0, 10)) - dayNumber(series.start.slice(0, 10));
  const cutoff = dateOfDay(day - lengthDays - 1);
  const byDate = exceptionsByDate(series);
  for (const exception of [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date))) {
    if (exception.date >= cutoff) break;
    if (exception.end === undefined) continue;
    const occurrence = occurrenceOn(series, byDate, exception.date);
    if (occurrence && endsAfter(occurrence)) return occurrence;
  }
  for (const date of occurrenceDates(recurrence, cutoff)) {
    const occurrence = occurrenceOn(series, byDate, date);
    if (occurrence && endsAfter(occurrence)) return occurrence;
  }
  return undefined;
}

/** How many periods of its pattern a look back for a series' last occurrence takes at a time. */
const LOOK_BACK_PERIODS = 64;

/**
 * The series' last occurrence that is not cancelled; undefined when it has no end or every occurrence was cancelled.
 * Looks back from the range's end a window at a time: at most the cancelled ones are passed over.
 */
function lastOccurrence(series: CrmEvent): TimedOccurrence | undefined {
  const { recurrence } = series;
  if (!recurrence || recurrence.range.type === 'noEnd') return undefined;
  const byDate = exceptionsByDate(series);
  const startDay = dayNumber(recurrence.range.startDate);
  const window = widestGapDays(recurrence) * LOOK_BACK_PERIODS;
  const rangeEnd =
    recurrence.range.type === 'endDate' && recurrence.range.endDate ? recurrence.range.endDate : LATEST_DATE;
  // A numbered series (999 at most) is read whole; it may end anywhere before the latest date.
  let until = recurrence.range.type === 'numbered' ? LATEST_DATE : rangeEnd;
  for (;;) {
    const fromDay = recurrence.range.type === 'numbered' ? startDay : Math.max(startDay, dayNumber(until) - window);
    const dates = seriesDates(recurrence, until, dateOfDay(fromDay));
    for (let index = dates.length - 1; index >= 0; index -= 1) {
      const occurrence = occurrenceOn(series, byDate, dates[index]!);
      if (occurrence) return occurrence;
    }
    if (fromDay <= startDay) return undefined;
    until = dateOfDay(fromDay - 1);
  }
}

/** The occurrence the series has on `date` (a date of its pattern), with its exception applied; undefined when cancelled. */
function occurrenceOn(
  series: CrmEvent,
  byDate: ReadonlyMap<string, SeriesException>,
  date: string,
): TimedOccurrence | undefined {
  const exception = byDate.get(date);
  if (exception?.cancelled) return undefined;
  const base = baseTimes(series, date);
  const start = exception?.start ?? base.start;
  const end = exception?.end ?? base.end;
  return { start, end, startUtc: localToUtc(start, series.timeZone), endUtc: localToUtc(end, series.timeZone) };
}

const exceptionsByDate = (series: CrmEvent) =>
  new Map(series.exceptions.map((exception) => [exception.date, exception]));
