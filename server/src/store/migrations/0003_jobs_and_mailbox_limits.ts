import type { Kysely } from 'kysely';

/**
 * Jobs that ran out of attempts (both engines record them here), and the per-mailbox limits
 * that Microsoft Graph enforces per app + mailbox: concurrency leases and Retry-After blocks, shared by all workers.
 */
export function jobsAndMailboxLimits() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('job_failures')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('data', 'text', (col) => col.notNull())
        .addColumn('error', 'text', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull())
        .addColumn('failed_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('job_failures_name_idx').on('job_failures').columns(['name', 'failed_at']).execute();
      // One row per slot held: the primary key is what makes a slot exclusive across workers.
      await db.schema
        .createTable('mailbox_leases')
        .addColumn('mailbox_key', 'text', (col) => col.notNull())
        .addColumn('slot', 'integer', (col) => col.notNull())
        .addColumn('lease_id', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('mailbox_leases_pk', ['mailbox_key', 'slot'])
        .execute();
      await db.schema
        .createTable('mailbox_blocks')
        .addColumn('mailbox_key', 'text', (col) => col.primaryKey())
        .addColumn('blocked_until', 'text', (col) => col.notNull())
        .execute();
    },
  };
}
