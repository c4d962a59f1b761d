import { describe, expect, it } from 'vitest';
import type { SeriesShape } from '../../crm/events/seriesExceptions.js';
import { exceptionsInOutlook, instancesByDate, type GraphInstance } from './seriesInstances.js';

const series: SeriesShape = {
  subject: 'Board call',
  description: '',
  location: '',
  start: '2027-01-07T09:00:00',
  end: '2027-01-07T10:00:00',
  timeZone: 'America/New_York',
  isAllDay: false,
  recurrence: {
    pattern: { type: 'weekly', interval: 1, daysOfWeek: ['thursday'] },
    range: { type: 'numbered', startDate: '2027-01-07', numberOfOccurrences: 3 },
  },
};
const window = { start: new Date('2026-12-01T00:00:00Z'), end: new Date('2027-12-01T00:00:00Z') };
const instance = (originalStart: string, start: string, location = ''): GraphInstance => ({
  id: `occ-${originalStart}`,
  type: 'occurrence',
  originalStart,
  start: { dateTime: start, timeZone: 'UTC' },
  end: { dateTime: start.replace('T14', 'T15').replace('T16', 'T17'), timeZone: 'UTC' },
  subject: 'Board call',
  location: { displayName: location },
  body: { contentType: 'text', content: '' },
});

describe('reading a series from its instances', () => {
  it('takes a gap for a cancellation and a differing instance for a change, in the series’ zone', () => {
    const byDate = instancesByDate(
      series,
      [
        instance('2027-01-07T14:00:00Z', '2027-01-07T14:00:00'),
        instance('2027-01-21T14:00:00Z', '2027-01-21T16:00:00', 'Room 2'),
      ],
      window,
    )!;
    expect(exceptionsInOutlook(series, byDate, ['2027-01-07', '2027-01-14', '2027-01-21'])).toEqual([
      { date: '2027-01-14', cancelled: true },
      { date: '2027-01-21', location: 'Room 2', start: '2027-01-21T11:00:00', end: '2027-01-21T12:00:00' },
    ]);
  });

  it('refuses to read a series whose instances fall on dates the pattern does not have, rather than cancel every occurrence', () => {
    // Original starts a day off (as if read in the wrong zone): nothing may be taken for cancelled.
    expect(instancesByDate(series, [instance('2027-01-06T14:00:00Z', '2027-01-06T14:00:00')], window)).toBeUndefined();
    expect(instancesByDate(series, [instance('2027-01-08T14:00:00Z', '2027-01-08T14:00:00')], window)).toBeUndefined();
  });
});
