import { graphErrors } from '../graph/graphError.js';
import { bodyPreview, htmlToText } from '../graph/messageResource.js';
import type { StoredCalendar, StoredEvent, StoredLocation } from '../state/calendarStore.js';
import type { EventView } from './eventView.js';
import { formatInZone, requireZone, wallParts } from './timeZones.js';

export interface RenderOptions {
  baseUrl: string;
  /** The zone of start/end in the response: IANA for conversion, the name as asked for the label. */
  zone: string;
  zoneName: string;
  select?: string[];
  /** `$expand=singleValueExtendedProperties($filter=id eq '...')`: the ids to include (empty array = none matched). */
  expandExtended?: string[] | 'all';
  bodyType?: 'text' | 'html';
}

const EVENT_PROPERTIES = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'transactionId',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'iCalUId',
  'uid',
  'reminderMinutesBeforeStart',
  'isReminderOn',
  'hasAttachments',
  'subject',
  'bodyPreview',
  'importance',
  'sensitivity',
  'isAllDay',
  'isCancelled',
  'isOrganizer',
  'responseRequested',
  'seriesMasterId',
  'showAs',
  'type',
  'webLink',
  'onlineMeetingUrl',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'allowNewTimeProposals',
  'isDraft',
  'hideAttendees',
  'originalStart',
  'responseStatus',
  'body',
  'start',
  'end',
  'location',
  'locations',
  'recurrence',
  'attendees',
  'organizer',
  'onlineMeeting',
];

export function parseEventSelect(select: unknown): string[] | undefined {
  if (typeof select !== 'string' || !select.trim()) return undefined;
  return select
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => {
      const found = [...EVENT_PROPERTIES, 'singleValueExtendedProperties'].find(
        (p) => p.toLowerCase() === name.toLowerCase(),
      );
      if (!found)
        throw graphErrors.badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.event'.`);
      return found;
    });
}

/**
 * `$expand=singleValueExtendedProperties($filter=id eq '...')` → the ids asked for; the same for every Outlook item
 * type (`entityType` only names it in the refusal).
 */
export function parseExtendedExpand(
  expand: unknown,
  entityType: 'event' | 'contact' | 'message' = 'event',
): string[] | undefined {
  if (typeof expand !== 'string' || !expand.trim()) return undefined;
  const m = /^\s*singleValueExtendedProperties\s*(?:\(\s*\$filter\s*=\s*(.+)\)\s*)?$/i.exec(expand);
  if (!m)
    throw graphErrors.badRequest(
      `Parsing OData Select and Expand failed: Could not find a property named '${expand.split('(')[0]}' on type 'microsoft.graph.${entityType}'.`,
    );
  if (!m[1]) throw graphErrors.badRequest('The $expand of singleValueExtendedProperties needs a $filter on id.');
  const ids = [...m[1].matchAll(/id\s+eq\s+'((?:[^']|'')*)'/gi)].map((x) => x[1]!.replace(/''/g, "'"));
  if (ids.length === 0)
    throw graphErrors.badRequest('The $expand of singleValueExtendedProperties needs a $filter on id.');
  return ids;
}

export function locationResource(l: StoredLocation): Record<string, unknown> {
  if (!l.displayName)
    return { displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} };
  return {
    displayName: l.displayName,
    locationType: l.locationType ?? 'default',
    uniqueId: l.uniqueId ?? l.displayName,
    uniqueIdType: l.uniqueIdType ?? 'private',
    ...(l.locationUri ? { locationUri: l.locationUri } : {}),
    ...(l.address ? { address: l.address } : {}),
    ...(l.coordinates ? { coordinates: l.coordinates } : {}),
  };
}

/** Writes an instant as Graph's dateTimeTimeZone. All-day items keep their own wall dates (Outlook treats them as floating). */
function dateTimeTimeZone(ms: number, allDay: boolean, ownZoneName: string, opts: RenderOptions) {
  if (allDay) {
    const w = wallParts(ms, requireZone(ownZoneName));
    const date = `${w.y}-${String(w.mo).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
    return { dateTime: `${date}T00:00:00.0000000`, timeZone: opts.zoneName };
  }
  return { dateTime: formatInZone(ms, opts.zone), timeZone: opts.zoneName };
}

/** The Graph `event` resource of a view. Outlook always includes @odata.etag and id, even with $select. */
export function eventResource(v: EventView, opts: RenderOptions): Record<string, unknown> {
  const f = v.fields;
  const e: StoredEvent = v.master;
  const isOcc = v.type === 'occurrence' || v.type === 'exception';
  const body =
    opts.bodyType === 'text' && f.body.contentType === 'html'
      ? { contentType: 'text', content: htmlToText(f.body.content) }
      : f.body;
  const full: Record<string, unknown> = {
    '@odata.etag': `W/"${v.changeKey}"`,
    id: v.id,
    createdDateTime: v.createdDateTime,
    lastModifiedDateTime: v.lastModifiedDateTime,
    changeKey: v.changeKey,
    categories: f.categories,
    transactionId: isOcc ? null : (e.transactionId ?? null),
    originalStartTimeZone: f.startZone,
    originalEndTimeZone: f.endZone,
    iCalUId: v.iCalUId,
    uid: e.iCalUId,
    reminderMinutesBeforeStart: f.reminderMinutesBeforeStart,
    isReminderOn: f.isReminderOn,
    hasAttachments: false,
    subject: f.subject,
    bodyPreview: bodyPreview({ body: f.body }),
    importance: f.importance,
    sensitivity: f.sensitivity,
    isAllDay: f.isAllDay,
    isCancelled: e.isCancelled,
    isOrganizer: e.isOrganizer,
    responseRequested: f.responseRequested,
    seriesMasterId: isOcc ? e.id : null,
    showAs: f.showAs,
    type: v.type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(v.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    allowNewTimeProposals: f.allowNewTimeProposals,
    isDraft: false,
    hideAttendees: f.hideAttendees,
    ...(isOcc ? { originalStart: new Date(v.originalStartUtc!).toISOString().replace('.000Z', 'Z') } : {}),
    responseStatus: e.responseStatus,
    body,
    start: dateTimeTimeZone(f.startUtc, f.isAllDay, f.startZone, opts),
    end: dateTimeTimeZone(f.endUtc, f.isAllDay, f.endZone, opts),
    location: locationResource(f.location),
    locations: f.locations.map(locationResource),
    recurrence:
      isOcc || !e.recurrence
        ? null
        : {
            pattern: e.recurrence.pattern,
            range: e.recurrence.range,
          },
    attendees: f.attendees,
    organizer: e.organizer,
    onlineMeeting: null,
  };
  let out: Record<string, unknown> = full;
  if (opts.select) {
    out = { '@odata.etag': full['@odata.etag'], id: v.id };
    for (const name of opts.select)
      if (name !== 'singleValueExtendedProperties' && name in full) out[name] = full[name];
  }
  if (opts.expandExtended) {
    const wanted = opts.expandExtended;
    const props = e.extendedProperties.filter(
      (p) => wanted === 'all' || wanted.some((id) => id.toLowerCase() === p.id.toLowerCase()),
    );
    if (props.length > 0) out.singleValueExtendedProperties = props.map((p) => ({ id: p.id, value: p.value }));
  }
  return out;
}

export function calendarResource(c: StoredCalendar, owner: { name: string; address: string }): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    color: c.color,
    hexColor: c.hexColor,
    isDefaultCalendar: c.isDefaultCalendar,
    changeKey: c.changeKey,
    canShare: true,
    canViewPrivateItems: true,
    canEdit: true,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    isTallyingResponses: true,
    isRemovable: !c.isDefaultCalendar,
    owner,
  };
}
