import { describe, expect, it } from 'vitest';
import type { CrmEvent } from '../../crm/events/eventRecords.js';
import { fromGraphEvent, toGraphEvent } from './eventMapping.js';

const event: CrmEvent = {
  id: 'e1',
  ownerId: 'u1',
  subject: 'Weekly sync',
  description: 'Agenda:\n1. Numbers',
  location: 'Elbe room',
  start: '2026-03-26T09:00:00',
  end: '2026-03-26T09:30:00',
  timeZone: 'Europe/Berlin',
  isAllDay: false,
  attendees: [{ email: 'megan.bowen@contoso.onmicrosoft.com', name: 'Megan Bowen', type: 'required' }],
  reminderMinutes: 10,
  showAs: 'busy',
  recurrence: {
    pattern: { type: 'weekly', interval: 1, daysOfWeek: ['thursday'] },
    range: { type: 'numbered', startDate: '2026-03-26', numberOfOccurrences: 6 },
  },
  exceptions: [],
  iCalUId: null,
  origin: 'crm',
  syncEligible: true,
  version: 1,
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
};

describe('calendar mapping', () => {
  it('writes times in the event zone and leaves attendees out unless asked', () => {
    const body = toGraphEvent(event, { includeAttendees: false, transactionId: 'tx-1' });
    expect(body).toMatchObject({
      start: { dateTime: '2026-03-26T09:00:00', timeZone: 'Europe/Berlin' },
      recurrence: { range: { recurrenceTimeZone: 'Europe/Berlin' } },
      transactionId: 'tx-1',
    });
    expect(body).not.toHaveProperty('attendees');
    expect(toGraphEvent(event, { includeAttendees: true })).toHaveProperty('attendees', [
      { type: 'required', emailAddress: { address: 'megan.bowen@contoso.onmicrosoft.com', name: 'Megan Bowen' } },
    ]);
  });

  it('reads Graph UTC times back into the same wall-clock time on both sides of a DST change', () => {
    const before = fromGraphEvent(
      {
        id: 'g',
        start: { dateTime: '2026-03-26T08:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2026-03-26T08:30:00.0000000', timeZone: 'UTC' },
        originalStartTimeZone: 'W. Europe Standard Time',
      },
      undefined,
    );
    const after = fromGraphEvent(
      {
        id: 'g',
        start: { dateTime: '2026-04-02T07:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2026-04-02T07:30:00.0000000', timeZone: 'UTC' },
        originalStartTimeZone: 'W. Europe Standard Time',
      },
      undefined,
    );
    expect([before.start, before.timeZone]).toEqual(['2026-03-26T09:00:00', 'Europe/Berlin']);
    expect([after.start, after.timeZone]).toEqual(['2026-04-02T09:00:00', 'Europe/Berlin']);
  });

  it('keeps an Outlook event in a Windows zone outside the common ones, such as Azerbaijan Standard Time', () => {
    const content = fromGraphEvent(
      {
        id: 'g',
        start: { dateTime: '2026-07-01T05:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2026-07-01T06:00:00.0000000', timeZone: 'UTC' },
        originalStartTimeZone: 'Azerbaijan Standard Time',
      },
      'Europe/Berlin',
    );
    expect([content.start, content.end, content.timeZone]).toEqual([
      '2026-07-01T09:00:00',
      '2026-07-01T10:00:00',
      'Asia/Baku',
    ]);
  });

  it('keeps the CRM zone when Outlook names none, and never shifts all-day events', () => {
    const timed = fromGraphEvent(
      {
        id: 'g',
        start: { dateTime: '2026-07-01T13:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-07-01T14:00:00', timeZone: 'UTC' },
      },
      'America/New_York',
    );
    expect([timed.start, timed.timeZone]).toEqual(['2026-07-01T09:00:00', 'America/New_York']);
    const allDay = fromGraphEvent(
      {
        id: 'g',
        isAllDay: true,
        start: { dateTime: '2026-07-01T00:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2026-07-02T00:00:00.0000000', timeZone: 'UTC' },
        originalStartTimeZone: 'Tokyo Standard Time',
      },
      undefined,
    );
    expect([allDay.start, allDay.end, allDay.isAllDay]).toEqual(['2026-07-01T00:00:00', '2026-07-02T00:00:00', true]);
  });

  it('turns an HTML body into text, missing values into defaults, and Graph recurrence noise away', () => {
    const content = fromGraphEvent(
      {
        id: 'g',
        subject: null,
        body: {
          contentType: 'html',
          content:
            '<html><head><meta charset="utf-8"></head><body><p>Line&nbsp;one</p><p>Zwei &amp; drei</p></body></html>',
        },
        start: { dateTime: '2026-07-01T13:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-07-01T14:00:00', timeZone: 'UTC' },
        isReminderOn: false,
        recurrence: {
          pattern: {
            type: 'weekly',
            interval: 1,
            daysOfWeek: ['monday'],
            dayOfMonth: 0,
            month: 0,
            index: 'first',
            firstDayOfWeek: 'sunday',
          },
          range: {
            type: 'noEnd',
            startDate: '2026-07-06',
            endDate: '0001-01-01',
            numberOfOccurrences: 0,
            recurrenceTimeZone: 'W. Europe Standard Time',
          },
        },
      },
      'UTC',
    );
    expect(content).toMatchObject({
      subject: '(no subject)',
      description: 'Line one\nZwei & drei',
      reminderMinutes: null,
      location: '',
    });
    expect(content.recurrence).toEqual({
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
      range: { type: 'noEnd', startDate: '2026-07-06' },
    });
  });

  it('reads the nulls Graph may send (a body without content, an attendee without address) as absent', () => {
    const content = fromGraphEvent(
      {
        id: 'g',
        subject: 'Room check',
        body: { contentType: 'html', content: null },
        start: { dateTime: '2026-07-01T09:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-07-01T10:00:00', timeZone: 'UTC' },
        attendees: [
          { type: 'required', emailAddress: null },
          { type: 'optional', emailAddress: { name: 'No address', address: null } },
          { type: 'optional', emailAddress: { address: 'megan.bowen@contoso.onmicrosoft.com', name: null } },
        ],
        recurrence: { pattern: null, range: null },
      },
      'UTC',
    );
    expect(content).toMatchObject({ subject: 'Room check', description: '', recurrence: null });
    expect(content.attendees).toEqual([{ email: 'megan.bowen@contoso.onmicrosoft.com', type: 'optional' }]);
  });
});
