import type { Kysely } from 'kysely';

/** The panes ask every few seconds whether anything changed: the newest change per organisation is one index probe. */
export function changeIndexes() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('events_organisation_updated_idx')
        .on('events')
        .columns(['organisation_id', 'updated_at'])
        .execute();
      await db.schema
        .createIndex('contacts_organisation_updated_idx')
        .on('contacts')
        .columns(['organisation_id', 'updated_at'])
        .execute();
    },
  };
}
