/** The parts of Graph's event resource the calendar sync reads and writes. */
export interface GraphDateTime {
  dateTime: string;
  timeZone: string;
}

export interface GraphEvent {
  id: string;
  '@removed'?: { reason: string };
  changeKey?: string;
  lastModifiedDateTime?: string;
  iCalUId?: string;
  transactionId?: string | null;
  type?: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  seriesMasterId?: string | null;
  subject?: string | null;
  body?: { contentType: string; content: string };
  start?: GraphDateTime;
  end?: GraphDateTime;
  originalStartTimeZone?: string | null;
  isAllDay?: boolean;
  location?: { displayName?: string | null } | null;
  attendees?: { type?: string; emailAddress: { address: string; name?: string } }[];
  isReminderOn?: boolean;
  reminderMinutesBeforeStart?: number;
  showAs?: string;
  recurrence?: {
    pattern: Record<string, unknown> & { type: string; interval: number };
    range: Record<string, unknown> & { type: string; startDate: string; recurrenceTimeZone?: string };
  } | null;
  isCancelled?: boolean;
}

/**
 * The single-value extended property that stamps our event id on the Outlook item
 * (docs/graph-behaviour.md#extended-property-stamps).
 */
export const CRM_EVENT_ID_PROPERTY = 'String {3c7e9a41-6b2f-4d8e-a1c5-9f0b2e4d6a83} Name CrmEventId';
