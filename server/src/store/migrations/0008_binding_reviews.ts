import type { Kysely } from 'kysely';

/** When a sync last read again what Microsoft 365 may change without a signal (a series' occurrences). */
export function bindingReviews() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('sync_bindings').addColumn('reviewed_at', 'text').execute();
    },
  };
}
