import type { Kysely } from 'kysely';

const TEXT_COLUMNS = [
  'salutation',
  'first_name',
  'last_name',
  'middle_name',
  'title',
  'department',
  'account_name',
  'email',
  'secondary_email',
  'tertiary_email',
  'phone',
  'other_phone',
  'mobile',
  'home_phone',
  'fax',
  'assistant',
  'asst_phone',
] as const;
const ADDRESS_AND_MORE_COLUMNS = [
  'mailing_street',
  'mailing_city',
  'mailing_state',
  'mailing_zip',
  'mailing_country',
  'other_street',
  'other_city',
  'other_state',
  'other_zip',
  'other_country',
  'description',
  'website',
  'skype_id',
  'twitter',
] as const;

/** CRM contacts, kept as tombstones when deleted (as events are) so that deletions reach Microsoft 365. */
export function contacts() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      let table = db.schema
        .createTable('contacts')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisations.id'))
        .addColumn('owner_user_id', 'text', (col) => col.notNull().references('users.id'));
      for (const name of TEXT_COLUMNS) table = table.addColumn(name, 'text', (col) => col.notNull());
      table = table.addColumn('date_of_birth', 'text');
      for (const name of ADDRESS_AND_MORE_COLUMNS) table = table.addColumn(name, 'text', (col) => col.notNull());
      await table
        .addColumn('email_opt_out', 'integer', (col) => col.notNull())
        .addColumn('lead_source', 'text', (col) => col.notNull())
        .addColumn('origin', 'text', (col) => col.notNull())
        .addColumn('sync_eligible', 'integer', (col) => col.notNull())
        .addColumn('version', 'integer', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addColumn('deleted_at', 'text')
        .execute();
      await db.schema
        .createIndex('contacts_owner_idx')
        .on('contacts')
        .columns(['owner_user_id', 'last_name'])
        .execute();
      await db.schema.createIndex('contacts_organisation_idx').on('contacts').columns(['organisation_id']).execute();
    },
  };
}
