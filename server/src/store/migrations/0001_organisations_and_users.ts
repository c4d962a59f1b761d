import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { autoIncrementKey } from './columns.js';

/** Organisations, their users, Microsoft 365 tenant installations, and failed account-link attempts. */
export function organisationsAndUsers(dialect: Dialect) {
  const [autoId, autoIdConstraints] = autoIncrementKey(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('organisations')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('tenant_id', 'text', (col) => col.unique())
        .addColumn('edition', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisations.id'))
        .addColumn('email', 'text', (col) => col.notNull())
        .addColumn('email_normalized', 'text', (col) => col.notNull().unique())
        .addColumn('display_name', 'text', (col) => col.notNull())
        .addColumn('profile', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('tenant_id', 'text')
        .addColumn('object_id', 'text')
        .addColumn('password_hash', 'text')
        .addColumn('language', 'text')
        .addColumn('terms_accepted_at', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('users_identity_unique', ['tenant_id', 'object_id'])
        .execute();
      await db.schema.createIndex('users_organisation_idx').on('users').column('organisation_id').execute();
      await db.schema
        .createTable('tenant_installations')
        .addColumn('tenant_id', 'text', (col) => col.primaryKey())
        .addColumn('installed_by_object_id', 'text', (col) => col.notNull())
        .addColumn('installed_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('account_link_failures')
        .addColumn('id', autoId, autoIdConstraints)
        .addColumn('tenant_id', 'text', (col) => col.notNull())
        .addColumn('object_id', 'text', (col) => col.notNull())
        .addColumn('failed_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('account_link_failures_identity_idx')
        .on('account_link_failures')
        .columns(['tenant_id', 'object_id', 'failed_at'])
        .execute();
    },
  };
}
