import type { Recurrence, Weekday } from '../api/types';
import type { Language } from '../host/language';

/**
 * The event dialog's Repeat fields: the few patterns people pick by hand (each derived from the start date, as
 * Outlook offers them), how the series ends, and any other pattern (made in Outlook) kept exactly as it is.
 */
export type RepeatKind = 'none' | 'daily' | 'weekly' | 'monthly' | 'yearly' | 'custom';
export type RepeatEnd = 'never' | 'count' | 'date';

export interface RepeatForm {
  kind: RepeatKind;
  ends: RepeatEnd;
  /** The number of occurrences, as typed. */
  count: string;
  /** The last day 'YYYY-MM-DD', as typed. */
  until: string;
  /** The series' own pattern, sent unchanged while kind is 'custom'. */
  custom?: Recurrence['pattern'];
}

export type RepeatProblem =
  { field: 'repeatCount'; kind: 'invalidCount' } | { field: 'repeatUntil'; kind: 'invalid' | 'beforeStart' };

const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const utcDate = (date: string) =>
  new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));

/** The weekday of a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[utcDate(date).getUTCDay()]!;
}

/** A single event's Repeat fields. */
export function noRepeat(): RepeatForm {
  return { kind: 'none', ends: 'never', count: '10', until: '' };
}

/** The simple choice a pattern is for a series starting on `startDate`, or 'custom' when none says the same. */
export function repeatKindOf(pattern: Recurrence['pattern'], startDate: string): RepeatKind {
  if (pattern.interval !== 1) return 'custom';
  const day = Number(startDate.slice(8, 10));
  const month = Number(startDate.slice(5, 7));
  switch (pattern.type) {
    case 'daily':
      return 'daily';
    case 'weekly':
      return pattern.daysOfWeek?.length === 1 && pattern.daysOfWeek[0] === weekdayOf(startDate) ? 'weekly' : 'custom';
    case 'absoluteMonthly':
      return pattern.dayOfMonth === day ? 'monthly' : 'custom';
    case 'absoluteYearly':
      return pattern.dayOfMonth === day && pattern.month === month ? 'yearly' : 'custom';
    default:
      return 'custom';
  }
}

/** An event's Repeat fields for Edit. */
export function repeatFormOf(recurrence: Recurrence | null, startDate: string): RepeatForm {
  if (!recurrence) return noRepeat();
  const kind = repeatKindOf(recurrence.pattern, startDate);
  const { range } = recurrence;
  return {
    kind,
    ends: range.type === 'numbered' ? 'count' : range.type === 'endDate' ? 'date' : 'never',
    count: String(range.numberOfOccurrences ?? 10),
    until: range.endDate ?? '',
    ...(kind === 'custom' ? { custom: recurrence.pattern } : {}),
  };
}

function patternFor(
  kind: Exclude<RepeatKind, 'none'>,
  startDate: string,
  custom: Recurrence['pattern'] | undefined,
): Recurrence['pattern'] {
  const dayOfMonth = Number(startDate.slice(8, 10));
  switch (kind) {
    case 'daily':
      return { type: 'daily', interval: 1 };
    case 'monthly':
      return { type: 'absoluteMonthly', interval: 1, dayOfMonth };
    case 'yearly':
      return { type: 'absoluteYearly', interval: 1, dayOfMonth, month: Number(startDate.slice(5, 7)) };
    case 'custom':
      if (custom) return custom;
      return { type: 'weekly', interval: 1, daysOfWeek: [weekdayOf(startDate)] };
    case 'weekly':
      return { type: 'weekly', interval: 1, daysOfWeek: [weekdayOf(startDate)] };
  }
}

/** The recurrence the fields describe for a series whose first day is `startDate` (a valid date), or what is wrong. */
export function recurrenceFromForm(
  form: RepeatForm,
  startDate: string,
): { recurrence: Recurrence | null; problems: RepeatProblem[] } {
  if (form.kind === 'none') return { recurrence: null, problems: [] };
  const pattern = patternFor(form.kind, startDate, form.custom);
  if (form.ends === 'count') {
    const text = form.count.trim();
    const count = Number(text);
    if (!/^\d+$/.test(text) || count < 1 || count > 999)
      return { recurrence: null, problems: [{ field: 'repeatCount', kind: 'invalidCount' }] };
    return {
      recurrence: { pattern, range: { type: 'numbered', startDate, numberOfOccurrences: count } },
      problems: [],
    };
  }
  if (form.ends === 'date') {
    if (!DATE.test(form.until)) return { recurrence: null, problems: [{ field: 'repeatUntil', kind: 'invalid' }] };
    if (form.until < startDate) return { recurrence: null, problems: [{ field: 'repeatUntil', kind: 'beforeStart' }] };
    return { recurrence: { pattern, range: { type: 'endDate', startDate, endDate: form.until } }, problems: [] };
  }
  return { recurrence: { pattern, range: { type: 'noEnd', startDate } }, problems: [] };
}

/** One text per meaning: defaults Graph fills in (week starts on Sunday, index 'first') and key order do not count. */
function canonical(recurrence: Recurrence | null | undefined): string {
  if (!recurrence) return 'null';
  const { pattern: p, range: r } = recurrence;
  return JSON.stringify([
    p.type,
    p.interval,
    [...(p.daysOfWeek ?? [])].sort(),
    p.dayOfMonth ?? null,
    p.month ?? null,
    p.type.startsWith('relative') ? (p.index ?? 'first') : null,
    p.type === 'weekly' ? (p.firstDayOfWeek ?? 'sunday') : null,
    r.type,
    r.startDate,
    r.type === 'endDate' ? (r.endDate ?? null) : null,
    r.type === 'numbered' ? (r.numberOfOccurrences ?? null) : null,
  ]);
}

/** Whether two recurrences make the same series (a changed one drops the series' exceptions, so only a real change is sent). */
export function sameRecurrence(a: Recurrence | null | undefined, b: Recurrence | null | undefined): boolean {
  return canonical(a) === canonical(b);
}

function locale(language: Language): string {
  return language === 'de' ? 'de-DE' : 'en-GB';
}

/** 'Thursday' / 'Donnerstag'. */
export function weekdayName(date: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), { weekday: 'long', timeZone: 'UTC' }).format(utcDate(date));
}

/** '14 May' / '14. Mai'. */
export function dayAndMonth(date: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    utcDate(date),
  );
}
