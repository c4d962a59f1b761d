import { describe, expect, it } from 'vitest';
import { newEventSchema } from '../../../common/api/events';
import type { CrmEvent } from '../api/types';
import {
  allDayUntil,
  appendPage,
  changesBetween,
  dropsExceptions,
  formatWeekdayDay,
  formFromEvent,
  groupByDay,
  inputFromForm,
  newEventForm,
  reloadLimit,
  shiftEnd,
  shownTimes,
  splitEmails,
  timeRange,
  wallTimesOf,
  type EventForm,
} from './model';
import { noRepeat } from './recurrence';

/** An event as the service answers it: the contract's defaults for what a test leaves out. */
function event(overrides: Partial<CrmEvent>): CrmEvent {
  return {
    id: overrides.subject ?? 'e',
    ...newEventSchema.parse({
      subject: 'Meeting',
      start: '2026-05-04T09:00:00',
      end: '2026-05-04T10:00:00',
      timeZone: 'Europe/Berlin',
    }),
    iCalUId: null,
    origin: 'crm',
    syncEligible: true,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ownerId: 'u1',
    ...overrides,
  };
}

describe('the events view lists', () => {
  const weekly = {
    pattern: { type: 'weekly' as const, interval: 1, daysOfWeek: ['monday' as const] },
    range: { type: 'noEnd' as const, startDate: '2026-02-02' },
  };

  it('show a series at the occurrence it is placed by, a single event at its own times', () => {
    expect(shownTimes(event({ start: '2026-05-04T09:00:00', end: '2026-05-04T10:00:00' }))).toEqual({
      start: '2026-05-04T09:00:00',
      end: '2026-05-04T10:00:00',
    });
    const series = event({ start: '2026-02-02T09:00:00', end: '2026-02-02T10:00:00', recurrence: weekly });
    expect(shownTimes({ ...series, next: { start: '2026-05-11T09:00:00', end: '2026-05-11T10:00:00' } })).toEqual({
      start: '2026-05-11T09:00:00',
      end: '2026-05-11T10:00:00',
    });
    expect(shownTimes({ ...series, last: { start: '2026-03-30T09:00:00', end: '2026-03-30T10:00:00' } }).start).toBe(
      '2026-03-30T09:00:00',
    );
  });

  it('group by the day each is shown on, keeping the service’s order', () => {
    const groups = groupByDay([
      event({ subject: 'Running now', start: '2026-05-04T13:30:00', end: '2026-05-04T15:00:00' }),
      event({
        subject: 'Tonight NY',
        start: '2026-05-04T09:00:00',
        end: '2026-05-04T10:00:00',
        timeZone: 'America/New_York',
      }),
      {
        ...event({
          subject: 'Weekly since February',
          start: '2026-02-02T09:00:00',
          end: '2026-02-02T10:00:00',
          recurrence: weekly,
        }),
        next: { start: '2026-05-05T09:00:00', end: '2026-05-05T10:00:00' },
      },
      event({ subject: 'Wednesday', start: '2026-05-06T08:00:00', end: '2026-05-06T09:00:00' }),
    ]);
    expect(groups.map((g) => [g.date, g.events.map((e) => e.subject)])).toEqual([
      ['2026-05-04', ['Running now', 'Tonight NY']],
      ['2026-05-05', ['Weekly since February']],
      ['2026-05-06', ['Wednesday']],
    ]);
  });

  it('put events that start at the same moment in subject order', () => {
    const at = (subject: string, id: string, timeZone = 'Europe/Berlin', start = '2026-05-05T08:00:00') =>
      event({ subject, id, timeZone, start, end: '2026-05-05T09:00:00' });
    const groups = groupByDay([
      at('Visit 10', 'x'),
      at('Visit 2', 'y'),
      at('Visit 1 London', 'z', 'Europe/London', '2026-05-05T07:00:00'),
      at('Later', 'w', 'Europe/Berlin', '2026-05-05T08:30:00'),
    ]);
    expect(groups.map((g) => g.events.map((e) => e.subject))).toEqual([
      ['Visit 1 London', 'Visit 10', 'Visit 2', 'Later'],
    ]);
  });

  it('add a page without showing an event twice, and load again as many as are shown', () => {
    const [a, b, c] = ['A', 'B', 'C'].map((subject) => event({ subject }));
    expect(appendPage([a!, b!], [b!, c!]).map((e) => e.subject)).toEqual(['A', 'B', 'C']);
    expect(reloadLimit(0, 50)).toBe(50);
    expect(reloadLimit(120, 50)).toBe(120);
    expect(reloadLimit(2000, 50)).toBe(500);
  });
});

describe('time ranges', () => {
  it('shows the clock in the event zone, the end date when it ends on another day, nothing for all-day', () => {
    expect(timeRange(event({}), 'en')).toBe('09:00–10:00');
    expect(timeRange(event({ end: '2026-05-05T01:00:00' }), 'de')).toBe('09:00 – 05.05.2026, 01:00');
    expect(timeRange(event({ isAllDay: true }), 'en')).toBeNull();
  });

  it('names the last day of a multi-day all-day event', () => {
    expect(allDayUntil(event({ isAllDay: true, start: '2026-05-04T00:00:00', end: '2026-05-05T00:00:00' }))).toBeNull();
    expect(allDayUntil(event({ isAllDay: true, start: '2026-05-04T00:00:00', end: '2026-05-07T00:00:00' }))).toBe(
      '2026-05-06',
    );
  });
});

describe('the event form', () => {
  const form: EventForm = {
    subject: ' Kickoff ',
    start: '2026-05-04T09:00',
    end: '2026-05-04T10:00',
    isAllDay: false,
    timeZone: 'Europe/Berlin',
    location: ' Room 1 ',
    description: 'Agenda',
    attendees: 'a@example.com, b@example.com;a@example.com',
    repeat: noRepeat(),
  };

  it('starts at the next full hour in the given zone', () => {
    expect(newEventForm(Date.parse('2026-05-04T07:20:00Z'), 'Europe/Berlin')).toMatchObject({
      start: '2026-05-04T10:00',
      end: '2026-05-04T11:00',
      timeZone: 'Europe/Berlin',
    });
    expect(newEventForm(Date.parse('2026-05-04T22:10:00Z'), 'UTC')).toMatchObject({
      start: '2026-05-04T23:00',
      end: '2026-05-05T00:00',
    });
    expect(newEventForm(Date.parse('2026-05-04T23:10:00Z'), 'UTC')).toMatchObject({
      start: '2026-05-05T00:00',
      end: '2026-05-05T01:00',
    });
  });

  it('turns into the POST body', () => {
    expect(inputFromForm(form).input).toEqual({
      subject: 'Kickoff',
      start: '2026-05-04T09:00',
      end: '2026-05-04T10:00',
      timeZone: 'Europe/Berlin',
      isAllDay: false,
      location: 'Room 1',
      description: 'Agenda',
      attendees: [{ email: 'a@example.com' }, { email: 'b@example.com' }],
      recurrence: null,
    });
  });

  it('sends all-day events from midnight to the midnight after the last day', () => {
    const input = inputFromForm({ ...form, isAllDay: true, start: '2026-05-04T09:00', end: '2026-05-05T10:00' }).input;
    expect(input).toMatchObject({ start: '2026-05-04T00:00', end: '2026-05-06T00:00', isAllDay: true });
  });

  it('names what is wrong', () => {
    const { problems } = inputFromForm({
      ...form,
      subject: ' ',
      end: '2026-05-04T08:00',
      attendees: 'a@example.com, nope',
    });
    expect(problems).toEqual([
      { field: 'subject', kind: 'required' },
      { field: 'end', kind: 'beforeStart' },
      { field: 'attendees', kind: 'invalidEmail', emails: ['nope'] },
    ]);
  });

  it('round-trips an all-day event through Edit', () => {
    const allDay = event({ isAllDay: true, start: '2026-05-04T00:00:00', end: '2026-05-06T00:00:00' });
    const edit = formFromEvent(allDay);
    expect(edit.end).toBe('2026-05-05T00:00');
    expect(changesBetween(allDay, inputFromForm(edit).input!)).toEqual({});
  });

  it('sends only what changed, keeping attendee names', () => {
    const original = event({ attendees: [{ email: 'A@example.com', name: 'Ann', type: 'optional' }] });
    const edit = { ...formFromEvent(original), subject: 'Renamed', attendees: 'a@example.com, c@example.com' };
    expect(changesBetween(original, inputFromForm(edit).input!)).toEqual({
      subject: 'Renamed',
      attendees: [{ email: 'A@example.com', name: 'Ann', type: 'optional' }, { email: 'c@example.com' }],
    });
  });

  it('sends both times with a new zone', () => {
    const original = event({});
    const edit = { ...formFromEvent(original), timeZone: 'Europe/London' };
    expect(changesBetween(original, inputFromForm(edit).input!)).toEqual({
      timeZone: 'Europe/London',
      start: '2026-05-04T09:00',
      end: '2026-05-04T10:00',
    });
  });

  it('keeps the length when the start moves', () => {
    expect(shiftEnd('2026-05-04T09:00', '2026-05-04T23:30', '2026-05-04T10:00')).toBe('2026-05-05T00:30');
    expect(shiftEnd('', '2026-05-04T09:00', '2026-05-04T10:00')).toBe('2026-05-04T10:00');
  });

  it('reads the inputs as wall times, all-day End as its last day', () => {
    expect(wallTimesOf(false, '2026-05-04T09:00', '2026-05-04T10:00')).toEqual({
      start: '2026-05-04T09:00',
      end: '2026-05-04T10:00',
      problems: [],
    });
    expect(wallTimesOf(true, '2026-05-04T09:00', '2026-05-04T09:00')).toEqual({
      start: '2026-05-04T00:00',
      end: '2026-05-05T00:00',
      problems: [],
    });
    expect(wallTimesOf(false, '', '2026-05-04').problems).toEqual([
      { field: 'start', kind: 'invalid' },
      { field: 'end', kind: 'invalid' },
    ]);
  });

  it('splits e-mail lists', () => {
    expect(splitEmails(' a@x.de ,b@x.de\nA@x.de ')).toEqual(['a@x.de', 'b@x.de']);
  });
});

describe('a series in the event form', () => {
  // 2026-05-14 is a Thursday.
  const weekly = {
    pattern: { type: 'weekly' as const, interval: 1, daysOfWeek: ['thursday' as const] },
    range: { type: 'numbered' as const, startDate: '2026-05-14', numberOfOccurrences: 6 },
  };
  const series = event({
    start: '2026-05-14T09:00:00',
    end: '2026-05-14T09:15:00',
    recurrence: weekly,
    exceptions: [{ date: '2026-05-21', cancelled: true }],
  });

  it('creates a weekly series on the start’s weekday', () => {
    const form: EventForm = {
      ...formFromEvent(event({ start: '2026-05-14T09:00:00', end: '2026-05-14T09:15:00' })),
      repeat: { ...noRepeat(), kind: 'weekly', ends: 'count', count: '6' },
    };
    expect(inputFromForm(form).input?.recurrence).toEqual(weekly);
  });

  it('names a wrong count with the other problems', () => {
    const form: EventForm = {
      ...formFromEvent(series),
      subject: '',
      repeat: { ...noRepeat(), kind: 'daily', ends: 'count', count: '0' },
    };
    expect(inputFromForm(form).problems).toEqual([
      { field: 'subject', kind: 'required' },
      { field: 'repeatCount', kind: 'invalidCount' },
    ]);
  });

  it('sends no recurrence when it stays, so the changed occurrences stay too', () => {
    const changes = changesBetween(series, inputFromForm({ ...formFromEvent(series), subject: 'Renamed' }).input!);
    expect(changes).toEqual({ subject: 'Renamed' });
    expect(dropsExceptions(series, changes)).toBe(false);
  });

  it('keeps a range start made in Outlook while the start day stays', () => {
    const outlook = { ...series, recurrence: { ...weekly, range: { ...weekly.range, startDate: '2026-05-13' } } };
    expect(changesBetween(outlook, inputFromForm(formFromEvent(outlook)).input!)).toEqual({});
  });

  it('moves the pattern with the start, and says that this drops the changed occurrences', () => {
    const form = { ...formFromEvent(series), start: '2026-05-15T09:00', end: '2026-05-15T09:15' };
    const changes = changesBetween(series, inputFromForm(form).input!);
    expect(changes.recurrence).toEqual({
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['friday'] },
      range: { type: 'numbered', startDate: '2026-05-15', numberOfOccurrences: 6 },
    });
    expect(dropsExceptions(series, changes)).toBe(true);
    expect(dropsExceptions({ ...series, exceptions: [] }, changes)).toBe(false);
  });

  it('ends a series when Repeat is turned off', () => {
    const form = { ...formFromEvent(series), repeat: noRepeat() };
    expect(changesBetween(series, inputFromForm(form).input!)).toEqual({ recurrence: null });
  });

  it('names an occurrence’s day with its weekday', () => {
    expect(formatWeekdayDay('2026-05-14', 'en')).toMatch(/^Thu,? 14 May 2026$/);
    expect(formatWeekdayDay('2026-05-14', 'de')).toBe('Do., 14. Mai 2026');
  });
});
