import type { Kysely } from 'kysely';

/** Each user's mapping of Microsoft 365 contact fields to CRM contact fields (kept across enabling and disabling). */
export function contactFieldMappings() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('contact_field_mappings')
        .addColumn('user_id', 'text', (col) => col.primaryKey().references('users.id'))
        .addColumn('mapping', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
    },
  };
}
