import type { Recurrence } from '../../../../common/api/events.js';
import { LATEST_DATE } from '../../../../common/api/eventDates.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date (month 1–12; a day past the month's end runs into the next). */
function utcDay(year: number, month: number, dayOfMonth: number): number {
  // setUTCFullYear, unlike Date.UTC, does not read the years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, dayOfMonth);
  return date.getTime() / DAY_MS;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return utcDay(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const weekdayOf = (day: number) => WEEKDAYS[new Date(day * DAY_MS).getUTCDay()]!;
const daysInMonth = (year: number, month: number) => utcDay(year, month + 1, 1) - utcDay(year, month, 1);

/** The day of a month picked by `index` ('first' … 'last') among the given weekdays. */
function relativeDay(year: number, month: number, daysOfWeek: string[], index: string): number | undefined {
  const matches: number[] = [];
  for (let d = 1; d <= daysInMonth(year, month); d += 1) {
    const day = utcDay(year, month, d);
    if (daysOfWeek.includes(weekdayOf(day))) matches.push(day);
  }
  return index === 'last' ? matches.at(-1) : matches[INDEXES.indexOf(index as (typeof INDEXES)[number])];
}

/**
 * The most days between two neighbouring occurrences of a pattern: a window this wide before a date holds the
 * occurrence before it.
 */
export function widestGapDays(recurrence: Recurrence): number {
  const { type, interval } = recurrence.pattern;
  if (type === 'daily') return interval;
  if (type === 'weekly') return 7 * interval;
  if (type === 'absoluteMonthly' || type === 'relativeMonthly') return 31 * (interval + 1);
  return 366 * (interval + 1);
}

/**
 * A pattern as periods (a day, a week, a month or a year, every `interval`): period k holds the days `candidates(k)`
 * gives, in order. Period 0 may hold days before the start date, which do not count; every later period holds
 * `perPeriod` occurrences.
 */
function periodsOf(recurrence: Recurrence) {
  const { pattern, range } = recurrence;
  const first = dayNumber(range.startDate);
  const interval = pattern.interval;
  const startYear = Number(range.startDate.slice(0, 4));
  const startMonth = Number(range.startDate.slice(5, 7));
  const days = pattern.daysOfWeek ?? [];
  const onDay = (year: number, month: number): number[] => {
    const day =
      pattern.type === 'absoluteMonthly' || pattern.type === 'absoluteYearly'
        ? utcDay(year, month, Math.min(pattern.dayOfMonth ?? 1, daysInMonth(year, month)))
        : relativeDay(year, month, days, pattern.index ?? 'first');
    return day === undefined ? [] : [day];
  };
  if (pattern.type === 'daily') {
    return {
      perPeriod: 1,
      candidates: (k: number) => [first + k * interval],
      periodOf: (day: number) => Math.floor((day - first) / interval),
    };
  }
  if (pattern.type === 'weekly') {
    const weekStartsOn = WEEKDAYS.indexOf(pattern.firstDayOfWeek ?? 'sunday');
    const firstWeek = first - ((new Date(first * DAY_MS).getUTCDay() - weekStartsOn + 7) % 7);
    const offsets = [0, 1, 2, 3, 4, 5, 6].filter((offset) => days.includes(weekdayOf(firstWeek + offset)));
    return {
      perPeriod: offsets.length,
      candidates: (k: number) => offsets.map((offset) => firstWeek + 7 * interval * k + offset),
      periodOf: (day: number) => Math.floor((day - firstWeek) / (7 * interval)),
    };
  }
  if (pattern.type === 'absoluteMonthly' || pattern.type === 'relativeMonthly') {
    const startIndex = startYear * 12 + startMonth - 1;
    return {
      perPeriod: pattern.type === 'relativeMonthly' && days.length === 0 ? 0 : 1,
      candidates: (k: number) => {
        const index = startIndex + k * interval;
        return onDay(Math.floor(index / 12), (index % 12) + 1);
      },
      periodOf: (day: number) => {
        const date = dateOfDay(day);
        return Math.floor((Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - startIndex) / interval);
      },
    };
  }
  const month = pattern.month ?? 1;
  return {
    perPeriod: pattern.type === 'relativeYearly' && days.length === 0 ? 0 : 1,
    candidates: (k: number) => onDay(startYear + k * interval, month),
    periodOf: (day: number) => Math.floor((Number(dateOfDay(day).slice(0, 4)) - startYear) / interval),
  };
}

/**
 * The series' occurrence dates (`YYYY-MM-DD`, in the event's zone) from `from` on, in order, until its range ends
 * (or the latest date an event may have). Graph's pattern rules: a day of month past the month's end falls on its
 * last day; weeks start on `firstDayOfWeek`. It starts at `from`'s period without walking there, so the work is
 * what the caller takes, however far `from` lies from the series' start.
 */
export function* occurrenceDates(recurrence: Recurrence, from: string): Generator<string, void, undefined> {
  const { range } = recurrence;
  const first = dayNumber(range.startDate);
  const last = Math.min(
    dayNumber(LATEST_DATE),
    range.type === 'endDate' && range.endDate ? dayNumber(range.endDate) : Infinity,
  );
  const limit = range.type === 'numbered' ? (range.numberOfOccurrences ?? 0) : Infinity;
  const fromDay = Math.max(first, dayNumber(from));
  const periods = periodsOf(recurrence);
  // No weekday given where the pattern needs one (the schema refuses it): no occurrence at all.
  if (periods.perPeriod === 0) return;
  const skippedInFirstPeriod = periods.candidates(0).filter((day) => day < first).length;
  const startPeriod = Math.max(0, periods.periodOf(fromDay));
  // Occurrences before the starting period, for a numbered range's count.
  let counted = startPeriod === 0 ? 0 : periods.perPeriod * startPeriod - skippedInFirstPeriod;
  for (let k = startPeriod; ; k += 1) {
    for (const day of periods.candidates(k)) {
      if (day < first) continue;
      if (day > last || counted >= limit) return;
      counted += 1;
      if (day >= fromDay) yield dateOfDay(day);
    }
  }
}

/**
 * The series' occurrence dates from `from` (its start unless given) up to and including `until`, at most `max` of
 * them.
 */
export function seriesDates(
  recurrence: Recurrence,
  until: string,
  from: string = recurrence.range.startDate,
  max = Infinity,
): string[] {
  const out: string[] = [];
  if (max <= 0) return out;
  for (const date of occurrenceDates(recurrence, from)) {
    if (date > until) break;
    out.push(date);
    if (out.length >= max) break;
  }
  return out;
}
