import { z } from 'zod';
import { GraphError } from '../graph/graphError.js';
import type { PatternedRecurrence, StoredEvent } from '../state/calendarStore.js';
import { requireZone, wallParts, wallToUtc } from './timeZones.js';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const patternSchema = z
  .object({
    type: z.string(),
    interval: z.number().int().min(1).max(999).optional(),
    month: z.number().int().min(0).max(12).optional(),
    dayOfMonth: z.number().int().min(0).max(31).optional(),
    daysOfWeek: z.array(z.string()).optional(),
    firstDayOfWeek: z.string().optional(),
    index: z.string().optional(),
  })
  .strict();

const rangeSchema = z
  .object({
    type: z.string(),
    startDate: z.string(),
    endDate: z.string().nullable().optional(),
    recurrenceTimeZone: z.string().nullable().optional(),
    numberOfOccurrences: z.number().int().min(0).optional(),
  })
  .strict();

function invalid(message: string): GraphError {
  return new GraphError(400, 'ErrorInvalidRequest', message);
}

const lowerDay = (d: string): (typeof DAYS)[number] => {
  const v = d.toLowerCase();
  if (!(DAYS as readonly string[]).includes(v)) throw invalid(`Requested value '${d}' was not found.`);
  return v as (typeof DAYS)[number];
};

/** Validates a patternedRecurrence like Graph (unknown properties and missing required ones are 400). */
export function parseRecurrence(input: unknown, fallbackZone: string): PatternedRecurrence | null {
  if (input === null || input === undefined) return null;
  const outer = z.object({ pattern: patternSchema, range: rangeSchema }).strict().safeParse(input);
  if (!outer.success)
    throw invalid(
      `The recurrence is invalid: ${outer.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  const { pattern, range } = outer.data;
  const types = ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly'];
  const type = types.find((t) => t.toLowerCase() === pattern.type.toLowerCase());
  if (!type) throw invalid(`Requested value '${pattern.type}' was not found.`);
  const daysOfWeek = (pattern.daysOfWeek ?? []).map(lowerDay);
  const needsDays = type === 'weekly' || type === 'relativeMonthly' || type === 'relativeYearly';
  if (needsDays && daysOfWeek.length === 0)
    throw invalid(`DaysOfWeek must be specified for a ${type} recurrence pattern.`);
  if ((type === 'absoluteMonthly' || type === 'absoluteYearly') && !pattern.dayOfMonth)
    throw invalid(`DayOfMonth must be specified for a ${type} recurrence pattern.`);
  if ((type === 'absoluteYearly' || type === 'relativeYearly') && !pattern.month)
    throw invalid(`Month must be specified for a ${type} recurrence pattern.`);
  const index = (pattern.index ?? 'first').toLowerCase();
  if (!(INDEXES as readonly string[]).includes(index))
    throw invalid(`Requested value '${pattern.index}' was not found.`);
  const rangeTypes = ['endDate', 'noEnd', 'numbered'];
  const rangeType = rangeTypes.find((t) => t.toLowerCase() === range.type.toLowerCase());
  if (!rangeType) throw invalid(`Requested value '${range.type}' was not found.`);
  if (!DATE.test(range.startDate)) throw invalid(`The recurrence range start date '${range.startDate}' is invalid.`);
  if (rangeType === 'endDate' && (!range.endDate || !DATE.test(range.endDate) || range.endDate < range.startDate)) {
    throw invalid('The recurrence range end date must be a date on or after the start date.');
  }
  if (rangeType === 'numbered' && !(range.numberOfOccurrences && range.numberOfOccurrences > 0))
    throw invalid('NumberOfOccurrences must be greater than zero for a numbered recurrence range.');
  const zoneName = range.recurrenceTimeZone ?? fallbackZone;
  requireZone(zoneName);
  return {
    pattern: {
      type: type as PatternedRecurrence['pattern']['type'],
      interval: pattern.interval ?? 1,
      month: pattern.month ?? 0,
      dayOfMonth: pattern.dayOfMonth ?? 0,
      daysOfWeek,
      firstDayOfWeek: pattern.firstDayOfWeek ? lowerDay(pattern.firstDayOfWeek) : 'sunday',
      index: index as PatternedRecurrence['pattern']['index'],
    },
    range: {
      type: rangeType as PatternedRecurrence['range']['type'],
      startDate: range.startDate,
      endDate: rangeType === 'endDate' ? range.endDate! : '0001-01-01',
      recurrenceTimeZone: zoneName,
      numberOfOccurrences: rangeType === 'numbered' ? range.numberOfOccurrences! : 0,
    },
  };
}

interface Day {
  y: number;
  mo: number;
  d: number;
}
const toDays = (s: string): Day => {
  const [y, mo, d] = s.split('-').map(Number) as [number, number, number];
  return { y, mo, d };
};
const ord = (x: Day) => Date.UTC(x.y, x.mo - 1, x.d) / 86_400_000;
const fromOrd = (n: number): Day => {
  const dt = new Date(n * 86_400_000);
  return { y: dt.getUTCFullYear(), mo: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
};
const dow = (x: Day) => new Date(Date.UTC(x.y, x.mo - 1, x.d)).getUTCDay();
const daysInMonth = (y: number, mo: number) => new Date(Date.UTC(y, mo, 0)).getUTCDate();

function relativeDay(y: number, mo: number, daysOfWeek: string[], index: string): Day | undefined {
  const matches: Day[] = [];
  for (let d = 1; d <= daysInMonth(y, mo); d++)
    if (daysOfWeek.includes(DAYS[dow({ y, mo, d })]!)) matches.push({ y, mo, d });
  if (index === 'last') return matches[matches.length - 1];
  return matches[INDEXES.indexOf(index as (typeof INDEXES)[number])];
}

/** The dates of a series (in its recurrence zone), up to `untilOrd` (day ordinal) and the range's own end. */
export function occurrenceDates(r: PatternedRecurrence, untilOrd: number): Day[] {
  const { pattern: p, range } = r;
  const start = toDays(range.startDate);
  const startOrd = ord(start);
  const endOrd = range.type === 'endDate' ? Math.min(ord(toDays(range.endDate)), untilOrd) : untilOrd;
  const max = range.type === 'numbered' ? range.numberOfOccurrences : Infinity;
  const out: Day[] = [];
  const push = (x: Day | undefined): boolean => {
    if (!x) return true;
    const o = ord(x);
    if (o < startOrd) return true;
    if (o > endOrd || out.length >= max) return false;
    out.push(x);
    return true;
  };
  let guard = 0;
  if (p.type === 'daily') {
    for (let o = startOrd; guard++ < 20_000; o += p.interval) if (!push(fromOrd(o))) break;
  } else if (p.type === 'weekly') {
    const first = DAYS.indexOf(p.firstDayOfWeek);
    const weekStart = startOrd - ((dow(start) - first + 7) % 7);
    outer: for (let w = weekStart; guard++ < 5_000; w += 7 * p.interval) {
      for (let i = 0; i < 7; i++) {
        const day = fromOrd(w + i);
        if (!p.daysOfWeek.includes(DAYS[dow(day)]!)) continue;
        if (!push(day)) break outer;
      }
    }
  } else if (p.type === 'absoluteMonthly' || p.type === 'relativeMonthly') {
    for (let m = 0; guard++ < 5_000; m += p.interval) {
      const y = start.y + Math.floor((start.mo - 1 + m) / 12);
      const mo = ((start.mo - 1 + m) % 12) + 1;
      if (ord({ y, mo, d: 1 }) > endOrd) break;
      const day =
        p.type === 'absoluteMonthly'
          ? { y, mo, d: Math.min(p.dayOfMonth, daysInMonth(y, mo)) }
          : relativeDay(y, mo, p.daysOfWeek, p.index);
      if (!push(day)) break;
    }
  } else {
    for (let k = 0; guard++ < 1_000; k += p.interval) {
      const y = start.y + k;
      if (ord({ y, mo: p.month, d: 1 }) > endOrd) break;
      const day =
        p.type === 'absoluteYearly'
          ? { y, mo: p.month, d: Math.min(p.dayOfMonth, daysInMonth(y, p.month)) }
          : relativeDay(y, p.month, p.daysOfWeek, p.index);
      if (!push(day)) break;
    }
  }
  return out;
}

export interface Occurrence {
  /** YYYYMMDD of the original date in the recurrence zone. */
  key: string;
  originalStartUtc: number;
  startUtc: number;
  endUtc: number;
}

const keyOf = (x: Day) => `${x.y}${String(x.mo).padStart(2, '0')}${String(x.d).padStart(2, '0')}`;

/** The occurrences of a series master (before exceptions/cancellations), those starting before `untilUtc`. */
export function expandSeries(master: StoredEvent, untilUtc: number): Occurrence[] {
  if (!master.recurrence) return [];
  const zone = requireZone(master.recurrence.range.recurrenceTimeZone || master.startZone);
  const local = wallParts(master.startUtc, zone);
  const duration = master.endUtc - master.startUtc;
  const until = wallParts(untilUtc, zone);
  const untilOrd = ord({ y: until.y, mo: until.mo, d: until.d }) + 1;
  return occurrenceDates(master.recurrence, untilOrd).map((day) => {
    const start = wallToUtc({ ...day, h: local.h, mi: local.mi, s: local.s }, zone);
    return { key: keyOf(day), originalStartUtc: start, startUtc: start, endUtc: start + duration };
  });
}

export function occurrenceId(masterId: string, key: string): string {
  return `${masterId}_OCC${key}`;
}

export function parseOccurrenceId(id: string): { masterId: string; key: string } | undefined {
  const m = /^(.+)_OCC(\d{8})$/.exec(id);
  return m ? { masterId: m[1]!, key: m[2]! } : undefined;
}

/** Exchange puts the instance date into bytes 17–20 of the iCalUId (as hex) for occurrences. */
export function occurrenceICalUId(masterUid: string, key: string): string {
  const y = Number(key.slice(0, 4)).toString(16).toUpperCase().padStart(4, '0');
  const mo = Number(key.slice(4, 6)).toString(16).toUpperCase().padStart(2, '0');
  const d = Number(key.slice(6, 8)).toString(16).toUpperCase().padStart(2, '0');
  return `${masterUid.slice(0, 32)}${y}${mo}${d}${masterUid.slice(40)}`;
}
