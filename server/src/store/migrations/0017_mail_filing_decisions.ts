import type { Kysely } from 'kysely';

/**
 * The domains a mail binding counts as colleagues' (the tenant's verified domains, read when it is turned on), and
 * the mails automatic filing has already judged, per user and internet message id: Graph's message delta hands a
 * message over again whenever it changes (read, flagged, moved), and a mail judged once is not judged again, so a
 * mail someone took off the CRM does not come back when it is read (docs/product-rules.md#r-automatic-filing-once).
 */
export function mailFilingDecisions() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('sync_bindings').addColumn('colleague_domains', 'text').execute();
      await db.schema
        .createTable('mail_filing_decisions')
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('internet_message_id', 'text', (col) => col.notNull())
        .addColumn('decided_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('mail_filing_decisions_pk', ['user_id', 'internet_message_id'])
        .execute();
      // Decisions older than the 30 days automatic filing looks back are pruned by age.
      await db.schema
        .createIndex('mail_filing_decisions_decided_idx')
        .on('mail_filing_decisions')
        .column('decided_at')
        .execute();
    },
  };
}
