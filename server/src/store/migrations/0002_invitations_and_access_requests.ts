import type { Kysely } from 'kysely';

/** Invitations to join an organisation (token stored only as a hash) and requests to join one. */
export function invitationsAndAccessRequests() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('invitations')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisations.id'))
        .addColumn('email', 'text', (col) => col.notNull())
        .addColumn('email_normalized', 'text', (col) => col.notNull())
        .addColumn('display_name', 'text')
        .addColumn('language', 'text')
        .addColumn('source', 'text', (col) => col.notNull())
        .addColumn('token_hash', 'text', (col) => col.notNull().unique())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('mail_sent_at', 'text')
        .addColumn('invited_by_user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('decided_at', 'text')
        .execute();
      await db.schema
        .createIndex('invitations_organisation_idx')
        .on('invitations')
        .columns(['organisation_id', 'status'])
        .execute();
      await db.schema
        .createIndex('invitations_email_idx')
        .on('invitations')
        .columns(['email_normalized', 'status'])
        .execute();
      await db.schema
        .createTable('access_requests')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisations.id'))
        .addColumn('tenant_id', 'text', (col) => col.notNull())
        .addColumn('object_id', 'text', (col) => col.notNull())
        .addColumn('email', 'text', (col) => col.notNull())
        .addColumn('display_name', 'text', (col) => col.notNull())
        .addColumn('language', 'text')
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('decided_at', 'text')
        .addColumn('decided_by_user_id', 'text', (col) => col.references('users.id'))
        .addColumn('open_key', 'text', (col) => col.unique())
        .execute();
      await db.schema
        .createIndex('access_requests_organisation_idx')
        .on('access_requests')
        .columns(['organisation_id', 'status'])
        .execute();
    },
  };
}
