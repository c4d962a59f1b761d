import type { EventRow } from '../../store/schema.js';
import { localToUtc } from '../../../../common/time/wallClock.js';
import type { ShowAs } from '../../../../common/api/enums.js';
import type { Attendee, CrmEvent, NewEvent, Recurrence, SeriesException } from '../../../../common/api/events.js';
import { canonicalExceptions } from './seriesExceptions.js';

/** An event as the API, the add-in and the sync engine see it (the contract's shape). */
export type { CrmEvent };

export function eventFromRow(row: EventRow): CrmEvent {
  return {
    id: row.id,
    ownerId: row.owner_user_id,
    subject: row.subject,
    description: row.description,
    location: row.location,
    start: row.start_local,
    end: row.end_local,
    timeZone: row.time_zone,
    isAllDay: row.is_all_day === 1,
    attendees: JSON.parse(row.attendees) as Attendee[],
    reminderMinutes: row.reminder_minutes,
    showAs: row.show_as as ShowAs,
    recurrence: row.recurrence ? (JSON.parse(row.recurrence) as Recurrence) : null,
    exceptions: JSON.parse(row.exceptions) as SeriesException[],
    iCalUId: row.ical_uid,
    origin: row.origin,
    syncEligible: row.sync_eligible === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stored columns for an event's content (not its identity, owner or bookkeeping). */
export function contentColumns(event: NewEvent) {
  return {
    subject: event.subject,
    description: event.description,
    location: event.location,
    start_local: event.start,
    end_local: event.end,
    time_zone: event.timeZone,
    start_utc: localToUtc(event.start, event.timeZone),
    end_utc: localToUtc(event.end, event.timeZone),
    is_all_day: event.isAllDay ? 1 : 0,
    attendees: JSON.stringify(event.attendees),
    reminder_minutes: event.reminderMinutes,
    show_as: event.showAs,
    recurrence: event.recurrence ? JSON.stringify(event.recurrence) : null,
    exceptions: JSON.stringify(event.recurrence ? canonicalExceptions(event, event.exceptions) : []),
  };
}

/** The content fields of a stored event, in input form (for merging changes). */
export function contentOf(event: CrmEvent): NewEvent {
  return {
    subject: event.subject,
    description: event.description,
    location: event.location,
    start: event.start,
    end: event.end,
    timeZone: event.timeZone,
    isAllDay: event.isAllDay,
    attendees: event.attendees,
    reminderMinutes: event.reminderMinutes,
    showAs: event.showAs,
    recurrence: event.recurrence,
    exceptions: event.exceptions,
  };
}
