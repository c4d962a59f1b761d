import type { Kysely } from 'kysely';

/**
 * E-mails filed to the CRM: one row per organisation and internet message id (two colleagues filing the same mail
 * file it once), the contacts it is filed on, and who filed it (the filers may always see it).
 */
export function filedMails() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('filed_mails')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisations.id'))
        .addColumn('internet_message_id', 'text', (col) => col.notNull())
        .addColumn('conversation_id', 'text', (col) => col.notNull())
        .addColumn('subject', 'text', (col) => col.notNull())
        .addColumn('from_address', 'text', (col) => col.notNull())
        .addColumn('from_name', 'text', (col) => col.notNull())
        .addColumn('to_recipients', 'text', (col) => col.notNull())
        .addColumn('cc_recipients', 'text', (col) => col.notNull())
        .addColumn('sent_at', 'text', (col) => col.notNull())
        .addColumn('body_text', 'text', (col) => col.notNull())
        .addColumn('body_truncated', 'integer', (col) => col.notNull())
        .addColumn('attachments', 'text', (col) => col.notNull())
        .addColumn('sensitivity', 'text', (col) => col.notNull())
        .addColumn('filed_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('filed_mails_organisation_message_idx')
        .on('filed_mails')
        .columns(['organisation_id', 'internet_message_id'])
        .unique()
        .execute();

      await db.schema
        .createTable('filed_mail_links')
        .addColumn('filed_mail_id', 'text', (col) => col.notNull().references('filed_mails.id').onDelete('cascade'))
        .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id'))
        .addColumn('filed_by_user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('filed_mail_links_pk', ['filed_mail_id', 'contact_id'])
        .execute();
      // A contact's timeline reads its links.
      await db.schema
        .createIndex('filed_mail_links_contact_idx')
        .on('filed_mail_links')
        .columns(['contact_id', 'filed_mail_id'])
        .execute();

      await db.schema
        .createTable('filed_mail_filers')
        .addColumn('filed_mail_id', 'text', (col) => col.notNull().references('filed_mails.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('filed_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('filed_mail_filers_pk', ['filed_mail_id', 'user_id'])
        .execute();
    },
  };
}
