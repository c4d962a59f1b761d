import { describe, expect, it } from 'vitest';
import { canonicalExceptions, exceptionProblems, occurrencesBetween, type SeriesShape } from './seriesExceptions.js';

// Thursdays at 09:00 Berlin time across the end of summer time (25 October 2026).
const series: SeriesShape = {
  subject: 'Weekly sync',
  description: '',
  location: 'Elbe room',
  start: '2026-10-15T09:00:00',
  end: '2026-10-15T09:30:00',
  timeZone: 'Europe/Berlin',
  isAllDay: false,
  recurrence: {
    pattern: { type: 'weekly', interval: 1, daysOfWeek: ['thursday'] },
    range: { type: 'numbered', startDate: '2026-10-15', numberOfOccurrences: 6 },
  },
};

describe('series exceptions', () => {
  it('keep only what differs from the series, sorted by date', () => {
    const canonical = canonicalExceptions(series, [
      { date: '2026-10-29', location: 'Alster room', subject: 'Weekly sync' },
      { date: '2026-10-22', start: '2026-10-22T09:00:00', end: '2026-10-22T09:30:00' },
      { date: '2026-10-15', cancelled: true },
    ]);
    expect(canonical).toEqual([
      { date: '2026-10-15', cancelled: true },
      { date: '2026-10-29', location: 'Alster room' },
    ]);
  });

  it('name dates that are no occurrence, times out of order and moves past a neighbour', () => {
    expect(exceptionProblems(series, [{ date: '2026-10-16', cancelled: true }])).toEqual([
      { kind: 'not_an_occurrence', date: '2026-10-16', message: 'the series has no occurrence on 2026-10-16' },
    ]);
    expect(
      exceptionProblems(series, [{ date: '2026-10-22', start: '2026-10-22T10:00', end: '2026-10-22T09:00' }]).map(
        (p) => p.kind,
      ),
    ).toEqual(['times_invalid']);
    expect(
      exceptionProblems(series, [{ date: '2026-10-22', start: '2026-10-29T10:00', end: '2026-10-29T11:00' }]).map(
        (p) => p.kind,
      ),
    ).toEqual(['crosses_neighbour']);
    expect(
      exceptionProblems(series, [{ date: '2026-10-22', start: '2026-10-23T10:00', end: '2026-10-23T11:00' }]),
    ).toEqual([]);
    expect(
      exceptionProblems({ ...series, recurrence: null }, [{ date: '2026-10-15', cancelled: true }]).map((p) => p.kind),
    ).toEqual(['not_a_series']);
  });

  it('lay out occurrences at the same wall-clock time across the daylight-saving change, exceptions applied', () => {
    const occurrences = occurrencesBetween(
      series,
      [
        { date: '2026-10-22', cancelled: true },
        { date: '2026-10-29', location: 'Alster room' },
      ],
      '2026-10-20',
      '2026-11-30',
    );
    expect(occurrences.map((o) => [o.date, o.start.slice(11), o.end.slice(11), o.location, o.cancelled])).toEqual([
      ['2026-10-22', '09:00:00', '09:30:00', 'Elbe room', true],
      ['2026-10-29', '09:00:00', '09:30:00', 'Alster room', false],
      ['2026-11-05', '09:00:00', '09:30:00', 'Elbe room', false],
      ['2026-11-12', '09:00:00', '09:30:00', 'Elbe room', false],
      ['2026-11-19', '09:00:00', '09:30:00', 'Elbe room', false],
    ]);
  });
});
