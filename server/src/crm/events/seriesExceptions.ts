import { localToUtc, utcToLocal } from '../../../../common/time/wallClock.js';
import { workSlices } from '../workSlices.js';
import type { Occurrence, Recurrence, SeriesException } from '../../../../common/api/events.js';
import { dateOfDay, dayNumber, seriesDates, widestGapDays } from './seriesDates.js';

export type OccurrenceOverrides = Omit<SeriesException, 'date' | 'cancelled'>;

/** What a series needs to place its occurrences. */
export interface SeriesShape {
  subject: string;
  description: string;
  location: string;
  start: string;
  end: string;
  timeZone: string;
  isAllDay: boolean;
  recurrence: Recurrence | null;
}

/** True when a change moves the series or changes its pattern, which drops its exceptions (as Outlook does). */
export function seriesMoved(before: SeriesShape, after: SeriesShape): boolean {
  return (['start', 'end', 'timeZone', 'isAllDay', 'recurrence'] as const).some(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
}

/** The start and end the pattern gives the occurrence on `date` (same wall-clock time, same length). */
export function baseTimes(series: SeriesShape, date: string): { start: string; end: string } {
  return baseTimesOf(series)(date);
}

/** baseTimes for many dates of one series: the series' length, which takes time-zone arithmetic, is found once. */
function baseTimesOf(series: SeriesShape): (date: string) => { start: string; end: string } {
  const time = series.start.slice(11);
  if (series.isAllDay) {
    const days = dayNumber(series.end.slice(0, 10)) - dayNumber(series.start.slice(0, 10));
    return (date) => ({ start: `${date}T${time}`, end: `${dateOfDay(dayNumber(date) + days)}T00:00:00` });
  }
  const length =
    Date.parse(localToUtc(series.end, series.timeZone)) - Date.parse(localToUtc(series.start, series.timeZone));
  return (date) => {
    const start = `${date}T${time}`;
    const startUtc = Date.parse(localToUtc(start, series.timeZone));
    return { start, end: utcToLocal(new Date(startUtc + length).toISOString(), series.timeZone) };
  };
}

/**
 * The exceptions in their one canonical form: sorted by date, overrides that equal the series' own values left
 * out, and entries with nothing left dropped. Both sides of the sync compare exceptions in this form.
 */
export function canonicalExceptions(series: SeriesShape, exceptions: SeriesException[]): SeriesException[] {
  const out: SeriesException[] = [];
  const baseTimesOn = baseTimesOf(series);
  for (const exception of [...exceptions].sort((a, b) => a.date.localeCompare(b.date))) {
    if (exception.cancelled) {
      out.push({ date: exception.date, cancelled: true });
      continue;
    }
    const kept: SeriesException = { date: exception.date };
    for (const field of ['subject', 'description', 'location'] as const) {
      if (exception[field] !== undefined && exception[field] !== series[field]) kept[field] = exception[field];
    }
    if (exception.start !== undefined || exception.end !== undefined) {
      // The pattern's end takes time-zone arithmetic: only worked out when the start leaves the question open.
      const baseStart = `${exception.date}T${series.start.slice(11)}`;
      const start = exception.start ?? baseStart;
      const base = start === baseStart || exception.end === undefined ? baseTimesOn(exception.date) : undefined;
      const end = exception.end ?? base!.end;
      if (start !== baseStart || end !== base?.end) Object.assign(kept, { start, end });
    }
    if (Object.keys(kept).length > 1) out.push(kept);
  }
  return out;
}

/** Something wrong with a series' exceptions: a stable kind (for a message in the user's language) and a developer text. */
export interface ExceptionProblem {
  kind: 'not_a_series' | 'not_an_occurrence' | 'times_invalid' | 'crosses_neighbour';
  date?: string;
  message: string;
}

/** What is wrong with a series' exceptions, if anything: dates that are no occurrence, times out of order or past a neighbour. */
export function exceptionProblems(series: SeriesShape, exceptions: SeriesException[]): ExceptionProblem[] {
  const steps = checkExceptions(series, exceptions);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** exceptionProblems, letting other requests run while it looks at thousands of exceptions. */
export async function exceptionProblemsInSlices(
  series: SeriesShape,
  exceptions: SeriesException[],
): Promise<ExceptionProblem[]> {
  const checkpoint = workSlices();
  const steps = checkExceptions(series, exceptions);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await checkpoint();
  }
}

/** The check behind exceptionProblems, one exception a step. */
function* checkExceptions(
  series: SeriesShape,
  exceptions: SeriesException[],
): Generator<void, ExceptionProblem[], undefined> {
  if (exceptions.length === 0) return [];
  const { recurrence } = series;
  if (!recurrence) return [{ kind: 'not_a_series', message: 'only a recurring event has exceptions' }];
  const problems: ExceptionProblem[] = [];
  const problem = (kind: ExceptionProblem['kind'], date: string | undefined, message: string) =>
    problems.push({ kind, ...(date ? { date } : {}), message });
  const byDate = new Map(exceptions.map((e) => [e.date, e]));
  if (byDate.size !== exceptions.length)
    problem('not_an_occurrence', undefined, 'each date can have one exception only');
  const dates = datesAround(recurrence, [...byDate.keys()]);
  const indexOf = new Map(dates.map((date, index) => [date, index]));
  for (const exception of exceptions) {
    yield;
    const index = indexOf.get(exception.date);
    if (index === undefined) {
      problem('not_an_occurrence', exception.date, `the series has no occurrence on ${exception.date}`);
      continue;
    }
    if (exception.cancelled) {
      if (Object.keys(exception).length > 2)
        problem(
          'times_invalid',
          exception.date,
          `the cancelled occurrence on ${exception.date} cannot have other changes`,
        );
      continue;
    }
    if ((exception.start === undefined) !== (exception.end === undefined)) {
      problem('times_invalid', exception.date, `the occurrence on ${exception.date} needs both start and end`);
      continue;
    }
    if (exception.start === undefined || exception.end === undefined) continue;
    if (series.isAllDay && (!exception.start.endsWith('T00:00:00') || !exception.end.endsWith('T00:00:00'))) {
      problem(
        'times_invalid',
        exception.date,
        `the occurrence on ${exception.date} is all-day: it starts and ends at midnight`,
      );
      continue;
    }
    if (localToUtc(exception.end, series.timeZone) <= localToUtc(exception.start, series.timeZone)) {
      problem('times_invalid', exception.date, `the occurrence on ${exception.date} must end after it starts`);
      continue;
    }
    // Outlook refuses to move an occurrence onto or past the day of the occurrence before or after it.
    const dayOf = (date: string | undefined) =>
      date === undefined ? undefined : (byDate.get(date)?.start ?? date).slice(0, 10);
    const previous = dayOf(dates[index - 1]);
    const next = dayOf(dates[index + 1]);
    const day = exception.start.slice(0, 10);
    if ((previous !== undefined && day <= previous) || (next !== undefined && day >= next)) {
      problem(
        'crosses_neighbour',
        exception.date,
        `the occurrence on ${exception.date} cannot move onto or past the day of the occurrence before or after it`,
      );
    }
  }
  return problems;
}

/**
 * The pattern's dates near the given ones, in order: each given date's neighbours are among them, and the work is the
 * same however far the dates lie from the series' start (windows that overlap are read once).
 */
function datesAround(recurrence: Recurrence, near: string[]): string[] {
  const gap = widestGapDays(recurrence);
  const out: string[] = [];
  let window: { from: number; to: number } | undefined;
  const read = ({ from, to }: { from: number; to: number }) => {
    for (const date of seriesDates(recurrence, dateOfDay(to), dateOfDay(from))) out.push(date);
  };
  for (const day of near.map(dayNumber).sort((a, b) => a - b)) {
    if (window && day - gap <= window.to + 1) window.to = day + gap;
    else {
      if (window) read(window);
      window = { from: day - gap, to: day + gap };
    }
  }
  if (window) read(window);
  return out;
}

/**
 * The series' occurrences whose original date lies in [from, to], the first `max` of them, with their exceptions
 * applied; cancelled ones included and marked.
 */
export function occurrencesBetween(
  series: SeriesShape,
  exceptions: SeriesException[],
  from: string,
  to: string,
  max = Infinity,
): Occurrence[] {
  if (!series.recurrence) return [];
  return seriesDates(series.recurrence, to, from, max).map(occurrenceOf(series, exceptions));
}

/** The occurrence a series has on one of its pattern's dates, with its exception applied. */
export function occurrenceOf(series: SeriesShape, exceptions: SeriesException[]): (date: string) => Occurrence {
  const byDate = new Map(exceptions.map((e) => [e.date, e]));
  const baseTimesOn = baseTimesOf(series);
  return (date) => {
    const exception = byDate.get(date);
    // An occurrence with times of its own needs no time-zone arithmetic for the pattern's.
    const { start, end } =
      exception?.start && exception.end ? { start: exception.start, end: exception.end } : baseTimesOn(date);
    return {
      date,
      start,
      end,
      subject: exception?.subject ?? series.subject,
      description: exception?.description ?? series.description,
      location: exception?.location ?? series.location,
      cancelled: exception?.cancelled === true,
      changed: exception !== undefined && !exception.cancelled,
    };
  };
}
