import { describe, expect, it } from 'vitest';
import { occurrenceDates, parseRecurrence } from './recurrence.js';
import { formatInZone, wallToUtc } from './timeZones.js';

const dates = (recurrence: unknown, until = '2030-01-01') =>
  occurrenceDates(parseRecurrence(recurrence, 'UTC')!, Date.parse(`${until}T00:00:00Z`) / 86_400_000).map(
    (d) => `${d.y}-${String(d.mo).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`,
  );

describe('recurrence patterns', () => {
  it('daily with an interval and an end date', () => {
    expect(
      dates({
        pattern: { type: 'daily', interval: 3 },
        range: { type: 'endDate', startDate: '2026-01-30', endDate: '2026-02-08' },
      }),
    ).toEqual(['2026-01-30', '2026-02-02', '2026-02-05', '2026-02-08']);
  });
  it('weekly every other week on two days, counted', () => {
    expect(
      dates({
        pattern: { type: 'weekly', interval: 2, daysOfWeek: ['Tuesday', 'thursday'], firstDayOfWeek: 'monday' },
        range: { type: 'numbered', startDate: '2026-01-01', numberOfOccurrences: 5 },
      }),
    ).toEqual(['2026-01-01', '2026-01-13', '2026-01-15', '2026-01-27', '2026-01-29']);
  });
  it('absoluteMonthly on day 31 falls on the last day of shorter months', () => {
    expect(
      dates({
        pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
        range: { type: 'numbered', startDate: '2026-01-31', numberOfOccurrences: 4 },
      }),
    ).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
  });
  it('absoluteYearly and relativeYearly', () => {
    expect(
      dates({
        pattern: { type: 'absoluteYearly', interval: 1, month: 2, dayOfMonth: 29 },
        range: { type: 'numbered', startDate: '2028-02-29', numberOfOccurrences: 2 },
      }),
    ).toEqual(['2028-02-29', '2029-02-28']);
    expect(
      dates({
        pattern: { type: 'relativeYearly', interval: 1, month: 11, daysOfWeek: ['thursday'], index: 'fourth' },
        range: { type: 'numbered', startDate: '2026-01-01', numberOfOccurrences: 2 },
      }),
    ).toEqual(['2026-11-26', '2027-11-25']);
  });
  it('noEnd stops at the horizon asked for', () => {
    expect(
      dates(
        {
          pattern: { type: 'relativeMonthly', interval: 2, daysOfWeek: ['monday'], index: 'first' },
          range: { type: 'noEnd', startDate: '2026-01-01' },
        },
        '2026-07-01',
      ),
    ).toEqual(['2026-01-05', '2026-03-02', '2026-05-04']);
  });
  it('rejects unknown properties and missing required ones', () => {
    expect(() =>
      parseRecurrence(
        { pattern: { type: 'daily', interval: 1, extra: 1 }, range: { type: 'noEnd', startDate: '2026-01-01' } },
        'UTC',
      ),
    ).toThrow();
    expect(() =>
      parseRecurrence(
        { pattern: { type: 'absoluteMonthly', interval: 1 }, range: { type: 'noEnd', startDate: '2026-01-01' } },
        'UTC',
      ),
    ).toThrow(/DayOfMonth/);
    expect(() =>
      parseRecurrence(
        { pattern: { type: 'daily', interval: 1 }, range: { type: 'endDate', startDate: '2026-01-01' } },
        'UTC',
      ),
    ).toThrow();
  });
});

describe('time zones', () => {
  it('converts wall times in DST gaps and overlaps like Outlook (gap forward, overlap earlier)', () => {
    const gap = wallToUtc({ y: 2026, mo: 3, d: 29, h: 2, mi: 30, s: 0 }, 'Europe/Berlin');
    expect(formatInZone(gap, 'Europe/Berlin')).toBe('2026-03-29T03:30:00.0000000');
    const overlap = wallToUtc({ y: 2026, mo: 10, d: 25, h: 2, mi: 30, s: 0 }, 'Europe/Berlin');
    expect(new Date(overlap).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});
