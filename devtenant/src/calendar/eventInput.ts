import type * as Graph from '@microsoft/microsoft-graph-types';
import { GraphError } from '../graph/graphError.js';
import { wrapHtmlBody } from '../graph/messageResource.js';
import type {
  EventFields,
  ExtendedProperty,
  PatternedRecurrence,
  StoredAttendee,
  StoredLocation,
} from '../state/calendarStore.js';
import { parseRecurrence } from './recurrence.js';
import { canonicalZoneName, parseWallTime, requireZone, wallParts, wallToUtc } from './timeZones.js';

/** What a create or PATCH body says, normalised. Absent keys were not in the body. */
export interface EventInput {
  fields: Partial<EventFields>;
  recurrence?: PatternedRecurrence | null;
  transactionId?: string;
  extendedProperties?: ExtendedProperty[];
}

const WRITABLE = new Set([
  'subject',
  'body',
  'start',
  'end',
  'isAllDay',
  'location',
  'locations',
  'attendees',
  'showAs',
  'sensitivity',
  'importance',
  'categories',
  'isReminderOn',
  'reminderMinutesBeforeStart',
  'responseRequested',
  'hideAttendees',
  'allowNewTimeProposals',
  'recurrence',
  'transactionId',
  'singleValueExtendedProperties',
  'isOnlineMeeting',
  'onlineMeetingProvider',
]);
/** Read-only properties a client may echo back from a GET; Graph ignores them. */
const IGNORED = new Set([
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'iCalUId',
  'uid',
  'type',
  'seriesMasterId',
  'organizer',
  'isOrganizer',
  'webLink',
  'bodyPreview',
  'hasAttachments',
  'isCancelled',
  'isDraft',
  'responseStatus',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'originalStart',
  'onlineMeeting',
  'onlineMeetingUrl',
  'occurrenceId',
  'cancelledOccurrences',
  'exceptionOccurrences',
  'calendar',
  'extensions',
]);

type EnumField = 'showAs' | 'sensitivity' | 'importance';
const ENUMS: { [Name in EnumField]: { type: string; values: EventFields[Name][] } } = {
  showAs: { type: 'freeBusyStatus', values: ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] },
  sensitivity: { type: 'sensitivity', values: ['normal', 'personal', 'private', 'confidential'] },
  importance: { type: 'importance', values: ['low', 'normal', 'high'] },
};

function bad(message: string, code = 'ErrorInvalidRequest'): GraphError {
  return new GraphError(400, code, message);
}

function enumValue<Name extends EnumField>(name: Name, raw: unknown): EventFields[Name] {
  const spec = ENUMS[name];
  const found =
    typeof raw === 'string'
      ? spec.values.find((v: EventFields[Name]) => v.toLowerCase() === raw.toLowerCase())
      : undefined;
  if (!found)
    throw bad(
      `Cannot convert the literal '${String(raw)}' to the expected type 'microsoft.graph.${spec.type}'.`,
      'RequestBodyRead',
    );
  return found;
}

function dateTimeTimeZone(raw: unknown, name: string): { utc: number; zoneName: string; zone: string } {
  if (!raw || typeof raw !== 'object')
    throw bad(`The property '${name}' must be a dateTimeTimeZone.`, 'RequestBodyRead');
  const { dateTime, timeZone } = raw as { dateTime?: unknown; timeZone?: unknown };
  if (typeof dateTime !== 'string') throw bad(`The property '${name}.dateTime' is required.`, 'RequestBodyRead');
  const wall = parseWallTime(dateTime);
  if (!wall)
    throw bad(`The value '${dateTime}' of '${name}.dateTime' is not a valid date and time.`, 'RequestBodyRead');
  const zoneName = typeof timeZone === 'string' && timeZone.trim() ? canonicalZoneName(timeZone) : 'UTC';
  const zone = requireZone(zoneName);
  return { utc: wallToUtc(wall, zone), zoneName, zone };
}

function location(raw: unknown): StoredLocation {
  if (raw === null) return { displayName: '' };
  if (!raw || typeof raw !== 'object') throw bad("The property 'location' must be an object.", 'RequestBodyRead');
  const l = raw as Record<string, unknown>;
  return {
    displayName: typeof l.displayName === 'string' ? l.displayName : '',
    ...(typeof l.locationType === 'string' ? { locationType: l.locationType as Graph.LocationType } : {}),
    ...(typeof l.uniqueId === 'string' ? { uniqueId: l.uniqueId } : {}),
    ...(typeof l.uniqueIdType === 'string' ? { uniqueIdType: l.uniqueIdType as Graph.LocationUniqueIdType } : {}),
    ...(typeof l.locationUri === 'string' ? { locationUri: l.locationUri } : {}),
    ...(l.address && typeof l.address === 'object' ? { address: l.address } : {}),
    ...(l.coordinates && typeof l.coordinates === 'object' ? { coordinates: l.coordinates } : {}),
  };
}

const SMTP = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

function attendees(raw: unknown): StoredAttendee[] {
  if (!Array.isArray(raw)) throw bad("The property 'attendees' must be an array.", 'RequestBodyRead');
  if (raw.length > 500) throw bad('An event can have at most 500 attendees.');
  return raw.map(
    (
      a: {
        type?: unknown;
        emailAddress?: { address?: unknown; name?: unknown };
        status?: { response?: unknown; time?: unknown };
      } | null,
    ) => {
      const address = typeof a?.emailAddress?.address === 'string' ? a.emailAddress.address.trim() : '';
      if (!a || !SMTP.test(address))
        throw bad(
          `At least one recipient isn't valid., Recipient '${address}' isn't resolved.`,
          'ErrorInvalidRecipients',
        );
      const type =
        typeof a.type === 'string'
          ? ['required', 'optional', 'resource'].find((t) => t === a.type!.toString().toLowerCase())
          : 'required';
      if (!type)
        throw bad(
          `Cannot convert the literal '${String(a.type)}' to the expected type 'microsoft.graph.attendeeType'.`,
          'RequestBodyRead',
        );
      return {
        type: type as StoredAttendee['type'],
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
        emailAddress: { name: typeof a.emailAddress?.name === 'string' ? a.emailAddress.name : address, address },
      };
    },
  );
}

function isMidnight(ms: number, zone: string): boolean {
  const w = wallParts(ms, zone);
  return w.h === 0 && w.mi === 0 && w.s === 0 && ms % 1000 === 0;
}

/** Parses a create or PATCH body like Graph: unknown properties and wrong types are 400. */
export function parseEventInput(body: unknown): EventInput {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw bad('Empty Payload. JSON content expected.');
  const b = body as Record<string, unknown>;
  const fields: Partial<EventFields> = {};
  const out: EventInput = { fields };
  for (const key of Object.keys(b)) {
    if (key.startsWith('@odata.') || IGNORED.has(key)) continue;
    if (!WRITABLE.has(key)) {
      throw bad(
        `The property '${key}' does not exist on type 'microsoft.graph.event'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
        'RequestBodyRead',
      );
    }
  }
  if ('subject' in b) fields.subject = b.subject === null ? '' : String(b.subject);
  if ('body' in b && b.body) {
    const raw = b.body as { contentType?: unknown; content?: unknown };
    const type = String(raw.contentType ?? 'text').toLowerCase();
    if (type !== 'text' && type !== 'html')
      throw bad(
        `Cannot convert the literal '${String(raw.contentType)}' to the expected type 'microsoft.graph.bodyType'.`,
        'RequestBodyRead',
      );
    const content = typeof raw.content === 'string' ? raw.content : '';
    fields.body =
      type === 'html' ? { contentType: 'html', content: wrapHtmlBody(content) } : { contentType: 'text', content };
  }
  let startZone: string | undefined;
  let endZone: string | undefined;
  if ('start' in b) {
    const s = dateTimeTimeZone(b.start, 'start');
    fields.startUtc = s.utc;
    fields.startZone = s.zoneName;
    startZone = s.zone;
  }
  if ('end' in b) {
    const e = dateTimeTimeZone(b.end, 'end');
    fields.endUtc = e.utc;
    fields.endZone = e.zoneName;
    endZone = e.zone;
  }
  void startZone;
  void endZone;
  if ('isAllDay' in b) {
    if (typeof b.isAllDay !== 'boolean') throw bad("The property 'isAllDay' must be a Boolean.", 'RequestBodyRead');
    fields.isAllDay = b.isAllDay;
  }
  if ('location' in b) {
    fields.location = location(b.location);
    fields.locations = fields.location.displayName ? [fields.location] : [];
  }
  if ('locations' in b) {
    if (!Array.isArray(b.locations)) throw bad("The property 'locations' must be an array.", 'RequestBodyRead');
    fields.locations = b.locations.map(location);
    if (!('location' in b)) {
      const names = fields.locations.map((l) => l.displayName).filter(Boolean);
      fields.location =
        names.length <= 1
          ? (fields.locations[0] ?? { displayName: '' })
          : { displayName: names.join('; '), locationType: 'default', uniqueIdType: 'private' };
    }
  }
  if ('attendees' in b) fields.attendees = b.attendees === null ? [] : attendees(b.attendees);
  if ('showAs' in b) fields.showAs = enumValue('showAs', b.showAs);
  if ('sensitivity' in b) fields.sensitivity = enumValue('sensitivity', b.sensitivity);
  if ('importance' in b) fields.importance = enumValue('importance', b.importance);
  if ('categories' in b) {
    if (!Array.isArray(b.categories) || b.categories.some((c) => typeof c !== 'string'))
      throw bad("The property 'categories' must be an array of strings.", 'RequestBodyRead');
    fields.categories = b.categories as string[];
  }
  for (const name of ['isReminderOn', 'responseRequested', 'hideAttendees', 'allowNewTimeProposals'] as const) {
    if (name in b) {
      if (typeof b[name] !== 'boolean') throw bad(`The property '${name}' must be a Boolean.`, 'RequestBodyRead');
      fields[name] = b[name];
    }
  }
  if ('reminderMinutesBeforeStart' in b) {
    if (!Number.isInteger(b.reminderMinutesBeforeStart))
      throw bad("The property 'reminderMinutesBeforeStart' must be an integer.", 'RequestBodyRead');
    fields.reminderMinutesBeforeStart = b.reminderMinutesBeforeStart as number;
  }
  if ('recurrence' in b) out.recurrence = parseRecurrence(b.recurrence, fields.startZone ?? 'UTC');
  if ('transactionId' in b && b.transactionId !== null) out.transactionId = String(b.transactionId);
  if ('singleValueExtendedProperties' in b) {
    if (!Array.isArray(b.singleValueExtendedProperties))
      throw bad("The property 'singleValueExtendedProperties' must be an array.", 'RequestBodyRead');
    out.extendedProperties = parseExtendedProperties(b.singleValueExtendedProperties);
  }
  return out;
}

/** `singleValueExtendedProperties` of a write body (events and contacts): `{id, value}` with a valid property id. */
export function parseExtendedProperties(list: unknown[]): ExtendedProperty[] {
  return list.map((raw) => {
    const p = raw as { id?: unknown; value?: unknown } | null;
    if (
      typeof p?.id !== 'string' ||
      !/^(String|Integer|Boolean|Long|Double|SystemTime|Guid|Binary)\s+(\{[0-9a-f-]{36}\}\s+(Name|Id)\s+\S.*|0x[0-9a-f]{4,8})$/i.test(
        p.id.trim(),
      )
    ) {
      throw bad(`The extended property id '${String(p?.id)}' is not valid.`, 'ErrorInvalidProperty');
    }
    return { id: p.id.trim(), value: p.value === null || p.value === undefined ? '' : String(p.value) };
  });
}

/** Checks the merged result of a write: end after start, all-day boundaries (midnight in the item's own zone, at least a day). */
export function validateTimes(
  f: Pick<EventFields, 'startUtc' | 'endUtc' | 'startZone' | 'endZone' | 'isAllDay'>,
): void {
  if (f.endUtc < f.startUtc) throw bad('The end time of an event must be after its start time.');
  if (f.isAllDay) {
    if (!isMidnight(f.startUtc, requireZone(f.startZone)) || !isMidnight(f.endUtc, requireZone(f.endZone))) {
      throw bad(
        "Your request can't be completed. If the event is an all-day event, the start and end time must be set to midnight (00:00:00) in the same time zone.",
        'ErrorPropertyValidationFailure',
      );
    }
    if (f.endUtc - f.startUtc < 23 * 3_600_000)
      throw bad(
        'The duration of an event marked as All day must be at least 24 hours.',
        'ErrorPropertyValidationFailure',
      );
  }
}
