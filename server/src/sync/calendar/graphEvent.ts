import type { DateTimeTimeZone, Event } from '@microsoft/microsoft-graph-types';

/** A time as Graph gives it in an event's `start` and `end`: both parts are always present. */
export type GraphDateTime = Required<{ [Key in keyof DateTimeTimeZone]: NonNullable<DateTimeTimeZone[Key]> }>;

/**
 * Graph's event as the calendar sync reads it: always with its id, with the removal mark of a delta page, and with
 * `start` and `end` complete when present.
 */
export type GraphEvent = Omit<Event, 'id' | 'start' | 'end'> & {
  id: string;
  '@removed'?: { reason: string };
  start?: GraphDateTime;
  end?: GraphDateTime;
};

/**
 * The single-value extended property that stamps our event id on the Outlook item
 * (docs/graph-behaviour.md#extended-property-stamps).
 */
export const CRM_EVENT_ID_PROPERTY = 'String {3c7e9a41-6b2f-4d8e-a1c5-9f0b2e4d6a83} Name CrmEventId';
