import { describe, expect, it } from 'vitest';
import { seriesDates } from './seriesDates.js';

describe('series dates', () => {
  it('places weekly occurrences on the named weekdays from the start date, every n weeks', () => {
    const dates = seriesDates(
      {
        pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday', 'thursday'] },
        range: { type: 'noEnd', startDate: '2026-12-03' },
      },
      '2026-12-31',
    );
    expect(dates).toEqual(['2026-12-03', '2026-12-14', '2026-12-17', '2026-12-28', '2026-12-31']);
  });

  it('stops after the numbered count or the end date, whichever the range says', () => {
    expect(
      seriesDates(
        {
          pattern: { type: 'daily', interval: 3 },
          range: { type: 'numbered', startDate: '2026-01-30', numberOfOccurrences: 3 },
        },
        '2027-01-01',
      ),
    ).toEqual(['2026-01-30', '2026-02-02', '2026-02-05']);
    expect(
      seriesDates(
        {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'endDate', startDate: '2026-01-30', endDate: '2026-02-01' },
        },
        '2027-01-01',
      ),
    ).toEqual(['2026-01-30', '2026-01-31', '2026-02-01']);
  });

  it('puts a day of month past the month’s end on its last day, and finds the last Friday', () => {
    expect(
      seriesDates(
        {
          pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
          range: { type: 'noEnd', startDate: '2027-01-31' },
        },
        '2027-04-30',
      ),
    ).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    expect(
      seriesDates(
        {
          pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['friday'], index: 'last' },
          range: { type: 'numbered', startDate: '2026-11-01', numberOfOccurrences: 2 },
        },
        '2027-12-31',
      ),
    ).toEqual(['2026-11-27', '2026-12-25']);
    expect(
      seriesDates(
        {
          pattern: { type: 'relativeYearly', interval: 1, month: 11, daysOfWeek: ['thursday'], index: 'fourth' },
          range: { type: 'noEnd', startDate: '2026-01-01' },
        },
        '2027-12-31',
      ),
    ).toEqual(['2026-11-26', '2027-11-25']);
  });
});
