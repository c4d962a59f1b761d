import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table and column types shared by the SQLite and PostgreSQL dialects. Times are ISO-8601 UTC strings. */
export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  tenant_installations: TenantInstallationsTable;
  account_link_failures: AccountLinkFailuresTable;
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

export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
