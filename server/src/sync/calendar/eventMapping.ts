import type { RecurrencePattern, RecurrenceRange } from '@microsoft/microsoft-graph-types';
import type { Attendee, NewEvent, Recurrence } from '../../../../common/api/events.js';
import { SHOW_AS } from '../../../../common/api/enums.js';
import type { CrmEvent } from '../../crm/events/eventRecords.js';
import { localToUtc, normalizeLocal, utcToLocal } from '../../../../common/time/wallClock.js';
import { htmlToText } from '../htmlText.js';
import { ianaTimeZone } from '../../../../common/time/windowsZones.js';
import { CRM_EVENT_ID_PROPERTY, type GraphDateTime, type GraphEvent } from './graphEvent.js';

export interface ToGraphOptions {
  /**
   * Attendees make Exchange send meeting requests. Only events created in the CRM after sync was enabled carry
   * them, which is when Outlook would also have sent the invitations; history never mails anyone.
   */
  includeAttendees: boolean;
  transactionId?: string;
}

/** The Graph event body for a CRM event, times in the event's own IANA zone. */
export function toGraphEvent(event: CrmEvent, options: ToGraphOptions): Record<string, unknown> {
  return {
    subject: event.subject,
    body: { contentType: 'text', content: event.description },
    start: { dateTime: event.start, timeZone: event.timeZone },
    end: { dateTime: event.end, timeZone: event.timeZone },
    isAllDay: event.isAllDay,
    location: { displayName: event.location },
    isReminderOn: event.reminderMinutes !== null,
    ...(event.reminderMinutes !== null ? { reminderMinutesBeforeStart: event.reminderMinutes } : {}),
    showAs: event.showAs,
    recurrence: event.recurrence
      ? { pattern: event.recurrence.pattern, range: { ...event.recurrence.range, recurrenceTimeZone: event.timeZone } }
      : null,
    ...(options.includeAttendees
      ? {
          attendees: event.attendees.map((a) => ({
            type: a.type,
            emailAddress: { address: a.email, ...(a.name ? { name: a.name } : {}) },
          })),
        }
      : {}),
    ...(options.transactionId
      ? {
          transactionId: options.transactionId,
          singleValueExtendedProperties: [{ id: CRM_EVENT_ID_PROPERTY, value: event.id }],
        }
      : {}),
  };
}

/**
 * A Graph event as CRM event content. Times come back in UTC (or the zone asked for) and are turned into
 * wall-clock time in the event's zone: Outlook's originalStartTimeZone when it names one we know, else the
 * zone the CRM event already had, else UTC. All-day events are dates, never shifted.
 */
export function fromGraphEvent(item: GraphEvent, existingZone: string | undefined): NewEvent {
  const zone = ianaTimeZone(item.originalStartTimeZone) ?? existingZone ?? 'UTC';
  const isAllDay = item.isAllDay === true;
  return {
    subject: (item.subject ?? '').trim() || '(no subject)',
    description: item.body?.content
      ? item.body.contentType?.toLowerCase() === 'html'
        ? htmlToText(item.body.content)
        : item.body.content
      : '',
    location: item.location?.displayName ?? '',
    start: wallClock(item.start!, zone, isAllDay),
    end: wallClock(item.end!, zone, isAllDay),
    timeZone: zone === 'Etc/UTC' ? 'UTC' : zone,
    isAllDay,
    attendees: (item.attendees ?? []).flatMap(({ type, emailAddress }): Attendee[] =>
      type === 'resource' || !emailAddress?.address
        ? []
        : [
            {
              email: emailAddress.address,
              ...(emailAddress.name ? { name: emailAddress.name } : {}),
              type: type === 'optional' ? 'optional' : 'required',
            },
          ],
    ),
    reminderMinutes: item.isReminderOn ? (item.reminderMinutesBeforeStart ?? 15) : null,
    showAs: (SHOW_AS as readonly string[]).includes(item.showAs ?? '') ? (item.showAs as NewEvent['showAs']) : 'busy',
    recurrence:
      item.recurrence?.pattern && item.recurrence.range
        ? recurrenceFrom(item.recurrence.pattern, item.recurrence.range)
        : null,
    // A series' exceptions come from its instances (seriesSync.ts), not from the master itself.
    exceptions: [],
  };
}

// Graph's dateTime: a local date and time without offset, fractions optional (2026-12-03T09:00:00.0000000).
const GRAPH_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function wallClock(value: GraphDateTime, zone: string, isAllDay: boolean): string {
  // Anything else is an item we cannot read (it counts against that item, engine/itemFailureReason.ts).
  if (!GRAPH_DATE_TIME.test(value.dateTime))
    throw new RangeError(`not a Graph dateTime: ${value.dateTime.slice(0, 40)}`);
  const local = normalizeLocal(value.dateTime.slice(0, 19));
  if (isAllDay) return `${local.slice(0, 10)}T00:00:00`;
  const sourceZone = ianaTimeZone(value.timeZone) ?? 'UTC';
  if (sourceZone === zone) return local;
  return utcToLocal(localToUtc(local, sourceZone), zone);
}

function recurrenceFrom(pattern: RecurrencePattern, range: RecurrenceRange): Recurrence {
  const keep = <T extends object>(source: T, keys: string[]) =>
    Object.fromEntries(
      Object.entries(source).filter(
        ([key, value]) =>
          keys.includes(key) &&
          value !== null &&
          value !== undefined &&
          value !== 0 &&
          !(Array.isArray(value) && value.length === 0),
      ),
    );
  const patternKeys = ['type', 'interval', 'daysOfWeek', 'dayOfMonth', 'month', 'index', 'firstDayOfWeek'];
  const cleanPattern = keep(pattern, patternKeys) as Recurrence['pattern'];
  // Graph fills index and firstDayOfWeek with defaults on every pattern; they mean something only here.
  if (!cleanPattern.type.startsWith('relative')) delete cleanPattern.index;
  if (cleanPattern.type !== 'weekly' || cleanPattern.firstDayOfWeek === 'sunday') delete cleanPattern.firstDayOfWeek;
  const cleanRange = keep(range, ['type', 'startDate', 'endDate', 'numberOfOccurrences']) as Recurrence['range'];
  if (cleanRange.type !== 'endDate') delete cleanRange.endDate;
  if (cleanRange.type !== 'numbered') delete cleanRange.numberOfOccurrences;
  return { pattern: cleanPattern, range: cleanRange };
}
