import type { Occurrence, OccurrenceChanges, Recurrence } from '../api/types';
import { inputTimesOf, wallTimesOf, type TimeProblem } from './model';
import { addDays } from './zonedTime';

/** How many occurrences the Occurrences view shows at first, and adds with each Show more. */
export const OCCURRENCE_PAGE = 20;

/** Two years a request: even a daily series stays well under the service's 1000 a request. */
const WINDOW_DAYS = 730;
/** An open series with nothing in this many windows (decades) has nothing more worth looking for. */
const MAX_WINDOWS = 10;
/** The last date the service takes; a numbered series (999 at most) stops by itself long before. */
const FAR_FUTURE = '9999-12-31';

/** The span of original dates the next request asks for, from `from`; undefined when the series is over by then. */
export function occurrenceWindow(
  recurrence: Recurrence,
  from: string,
): { from: string; to: string; last: boolean } | undefined {
  const { range } = recurrence;
  if (range.type === 'numbered') return { from, to: FAR_FUTURE, last: true };
  const to = addDays(from, WINDOW_DAYS - 1);
  if (range.type === 'endDate' && range.endDate !== undefined) {
    if (range.endDate < from) return undefined;
    return to >= range.endDate ? { from, to: range.endDate, last: true } : { from, to, last: false };
  }
  return { from, to, last: false };
}

/**
 * At least `want` occurrences (when the series has them) whose original date is `from` or later, asking window after
 * window. `next` is where a further call would go on, or null when the series is over.
 */
export async function fetchOccurrences(
  list: (from: string, to: string) => Promise<Occurrence[]>,
  recurrence: Recurrence,
  from: string,
  want: number,
): Promise<{ occurrences: Occurrence[]; next: string | null }> {
  const occurrences: Occurrence[] = [];
  let next: string | null = from;
  for (let windows = 0; next !== null && occurrences.length < want && windows < MAX_WINDOWS; windows += 1) {
    const window = occurrenceWindow(recurrence, next);
    if (!window) {
      next = null;
      break;
    }
    const found = await list(window.from, window.to);
    occurrences.push(...found);
    // A full answer may have left some out: go on after the last one it had.
    if (found.length >= 1000) next = addDays(found[found.length - 1]!.date, 1);
    else next = window.last ? null : addDays(window.to, 1);
  }
  return { occurrences, next };
}

/** Whether the occurrence was moved to another day than its pattern gives it. */
export function isMoved(occurrence: Occurrence): boolean {
  return occurrence.start.slice(0, 10) !== occurrence.date;
}

/** The occurrences before and after one, among a list in date order (undefined where the list does not reach). */
export function neighboursOf(list: readonly Occurrence[], date: string): { previous?: Occurrence; next?: Occurrence } {
  const index = list.findIndex((occurrence) => occurrence.date === date);
  if (index < 0) return {};
  return { previous: list[index - 1], next: list[index + 1] };
}

/** The Edit this occurrence dialog's fields; start and end as the event dialog's time inputs hold them. */
export interface OccurrenceForm {
  subject: string;
  location: string;
  start: string;
  end: string;
}

export type OccurrenceProblem =
  { field: 'subject'; kind: 'required' } | TimeProblem | { field: 'start'; kind: 'crossesNeighbour' };

export function occurrenceForm(occurrence: Occurrence, isAllDay: boolean): OccurrenceForm {
  return {
    subject: occurrence.subject,
    location: occurrence.location,
    ...inputTimesOf(isAllDay, occurrence.start, occurrence.end),
  };
}

/**
 * Only what the form changed, for PATCH (start and end together), or what is wrong. Like Outlook, an occurrence
 * cannot move onto or past the day of the one before or after it; neighbours the view has not loaded are left to
 * the service to check.
 */
export function occurrenceChanges(
  occurrence: Occurrence,
  form: OccurrenceForm,
  isAllDay: boolean,
  neighbours: { previous?: Occurrence; next?: Occurrence },
): { changes: OccurrenceChanges; problems: [] } | { changes?: undefined; problems: OccurrenceProblem[] } {
  const problems: OccurrenceProblem[] = [];
  const subject = form.subject.trim();
  const location = form.location.trim();
  if (subject === '') problems.push({ field: 'subject', kind: 'required' });
  const times = wallTimesOf(isAllDay, form.start, form.end);
  problems.push(...times.problems);
  const moved = times.start !== occurrence.start.slice(0, 16) || times.end !== occurrence.end.slice(0, 16);
  if (times.problems.length === 0 && moved) {
    const day = times.start.slice(0, 10);
    const previousDay = neighbours.previous?.start.slice(0, 10);
    const nextDay = neighbours.next?.start.slice(0, 10);
    if ((previousDay !== undefined && day <= previousDay) || (nextDay !== undefined && day >= nextDay)) {
      problems.push({ field: 'start', kind: 'crossesNeighbour' });
    }
  }
  if (problems.length) return { problems };
  const changes: OccurrenceChanges = {};
  if (subject !== occurrence.subject) changes.subject = subject;
  if (location !== occurrence.location) changes.location = location;
  if (moved) {
    changes.start = times.start;
    changes.end = times.end;
  }
  return { changes, problems: [] };
}
