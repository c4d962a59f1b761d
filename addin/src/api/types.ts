/** Shapes of the service's API as the add-in uses them. */

export interface ClientConfig {
  brand: string;
  clientId: string;
  authority: string;
  knownAuthorities: string[];
  apiScope: string;
}

export interface Tenant {
  id: string;
  domain: string;
}

export interface BasicUser {
  name: string;
  email: string;
}

export type Profile = 'super_admin' | 'administrator' | 'standard';
export type Edition = 'free' | 'standard' | 'professional' | 'enterprise';

export type Me =
  | { state: 'not_installed'; user: BasicUser; tenant: Tenant; isTenantAdmin: boolean; installUrl?: string }
  | { state: 'first_visit'; user: BasicUser; tenant: Tenant }
  | { state: 'no_access'; user: BasicUser; tenant: Tenant; organisation: { name: string } }
  | { state: 'deactivated'; user: BasicUser; tenant: Tenant; organisation: { name: string } }
  | {
      state: 'invited';
      user: BasicUser;
      tenant: Tenant;
      organisation: { name: string };
      invitation: { id: string; expiresAt: string };
    }
  | {
      state: 'request_pending';
      user: BasicUser;
      tenant: Tenant;
      organisation: { name: string };
      request: OwnAccessRequest;
    }
  | {
      state: 'request_declined';
      user: BasicUser;
      tenant: Tenant;
      organisation: { name: string };
      request: OwnAccessRequest;
    }
  | {
      state: 'member';
      user: BasicUser & { id: string; profile: Profile };
      organisation: { id: string; name: string; edition: Edition };
    };

export type MeState = Me['state'];

export type AccessRequestStatus = 'pending' | 'approved' | 'declined';

/** The caller's own latest access request, as /api/me shows it. */
export interface OwnAccessRequest {
  id: string;
  status: AccessRequestStatus;
  createdAt: string;
  decidedAt: string | null;
}

/** POST /api/access-requests: the new /api/me plus how many managers the request mail reached. */
export type RequestAccessResult = Me & { notified: number; mailFailed: number };

export interface CrmUser {
  id: string;
  name: string;
  email: string;
  profile: Profile | (string & {});
  role: Role | (string & {});
  status: string;
}

/** A user's place in the organisation, beside the profile that says what they may do. */
export type Role = 'ceo' | 'manager';
export const ROLES: readonly Role[] = ['ceo', 'manager'];

export type InvitationState = 'pending' | 'expired' | 'accepted' | 'revoked';

export interface Invitation {
  id: string;
  email: string;
  name: string | null;
  source: 'office365' | 'email';
  state: InvitationState;
  mailSent: boolean;
  expiresAt: string;
  createdAt: string;
}

export interface AccessRequest {
  id: string;
  name: string;
  email: string;
  status: AccessRequestStatus;
  createdAt: string;
  decidedAt: string | null;
}

/** GET /api/users: Settings > Setup > Users & Control > Users. */
export interface UsersOverview {
  organisation: { name: string; edition: Edition; paid: boolean };
  users: CrmUser[];
  invitations: Invitation[];
  accessRequests: AccessRequest[];
}

/** A tenant directory user who is not a CRM user yet (GET /api/directory-users). */
export interface DirectoryUser {
  id: string;
  name: string;
  email: string;
  jobTitle: string | null;
  invited: boolean;
}

export type InviteResult = 'invited' | 'already_member' | 'already_invited' | 'not_in_directory' | 'mail_failed';

export interface InviteOutcome {
  email: string;
  name: string;
  result: InviteResult;
  invitationId?: string;
}

export type EventOrigin = 'crm' | 'import' | 'microsoft365';
export type ShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

export type Weekday = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/** How a series repeats: Graph's patternedRecurrence (dates in the event's own zone). */
export interface Recurrence {
  pattern: {
    type: 'daily' | 'weekly' | 'absoluteMonthly' | 'relativeMonthly' | 'absoluteYearly' | 'relativeYearly';
    interval: number;
    daysOfWeek?: Weekday[];
    dayOfMonth?: number;
    month?: number;
    index?: 'first' | 'second' | 'third' | 'fourth' | 'last';
    firstDayOfWeek?: Weekday;
  };
  range: {
    type: 'endDate' | 'noEnd' | 'numbered';
    startDate: string;
    endDate?: string;
    numberOfOccurrences?: number;
  };
}

/**
 * One occurrence of a series that differs from its pattern: cancelled, or with its own values (only those that
 * differ). `date` is the occurrence's original date; start and end are wall times in the event's zone.
 */
export interface SeriesException {
  date: string;
  cancelled?: true;
  subject?: string;
  description?: string;
  location?: string;
  start?: string;
  end?: string;
}

/** GET /api/events/{id}/occurrences: one occurrence of a series with its exception applied. */
export interface Occurrence {
  /** The original date ('YYYY-MM-DD'), which names the occurrence even when it was moved. */
  date: string;
  /** Wall times 'YYYY-MM-DDTHH:mm:ss' in the event's zone. */
  start: string;
  end: string;
  subject: string;
  description: string;
  location: string;
  cancelled: boolean;
  changed: boolean;
}

/** PATCH /api/events/{id}/occurrences/{date}: what differs for this occurrence; start and end travel together. */
export type OccurrenceChanges = Partial<Pick<Occurrence, 'subject' | 'description' | 'location' | 'start' | 'end'>>;

export interface EventAttendee {
  email: string;
  name?: string;
  type: 'required' | 'optional';
}

/** A CRM event (GET /api/events). start and end are wall times ('YYYY-MM-DDTHH:mm:ss') in timeZone (IANA). */
export interface CrmEvent {
  id: string;
  subject: string;
  description: string;
  location: string;
  start: string;
  end: string;
  timeZone: string;
  isAllDay: boolean;
  attendees: EventAttendee[];
  reminderMinutes: number | null;
  showAs: ShowAs | (string & {});
  /** null for a single event. */
  recurrence: Recurrence | null;
  /** A series' cancelled and changed occurrences, by original date; empty for a single event. */
  exceptions: SeriesException[];
  iCalUId: string | null;
  origin: EventOrigin;
  syncEligible: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  ownerId: string;
}

/** An occurrence's wall times ('YYYY-MM-DDTHH:mm:ss') in the event's zone. */
export interface OccurrenceTimes {
  start: string;
  end: string;
}

/** The events view's two lists (GET /api/events?view=…): not yet over, by next occurrence; over, latest first. */
export type EventView = 'upcoming' | 'earlier';

/** An event in one of the views; a series carries the occurrence it is placed by. */
export interface ListedEvent extends CrmEvent {
  /** A series in Upcoming: its next occurrence that is neither cancelled nor over. */
  next?: OccurrenceTimes;
  /** A series in Earlier: its last occurrence that was not cancelled. */
  last?: OccurrenceTimes;
}

/** One page of a view; nextCursor asks for the page after it and is absent on the last one. */
export interface EventPage {
  events: ListedEvent[];
  nextCursor?: string;
}

export interface EventPageQuery {
  view: EventView;
  /** 1–500; the service's default is 200 for Upcoming, 50 for Earlier. */
  limit?: number;
  cursor?: string;
  /** Only events one of these addresses attends. */
  attendees?: readonly string[];
}

/** What the New event dialog sends (POST /api/events); start and end are 'YYYY-MM-DDTHH:mm' in timeZone. */
export interface EventInput {
  subject: string;
  start: string;
  end: string;
  timeZone: string;
  isAllDay: boolean;
  location: string;
  description: string;
  attendees: Array<Pick<EventAttendee, 'email'> & Partial<EventAttendee>>;
  /** null (or absent): a single event. */
  recurrence?: Recurrence | null;
}

/** PATCH /api/events/{id}: only the fields that changed. */
export type EventChanges = Partial<EventInput>;

export type SyncStatusName = 'active' | 'disabled' | 'failed' | 'reconnect_required';
export type SyncDirection = 'to_microsoft' | 'from_microsoft' | 'none';
export type SyncAction =
  'created' | 'updated' | 'deleted' | 'skipped' | 'conflict' | 'error' | 'set_aside' | 'enabled' | 'disabled';

export interface SyncLogEntry {
  at: string;
  direction: SyncDirection;
  action: SyncAction;
  subject: string | null;
  reason: string;
  /** Several entries alike written in one go (a first sync's creates): how many, and the latest few by name. */
  count?: number;
  subjects?: string[];
}

/** What a sync keeps in step: the user's events with a calendar, or the user's contacts with a contact folder. */
export type SyncKind = 'calendar' | 'contacts';

/** GET /api/sync/{kind}: the signed-in user's sync of one kind. */
export interface SyncStatus {
  kind: SyncKind;
  /** The calendar or contact folder in the user's mailbox (named after the brand). */
  containerName: string;
  enabled: boolean;
  status: SyncStatusName;
  stage: 'initial' | 'incremental' | null;
  progress: { done: number; total: number } | null;
  /** Synced events or contacts. */
  linkedCount: number;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastError: { code: string; at: string | null; message: string } | null;
  disabledReason: 'user' | 'container_deleted' | null;
  log: SyncLogEntry[];
}

/** GET /api/sync/calendar: the signed-in user's calendar sync. */
export interface CalendarSyncStatus extends SyncStatus {
  kind: 'calendar';
  calendarName: string;
}

/** GET /api/sync/contacts: the signed-in user's contact sync. */
export interface ContactsSyncStatus extends SyncStatus {
  kind: 'contacts';
}

/** One Graph contact value: a property, and for a multi-valued one the position (0-based) of the value. */
export interface GraphTarget {
  property: string;
  position?: number;
}

export interface ContactMappingRow {
  crmField: string;
  graph: GraphTarget;
}

/** GET /api/sync/contacts/mapping: the Configuration dialog's content. */
export interface ContactMappingOffer {
  mapping: ContactMappingRow[];
  isDefault: boolean;
  /** The CRM fields that can be mapped, each with the Graph values it may go to; labels in the user's language. */
  fields: Array<{ field: string; type: string; label: string; targets: GraphTarget[] }>;
  /** Fields Microsoft 365 cannot hold: never mapped, they stay in the CRM. */
  crmOnlyFields: Array<{ field: string; label: string }>;
  graphProperties: Array<{ property: string; type: string; maxValues?: number }>;
}

/** GET /api/sync/failing (administrators): users whose sync is failing. */
export interface FailingSync {
  name: string;
  email: string;
  kind: 'calendar' | 'contacts' | (string & {});
  status: SyncStatusName;
  failingSince: string | null;
  message: string | null;
}

/** GET /api/sync/{kind}/set-aside: an item the sync tried a few times, could not take, and set aside. */
export interface SetAsideItem {
  id: number;
  direction: 'to_microsoft' | 'from_microsoft';
  subject: string | null;
  /** Why it failed last, in the reader's language. */
  reason: string;
  attempts: number;
  since: string;
  lastFailedAt: string;
}

export type ContactOrigin = 'crm' | 'import' | 'migration' | 'microsoft365';

/** A CRM contact (GET /api/contacts). Empty text fields are ''. */
export interface Contact {
  id: string;
  ownerId: string;
  salutation: string;
  firstName: string;
  lastName: string;
  middleName: string;
  title: string;
  department: string;
  accountName: string;
  email: string;
  secondaryEmail: string;
  tertiaryEmail: string;
  phone: string;
  otherPhone: string;
  mobile: string;
  homePhone: string;
  fax: string;
  assistant: string;
  asstPhone: string;
  /** 'YYYY-MM-DD' or null. */
  dateOfBirth: string | null;
  mailingStreet: string;
  mailingCity: string;
  mailingState: string;
  mailingZip: string;
  mailingCountry: string;
  otherStreet: string;
  otherCity: string;
  otherState: string;
  otherZip: string;
  otherCountry: string;
  description: string;
  website: string;
  skypeId: string;
  twitter: string;
  emailOptOut: boolean;
  leadSource: string;
  origin: ContactOrigin | (string & {});
  syncEligible: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/contacts/lookup: any contact of the organisation, with its owner's name. */
export type LookedUpContact = Contact & { ownerName: string };

type ContactFieldName = Exclude<
  keyof Contact,
  'id' | 'ownerId' | 'origin' | 'syncEligible' | 'version' | 'createdAt' | 'updatedAt'
>;

/** POST /api/contacts: a last name at least, every other field optional. */
export type ContactInput = Partial<Pick<Contact, ContactFieldName>> & { lastName: string };

/** PATCH /api/contacts/{id}: only the fields that changed. */
export type ContactChanges = Partial<Pick<Contact, ContactFieldName>>;
