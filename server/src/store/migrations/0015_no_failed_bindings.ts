import { sql, type Kysely } from 'kysely';

/**
 * A binding's status `failed` was never written (a failing run is counted on an active binding, or waits for a
 * reconnect): any row that has it anyway runs again, its failures still counted, so the status can go.
 */
export function noFailedBindings() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`update sync_bindings set status = 'active' where status = 'failed'`.execute(db);
    },
  };
}
