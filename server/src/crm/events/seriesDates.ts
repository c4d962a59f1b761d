import type { Recurrence } from './eventInput.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const weekdayOf = (day: number) => WEEKDAYS[new Date(day * DAY_MS).getUTCDay()]!;
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const dayOf = (year: number, month: number, dayOfMonth: number) => Date.UTC(year, month - 1, dayOfMonth) / DAY_MS;

/** The day of a month picked by `index` ('first' … 'last') among the given weekdays. */
function relativeDay(year: number, month: number, daysOfWeek: string[], index: string): number | undefined {
  const matches: number[] = [];
  for (let d = 1; d <= daysInMonth(year, month); d += 1) {
    const day = dayOf(year, month, d);
    if (daysOfWeek.includes(weekdayOf(day))) matches.push(day);
  }
  return index === 'last' ? matches.at(-1) : matches[INDEXES.indexOf(index as (typeof INDEXES)[number])];
}

/**
 * The dates (`YYYY-MM-DD`, in the event's zone) on which a series has an occurrence, from its start up to and
 * including `until` or the range's own end, whichever comes first. Graph's pattern rules: a day of month past
 * the month's end falls on its last day; weeks start on `firstDayOfWeek`.
 */
export function seriesDates(recurrence: Recurrence, until: string): string[] {
  const { pattern, range } = recurrence;
  const first = dayNumber(range.startDate);
  const last = Math.min(
    dayNumber(until),
    range.type === 'endDate' && range.endDate ? dayNumber(range.endDate) : Infinity,
  );
  const limit = range.type === 'numbered' ? (range.numberOfOccurrences ?? 0) : Infinity;
  const out: string[] = [];
  /** False once the series is over. */
  const take = (day: number | undefined): boolean => {
    if (day === undefined || day < first) return true;
    if (day > last || out.length >= limit) return false;
    out.push(dateOfDay(day));
    return true;
  };
  const interval = pattern.interval;
  const startYear = Number(range.startDate.slice(0, 4));
  const startMonth = Number(range.startDate.slice(5, 7));
  const days = pattern.daysOfWeek ?? [];
  if (pattern.type === 'daily') {
    for (let day = first; take(day); day += interval);
  } else if (pattern.type === 'weekly') {
    const weekStartsOn = WEEKDAYS.indexOf(pattern.firstDayOfWeek ?? 'sunday');
    const firstWeek = first - ((new Date(first * DAY_MS).getUTCDay() - weekStartsOn + 7) % 7);
    weeks: for (let week = firstWeek; week <= last; week += 7 * interval) {
      for (let offset = 0; offset < 7; offset += 1) {
        if (days.includes(weekdayOf(week + offset)) && !take(week + offset)) break weeks;
      }
    }
  } else if (pattern.type === 'absoluteMonthly' || pattern.type === 'relativeMonthly') {
    for (let months = 0; ; months += interval) {
      const year = startYear + Math.floor((startMonth - 1 + months) / 12);
      const month = ((startMonth - 1 + months) % 12) + 1;
      if (dayOf(year, month, 1) > last) break;
      const day =
        pattern.type === 'absoluteMonthly'
          ? dayOf(year, month, Math.min(pattern.dayOfMonth ?? 1, daysInMonth(year, month)))
          : relativeDay(year, month, days, pattern.index ?? 'first');
      if (!take(day)) break;
    }
  } else {
    const month = pattern.month ?? 1;
    for (let years = 0; ; years += interval) {
      const year = startYear + years;
      if (dayOf(year, month, 1) > last) break;
      const day =
        pattern.type === 'absoluteYearly'
          ? dayOf(year, month, Math.min(pattern.dayOfMonth ?? 1, daysInMonth(year, month)))
          : relativeDay(year, month, days, pattern.index ?? 'first');
      if (!take(day)) break;
    }
  }
  return out;
}
