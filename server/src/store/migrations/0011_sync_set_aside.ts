import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { autoIncrementKey } from './columns.js';

/**
 * Items one sync could not apply (pulled from Microsoft 365 or pushed to it): how often they failed, why last,
 * since when; retried a few times across runs, then set aside until the user asks for a retry.
 */
export function syncSetAside(dialect: Dialect) {
  const [autoId, autoIdConstraints] = autoIncrementKey(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('sync_item_failures')
        .addColumn('id', autoId, autoIdConstraints)
        .addColumn('binding_id', 'text', (col) => col.notNull().references('sync_bindings.id'))
        .addColumn('side', 'text', (col) => col.notNull())
        .addColumn('item_id', 'text', (col) => col.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('label', 'text')
        .addColumn('attempts', 'integer', (col) => col.notNull())
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('reason', 'text', (col) => col.notNull())
        .addColumn('since', 'text', (col) => col.notNull())
        .addColumn('last_failed_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('sync_item_failures_item_unique', ['binding_id', 'side', 'item_id'])
        .execute();
    },
  };
}
