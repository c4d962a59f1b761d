import { describe, expect, it } from 'vitest';
import type { Occurrence, Recurrence } from '../api/types';
import {
  fetchOccurrences,
  isMoved,
  neighboursOf,
  occurrenceChanges,
  occurrenceForm,
  occurrenceWindow,
} from './occurrences';

const pattern: Recurrence['pattern'] = { type: 'weekly', interval: 1, daysOfWeek: ['thursday'] };

function occurrence(date: string, overrides: Partial<Occurrence> = {}): Occurrence {
  return {
    date,
    start: `${date}T09:00:00`,
    end: `${date}T09:15:00`,
    subject: 'Stand-up',
    description: '',
    location: 'Elbe room',
    cancelled: false,
    changed: false,
    ...overrides,
  };
}

describe('asking for occurrences', () => {
  it('takes a numbered series in one request, an open one two years at a time, a dated one up to its last day', () => {
    expect(
      occurrenceWindow(
        { pattern, range: { type: 'numbered', startDate: '2026-05-14', numberOfOccurrences: 6 } },
        '2026-06-01',
      ),
    ).toEqual({ from: '2026-06-01', to: '9999-12-31', last: true });
    expect(occurrenceWindow({ pattern, range: { type: 'noEnd', startDate: '2026-05-14' } }, '2026-06-01')).toEqual({
      from: '2026-06-01',
      to: '2028-05-30',
      last: false,
    });
    const dated: Recurrence = { pattern, range: { type: 'endDate', startDate: '2026-05-14', endDate: '2027-01-01' } };
    expect(occurrenceWindow(dated, '2026-06-01')).toEqual({ from: '2026-06-01', to: '2027-01-01', last: true });
    expect(occurrenceWindow(dated, '2027-01-02')).toBeUndefined();
  });

  it('goes on window after window until it has enough, and says where to go on', async () => {
    const asked: string[] = [];
    // A series with one occurrence a year, on 1 June.
    const list = async (from: string, to: string) => {
      asked.push(`${from}..${to}`);
      const found: Occurrence[] = [];
      for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
        const date = `${year}-06-01`;
        if (date >= from && date <= to) found.push(occurrence(date));
      }
      return found;
    };
    const open: Recurrence = {
      pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 1, month: 6 },
      range: { type: 'noEnd', startDate: '2026-06-01' },
    };
    const first = await fetchOccurrences(list, open, '2026-05-14', 3);
    expect(first.occurrences.map((o) => o.date)).toEqual(['2026-06-01', '2027-06-01', '2028-06-01', '2029-06-01']);
    expect(asked).toEqual(['2026-05-14..2028-05-12', '2028-05-13..2030-05-12']);
    expect(first.next).toBe('2030-05-13');
    const dated: Recurrence = { ...open, range: { type: 'endDate', startDate: '2026-06-01', endDate: '2027-12-31' } };
    expect(await fetchOccurrences(list, dated, '2026-05-14', 20)).toMatchObject({ next: null });
    expect((await fetchOccurrences(list, dated, '2028-01-01', 20)).occurrences).toEqual([]);
  });

  it('goes on after the last one when the service answered its most', async () => {
    const full = Array.from({ length: 1000 }, (_, i) =>
      occurrence(`2026-01-01`, { date: `d${String(i).padStart(4, '0')}` }),
    );
    full[999] = occurrence('2028-09-25');
    const result = await fetchOccurrences(
      async () => full,
      { pattern, range: { type: 'noEnd', startDate: '2026-01-01' } },
      '2026-01-01',
      20,
    );
    expect(result.next).toBe('2028-09-26');
  });
});

describe('an occurrence', () => {
  const list = [
    occurrence('2026-05-14'),
    occurrence('2026-05-21', { start: '2026-05-22T09:00:00', end: '2026-05-22T09:15:00', changed: true }),
    occurrence('2026-05-28'),
  ];

  it('knows when it was moved, and its neighbours in the list', () => {
    expect(list.map(isMoved)).toEqual([false, true, false]);
    expect(neighboursOf(list, '2026-05-21')).toEqual({ previous: list[0], next: list[2] });
    expect(neighboursOf(list, '2026-05-14')).toEqual({ previous: undefined, next: list[1] });
    expect(neighboursOf(list, '2026-06-04')).toEqual({});
  });

  it('sends only what changed, start and end together', () => {
    const form = occurrenceForm(list[0]!, false);
    expect(form).toEqual({
      subject: 'Stand-up',
      location: 'Elbe room',
      start: '2026-05-14T09:00',
      end: '2026-05-14T09:15',
    });
    expect(occurrenceChanges(list[0]!, { ...form, location: ' Alster room ' }, false, {})).toEqual({
      changes: { location: 'Alster room' },
      problems: [],
    });
    expect(occurrenceChanges(list[0]!, { ...form, end: '2026-05-14T09:30' }, false, {})).toEqual({
      changes: { start: '2026-05-14T09:00', end: '2026-05-14T09:30' },
      problems: [],
    });
    expect(occurrenceChanges(list[0]!, form, false, {})).toEqual({ changes: {}, problems: [] });
  });

  it('shows an all-day occurrence by its days, and moves it by days', () => {
    const allDay = occurrence('2026-05-14', { start: '2026-05-14T00:00:00', end: '2026-05-15T00:00:00' });
    const form = occurrenceForm(allDay, true);
    expect([form.start, form.end]).toEqual(['2026-05-14T00:00', '2026-05-14T00:00']);
    expect(
      occurrenceChanges(allDay, { ...form, start: '2026-05-15T00:00', end: '2026-05-16T00:00' }, true, {}).changes,
    ).toEqual({ start: '2026-05-15T00:00', end: '2026-05-17T00:00' });
  });

  it('names what is wrong, a move onto or past a neighbour’s day included', () => {
    const form = occurrenceForm(list[1]!, false);
    expect(occurrenceChanges(list[1]!, { ...form, subject: ' ', end: '2026-05-22T08:00' }, false, {}).problems).toEqual(
      [
        { field: 'subject', kind: 'required' },
        { field: 'end', kind: 'beforeStart' },
      ],
    );
    const neighbours = neighboursOf(list, '2026-05-21');
    const to = (day: string) => ({ ...form, start: `${day}T10:00`, end: `${day}T10:15` });
    expect(occurrenceChanges(list[1]!, to('2026-05-14'), false, neighbours).problems).toEqual([
      { field: 'start', kind: 'crossesNeighbour' },
    ]);
    expect(occurrenceChanges(list[1]!, to('2026-05-28'), false, neighbours).problems).toEqual([
      { field: 'start', kind: 'crossesNeighbour' },
    ]);
    expect(occurrenceChanges(list[1]!, to('2026-05-15'), false, neighbours).problems).toEqual([]);
    // Not moved, not checked: the service already holds it this way.
    expect(
      occurrenceChanges(list[1]!, { ...form, location: 'X' }, false, { previous: occurrence('2026-05-22') }).problems,
    ).toEqual([]);
  });
});
