import type { Kysely } from 'kysely';

/**
 * File when sent: a message being written carries a token in its `x-crm-filing` header; the row says whose it is,
 * until the sent copy is found in their Sent Items and filed, or the wait runs out.
 */
export function filesOnSend() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('files_on_send')
        .addColumn('token', 'text', (col) => col.primaryKey())
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .addColumn('next_check_at', 'text', (col) => col.notNull())
        .addColumn('checks', 'integer', (col) => col.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('files_on_send_next_check_idx').on('files_on_send').column('next_check_at').execute();
    },
  };
}
