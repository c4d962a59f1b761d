import type { Kysely } from 'kysely';

/**
 * Failed "Link my account" attempts also remember the address they tried, so the lockout counts per target account
 * too: a second Microsoft 365 identity gets no fresh guesses at an account another one was locked out of.
 */
export function linkFailureTargets() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('account_link_failures').addColumn('target_email', 'text').execute();
      await db.schema
        .createIndex('account_link_failures_target_idx')
        .on('account_link_failures')
        .columns(['target_email', 'failed_at'])
        .execute();
    },
  };
}
