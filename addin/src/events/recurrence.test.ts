import { describe, expect, it } from 'vitest';
import type { Recurrence } from '../api/types';
import {
  dayAndMonth,
  noRepeat,
  recurrenceFromForm,
  repeatFormOf,
  repeatKindOf,
  sameRecurrence,
  weekdayName,
  weekdayOf,
} from './recurrence';

// 2026-05-14 is a Thursday.
const weekly: Recurrence = {
  pattern: { type: 'weekly', interval: 1, daysOfWeek: ['thursday'] },
  range: { type: 'numbered', startDate: '2026-05-14', numberOfOccurrences: 6 },
};

describe('the Repeat fields', () => {
  it('knows weekdays and names them in both languages', () => {
    expect(weekdayOf('2026-05-14')).toBe('thursday');
    expect(weekdayOf('2026-05-17')).toBe('sunday');
    expect(weekdayName('2026-05-14', 'en')).toBe('Thursday');
    expect(weekdayName('2026-05-14', 'de')).toBe('Donnerstag');
    expect(dayAndMonth('2026-05-14', 'de')).toBe('14. Mai');
  });

  it('builds each simple pattern from the first day', () => {
    const form = { ...noRepeat(), ends: 'count' as const, count: ' 6 ' };
    expect(recurrenceFromForm({ ...form, kind: 'weekly' }, '2026-05-14').recurrence).toEqual(weekly);
    expect(recurrenceFromForm({ ...form, kind: 'daily' }, '2026-05-14').recurrence?.pattern).toEqual({
      type: 'daily',
      interval: 1,
    });
    expect(recurrenceFromForm({ ...form, kind: 'monthly' }, '2026-05-14').recurrence?.pattern).toEqual({
      type: 'absoluteMonthly',
      interval: 1,
      dayOfMonth: 14,
    });
    expect(recurrenceFromForm({ ...form, kind: 'yearly' }, '2026-05-14').recurrence?.pattern).toEqual({
      type: 'absoluteYearly',
      interval: 1,
      dayOfMonth: 14,
      month: 5,
    });
    expect(recurrenceFromForm(noRepeat(), '2026-05-14')).toEqual({ recurrence: null, problems: [] });
  });

  it('ends never, after a count or on a last day', () => {
    expect(recurrenceFromForm({ ...noRepeat(), kind: 'daily' }, '2026-05-14').recurrence?.range).toEqual({
      type: 'noEnd',
      startDate: '2026-05-14',
    });
    expect(
      recurrenceFromForm({ ...noRepeat(), kind: 'daily', ends: 'date', until: '2026-06-30' }, '2026-05-14').recurrence
        ?.range,
    ).toEqual({
      type: 'endDate',
      startDate: '2026-05-14',
      endDate: '2026-06-30',
    });
  });

  it('names a wrong count or last day', () => {
    for (const count of ['0', '1000', '2.5', 'x', '']) {
      expect(
        recurrenceFromForm({ ...noRepeat(), kind: 'daily', ends: 'count', count }, '2026-05-14').problems,
        count,
      ).toEqual([{ field: 'repeatCount', kind: 'invalidCount' }]);
    }
    expect(
      recurrenceFromForm({ ...noRepeat(), kind: 'daily', ends: 'date', until: '' }, '2026-05-14').problems,
    ).toEqual([{ field: 'repeatUntil', kind: 'invalid' }]);
    expect(
      recurrenceFromForm({ ...noRepeat(), kind: 'daily', ends: 'date', until: '2026-05-13' }, '2026-05-14').problems,
    ).toEqual([{ field: 'repeatUntil', kind: 'beforeStart' }]);
  });

  it('reads a simple series back into its choice, and keeps any other pattern as it is', () => {
    expect(repeatFormOf(weekly, '2026-05-14')).toEqual({ kind: 'weekly', ends: 'count', count: '6', until: '' });
    expect(repeatKindOf(weekly.pattern, '2026-05-15')).toBe('custom');
    expect(repeatKindOf({ type: 'weekly', interval: 2, daysOfWeek: ['thursday'] }, '2026-05-14')).toBe('custom');
    expect(repeatKindOf({ type: 'absoluteMonthly', interval: 1, dayOfMonth: 14 }, '2026-05-14')).toBe('monthly');
    expect(
      repeatKindOf({ type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday'], index: 'second' }, '2026-05-14'),
    ).toBe('custom');
    const custom: Recurrence = {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'thursday'] },
      range: { type: 'endDate', startDate: '2026-05-14', endDate: '2026-07-01' },
    };
    const form = repeatFormOf(custom, '2026-05-14');
    expect(form).toMatchObject({ kind: 'custom', ends: 'date', until: '2026-07-01', custom: custom.pattern });
    expect(recurrenceFromForm(form, '2026-05-14').recurrence).toEqual(custom);
  });

  it('compares series by meaning, not by Graph defaults or key order', () => {
    expect(sameRecurrence(weekly, { ...weekly, pattern: { ...weekly.pattern, firstDayOfWeek: 'sunday' } })).toBe(true);
    expect(
      sameRecurrence(weekly, {
        range: weekly.range,
        pattern: { daysOfWeek: ['thursday'], interval: 1, type: 'weekly' },
      }),
    ).toBe(true);
    expect(sameRecurrence(weekly, { ...weekly, range: { ...weekly.range, numberOfOccurrences: 7 } })).toBe(false);
    expect(sameRecurrence(weekly, { ...weekly, pattern: { ...weekly.pattern, firstDayOfWeek: 'monday' } })).toBe(false);
    expect(sameRecurrence(null, undefined)).toBe(true);
    expect(sameRecurrence(null, weekly)).toBe(false);
  });
});
