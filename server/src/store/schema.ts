import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table and column types shared by the SQLite and PostgreSQL dialects. Times are ISO-8601 UTC strings. */
export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  tenant_installations: TenantInstallationsTable;
  account_link_failures: AccountLinkFailuresTable;
  invitations: InvitationsTable;
  access_requests: AccessRequestsTable;
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

export type InvitationRow = Selectable<InvitationsTable>;
export type AccessRequestRow = Selectable<AccessRequestsTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
