/**
 * The service's API as the add-in uses it: the contract's types (common/api), under the names the screens know.
 * Types only, so zod stays out of the add-in's bundle; requests are typed as a client sends them (z.input).
 */
import type { z } from 'zod';
import type {
  CrmEvent,
  eventChangesSchema,
  newEventSchema,
  occurrenceChangesSchema,
  Recurrence,
} from '../../../common/api/events';
import type { contactChangesSchema, newContactSchema } from '../../../common/api/contacts';
import type { EventView } from '../../../common/api/enums';

export type { ClientConfig, Me, RequestAccessResult } from '../../../common/api/account';
export type { Contact, LookedUpContact } from '../../../common/api/contacts';
export type { EventView, Profile, Role, SyncKind } from '../../../common/api/enums';
export type {
  CrmEvent,
  EventPage,
  ListedEvent,
  Occurrence,
  OccurrenceTimes,
  Recurrence,
  SeriesException,
} from '../../../common/api/events';
export type {
  ContactMappingOffer,
  ContactMappingRow,
  FailingSync,
  GraphTarget,
  SetAsideItem,
  SyncDirection,
  SyncLogEntry,
  SyncStatus,
} from '../../../common/api/sync';
export type {
  AccessRequest,
  CrmUser,
  DirectoryUser,
  Invitation,
  InviteOutcome,
  InviteResult,
  UsersOverview,
} from '../../../common/api/users';
export { ROLES } from '../../../common/api/enums';

export type Weekday = NonNullable<Recurrence['pattern']['daysOfWeek']>[number];
export type EventAttendee = CrmEvent['attendees'][number];

type NewEventBody = z.input<typeof newEventSchema>;
/**
 * POST /api/events: what the New event dialog sends, every field it shows filled in (the service's defaults are for
 * other clients); start and end are 'YYYY-MM-DDTHH:mm' in timeZone.
 */
export type EventInput = NewEventBody &
  Required<Pick<NewEventBody, 'isAllDay' | 'location' | 'description' | 'attendees'>>;
/** PATCH /api/events/{id}: only the fields that changed. */
export type EventChanges = z.input<typeof eventChangesSchema>;
/** PATCH /api/events/{id}/occurrences/{date}: what differs for this occurrence; start and end travel together. */
export type OccurrenceChanges = z.input<typeof occurrenceChangesSchema>;
/** POST /api/contacts: a last name at least, every other field optional. */
export type ContactInput = z.input<typeof newContactSchema>;
/** PATCH /api/contacts/{id}: only the fields that changed. */
export type ContactChanges = z.input<typeof contactChangesSchema>;

/** What the client asks GET /api/events?view=… for (it writes the query string). */
export interface EventPageQuery {
  view: EventView;
  /** 1–500; the service's default is 200 for Upcoming, 50 for Earlier. */
  limit?: number;
  cursor?: string;
  /** Only events one of these addresses attends. */
  attendees?: readonly string[];
}

export type {
  FiledMail,
  FiledMailContact,
  InvolvedContact,
  MailLookup,
  MailParty,
  TimelineEntry,
  TimelinePage,
} from '../../../common/api/mails';
