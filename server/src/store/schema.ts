import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table and column types shared by the SQLite and PostgreSQL dialects. Times are ISO-8601 UTC strings. */
export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  tenant_installations: TenantInstallationsTable;
  account_link_failures: AccountLinkFailuresTable;
  invitations: InvitationsTable;
  access_requests: AccessRequestsTable;
  events: EventsTable;
  contacts: ContactsTable;
  sync_bindings: SyncBindingsTable;
  sync_links: SyncLinksTable;
  sync_outbox: SyncOutboxTable;
  sync_log: SyncLogTable;
  sync_item_failures: SyncItemFailuresTable;
  contact_field_mappings: ContactFieldMappingsTable;
  job_failures: JobFailuresTable;
  mailbox_leases: MailboxLeasesTable;
  mailbox_blocks: MailboxBlocksTable;
  job_queue: JobQueueTable;
  job_runs: JobRunsTable;
  job_schedules: JobSchedulesTable;
  filed_mails: FiledMailsTable;
  filed_mail_links: FiledMailLinksTable;
  filed_mail_filers: FiledMailFilersTable;
  mail_filing_decisions: MailFilingDecisionsTable;
  files_on_send: FilesOnSendTable;
}

/** An e-mail filed to the CRM, once per organisation and internet message id (crm/mails). */
export interface FiledMailsTable {
  id: string;
  organisation_id: string;
  internet_message_id: string;
  conversation_id: string;
  subject: string;
  from_address: string;
  from_name: string;
  /** JSON: [{ name, address }] */
  to_recipients: string;
  cc_recipients: string;
  sent_at: string;
  /** Plain text, at most MAX_BODY_CHARACTERS (crm/mails/mailMessage.ts). */
  body_text: string;
  body_truncated: number;
  /** JSON: [{ name, size, contentType }]; the files themselves are never stored. */
  attachments: string;
  sensitivity: string;
  filed_at: string;
}

export interface FiledMailLinksTable {
  filed_mail_id: string;
  contact_id: string;
  filed_by_user_id: string;
  created_at: string;
}

export interface FiledMailFilersTable {
  filed_mail_id: string;
  user_id: string;
  filed_at: string;
}

/** A mail automatic filing has judged (filed or left out), so that a later change of it is not judged again. */
export interface MailFilingDecisionsTable {
  user_id: string;
  internet_message_id: string;
  decided_at: string;
}

/** A message marked File when sent, by the token in its `x-crm-filing` header (crm/mails/fileOnSend.ts). */
export interface FilesOnSendTable {
  token: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  /** Sent Items is asked again from then on, less often the longer the message stays unsent. */
  next_check_at: string;
  checks: number;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  tenant_id: string | null;
  edition: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  organisation_id: string;
  email: string;
  email_normalized: string;
  display_name: string;
  profile: string;
  /** The user's place in the organisation (see crm/identity.ts Role); new users start as Manager. */
  role: Generated<string>;
  status: string;
  tenant_id: string | null;
  object_id: string | null;
  password_hash: string | null;
  language: string | null;
  terms_accepted_at: string | null;
  created_at: string;
}

export interface TenantInstallationsTable {
  tenant_id: string;
  installed_by_object_id: string;
  installed_at: string;
}

export interface AccountLinkFailuresTable {
  id: Generated<number>;
  tenant_id: string;
  object_id: string;
  failed_at: string;
  /** The normalised address the attempt tried (null for attempts recorded before it was kept). */
  target_email: string | null;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked';
export type InvitationSource = 'office365' | 'email';

export interface InvitationsTable {
  id: string;
  organisation_id: string;
  email: string;
  email_normalized: string;
  display_name: string | null;
  language: string | null;
  source: InvitationSource;
  /** SHA-256 of the link's secret; the secret itself is only ever in the e-mail. */
  token_hash: string;
  status: InvitationStatus;
  mail_sent_at: string | null;
  invited_by_user_id: string;
  expires_at: string;
  created_at: string;
  decided_at: string | null;
}

export type AccessRequestStatus = 'pending' | 'approved' | 'declined';

export interface AccessRequestsTable {
  id: string;
  organisation_id: string;
  tenant_id: string;
  object_id: string;
  email: string;
  display_name: string;
  language: string | null;
  status: AccessRequestStatus;
  created_at: string;
  decided_at: string | null;
  decided_by_user_id: string | null;
  /** `<organisation>:<tenant>:<object>` while pending, null once decided: the store allows one open request per person. */
  open_key: string | null;
}

/** A CRM event. Times are wall-clock in `time_zone` (IANA); the UTC columns are derived for ordering and windows. */
export interface EventsTable {
  id: string;
  organisation_id: string;
  owner_user_id: string;
  subject: string;
  description: string;
  location: string;
  start_local: string;
  end_local: string;
  time_zone: string;
  start_utc: string;
  end_utc: string;
  is_all_day: number;
  /** JSON array of { email, name, type: 'required' | 'optional' }. */
  attendees: string;
  reminder_minutes: number | null;
  show_as: string;
  /** JSON recurrence { pattern, range } as Graph's patternedRecurrence, with IANA recurrenceTimeZone; null for single events. */
  recurrence: string | null;
  /** JSON array of a series' exceptions ({ date, cancelled } or { date, ...overrides }), sorted by date; [] otherwise. */
  exceptions: string;
  ical_uid: string | null;
  origin: 'crm' | 'import' | 'microsoft365';
  /** 0 for imported events until someone edits or mass-updates them. */
  sync_eligible: number;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A CRM contact. Empty text fields are '' (never null); only the date of birth may be missing. */
export interface ContactsTable {
  id: string;
  organisation_id: string;
  owner_user_id: string;
  salutation: string;
  first_name: string;
  last_name: string;
  middle_name: string;
  /** The job title; Graph's `title` is the form of address (the CRM's salutation). */
  title: string;
  department: string;
  account_name: string;
  email: string;
  secondary_email: string;
  tertiary_email: string;
  phone: string;
  other_phone: string;
  mobile: string;
  home_phone: string;
  fax: string;
  assistant: string;
  asst_phone: string;
  /** YYYY-MM-DD. */
  date_of_birth: string | null;
  mailing_street: string;
  mailing_city: string;
  mailing_state: string;
  mailing_zip: string;
  mailing_country: string;
  other_street: string;
  other_city: string;
  other_state: string;
  other_zip: string;
  other_country: string;
  description: string;
  website: string;
  skype_id: string;
  twitter: string;
  email_opt_out: number;
  lead_source: string;
  origin: 'crm' | 'import' | 'migration' | 'microsoft365';
  /** 0 for imported and migrated contacts until someone edits or mass-updates them. */
  sync_eligible: number;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** `mail` is one-way: mails exchanged with CRM contacts are filed automatically (sync/mail). */
export type SyncKind = 'calendar' | 'contacts' | 'mail';
/** `active` runs (its stage says whether the first sync is done), `reconnect_required` waits for the user. */
export type SyncStatus = 'active' | 'disabled' | 'reconnect_required';

export interface SyncBindingsTable {
  id: string;
  organisation_id: string;
  user_id: string;
  kind: SyncKind;
  status: SyncStatus;
  stage: 'initial' | 'incremental';
  /** Increments on every enable, so ids derived from it (transaction ids) never collide with an earlier round. */
  generation: number;
  container_id: string | null;
  delta_link: string | null;
  subscription_id: string | null;
  subscription_expires_at: string | null;
  client_state: string | null;
  initial_total: number;
  initial_done: number;
  last_run_at: string | null;
  last_success_at: string | null;
  last_error_code: string | null;
  last_error_at: string | null;
  consecutive_failures: number;
  disabled_reason: string | null;
  /** When the current round of sync was enabled: events created later carry their attendees to Microsoft 365. */
  enabled_at: string | null;
  /** When the adapter last read again what Microsoft 365 may change without a signal (a series' occurrences). */
  reviewed_at: string | null;
  /** Mail bindings: JSON list of the tenant's verified domains, read when it was turned on (colleagues' mail). */
  colleague_domains: string | null;
  created_at: string;
  updated_at: string;
}

export interface SyncLinksTable {
  binding_id: string;
  entity_id: string;
  /** Null until the create in Microsoft 365 is confirmed. */
  graph_id: string | null;
  /** Sent with the create so that a retry after a crash returns the same item instead of a second one. */
  transaction_id: string;
  entity_version: number;
  graph_change_key: string | null;
  ical_uid: string | null;
  synced_at: string;
}

export interface SyncOutboxTable {
  id: Generated<number>;
  user_id: string;
  kind: SyncKind;
  entity_id: string;
  created_at: string;
}

export interface SyncLogTable {
  id: Generated<number>;
  binding_id: string;
  user_id: string;
  at: string;
  direction: 'to_microsoft' | 'from_microsoft' | 'none';
  action: 'created' | 'updated' | 'deleted' | 'skipped' | 'conflict' | 'error' | 'set_aside' | 'enabled' | 'disabled';
  entity_id: string | null;
  subject: string | null;
  reason: string;
}

/**
 * An item one sync could not apply: `from_microsoft` by its Graph id, `to_microsoft` by its CRM id. While
 * `retrying` each run tries it again; after a few failed attempts it is `set_aside` until the user retries it.
 */
export interface SyncItemFailuresTable {
  id: Generated<number>;
  binding_id: string;
  side: 'from_microsoft' | 'to_microsoft';
  item_id: string;
  entity_id: string | null;
  label: string | null;
  attempts: number;
  state: 'retrying' | 'set_aside';
  /** The last failure as a sync log reason (`code` or `code|detail`). */
  reason: string;
  since: string;
  last_failed_at: string;
}

export interface ContactFieldMappingsTable {
  user_id: string;
  /** JSON array of { crmField, graph: { property, position? } }. */
  mapping: string;
  updated_at: string;
}

export type EventRow = Selectable<EventsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type SyncBindingRow = Selectable<SyncBindingsTable>;
export type SyncLinkRow = Selectable<SyncLinksTable>;
/** A job the embedded engine gave up on; `data` is its JSON, `error` the last error's message. */
export interface JobFailuresTable {
  id: string;
  name: string;
  data: string;
  error: string;
  attempts: number;
  failed_at: string;
}

/** A concurrency slot (0..limit-1) of a mailbox held by one caller until it releases it or the lease expires. */
export interface MailboxLeasesTable {
  mailbox_key: string;
  slot: number;
  lease_id: string;
  expires_at: string;
}

/** Graph's Retry-After for a mailbox: no worker calls it before `blocked_until`. */
export interface MailboxBlocksTable {
  mailbox_key: string;
  blocked_until: string;
}

/** A job waiting or running (PostgreSQL only: the embedded engine keeps its jobs in memory). Times are timestamptz. */
export interface JobQueueTable {
  id: string;
  name: string;
  data: unknown;
  singleton_key: string | null;
  state: 'queued' | 'retry' | 'active';
  /** The number of the attempt the job makes when it next runs (or is making now). */
  attempt: number;
  retry_limit: number;
  retry_delay_seconds: number;
  run_after: Date;
  created_at: Date;
  lease_owner: string | null;
  lease_token: string | null;
  lease_expires_at: Date | null;
}

/** One run of a job by one worker (PostgreSQL only); `id` is the run's lease token. */
export interface JobRunsTable {
  id: string;
  job_id: string;
  name: string;
  singleton_key: string | null;
  worker_id: string;
  attempt: number;
  started_at: Date;
  /** When the handler ended, or when the lease of a worker that vanished expired. */
  finished_at: Date | null;
  outcome: 'completed' | 'failed' | 'retry_later' | 'handed_back' | 'lease_expired' | null;
}

/** When a periodic job is next due (PostgreSQL only). */
export interface JobSchedulesTable {
  name: string;
  next_run_at: Date;
}

export type InvitationRow = Selectable<InvitationsTable>;
export type AccessRequestRow = Selectable<AccessRequestsTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
