import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the events view's listing (crm/events/eventListing.ts): single events still running are found by
 * their end (start in the index too, so the check "started before now" needs no row), and a user's series, which are
 * few among thousands of single events, are found without reading the rest.
 */
export function eventListingIndexes() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('events_owner_end_idx')
        .on('events')
        .columns(['owner_user_id', 'end_utc', 'start_utc'])
        .execute();
      await db.schema
        .createIndex('events_owner_series_idx')
        .on('events')
        .column('owner_user_id')
        .where(sql.ref('recurrence'), 'is not', null)
        .execute();
    },
  };
}
