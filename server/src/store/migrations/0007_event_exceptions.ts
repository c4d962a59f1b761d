import { sql, type Kysely } from 'kysely';

/** The exceptions of a recurring series (occurrences cancelled or changed on their own), as JSON on the event. */
export function eventExceptions() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('events')
        .addColumn('exceptions', 'text', (col) => col.notNull().defaultTo(sql`'[]'`))
        .execute();
    },
  };
}
