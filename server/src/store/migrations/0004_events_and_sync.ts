import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { autoIncrementKey } from './columns.js';

/**
 * CRM events, and the sync state per synced container (binding), per item (link), the outbox of CRM changes
 * still to push, and the per-user sync log.
 */
export function eventsAndSync(dialect: Dialect) {
  const [autoId, autoIdConstraints] = autoIncrementKey(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('events')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisations.id'))
        .addColumn('owner_user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('subject', 'text', (col) => col.notNull())
        .addColumn('description', 'text', (col) => col.notNull())
        .addColumn('location', 'text', (col) => col.notNull())
        .addColumn('start_local', 'text', (col) => col.notNull())
        .addColumn('end_local', 'text', (col) => col.notNull())
        .addColumn('time_zone', 'text', (col) => col.notNull())
        .addColumn('start_utc', 'text', (col) => col.notNull())
        .addColumn('end_utc', 'text', (col) => col.notNull())
        .addColumn('is_all_day', 'integer', (col) => col.notNull())
        .addColumn('attendees', 'text', (col) => col.notNull())
        .addColumn('reminder_minutes', 'integer')
        .addColumn('show_as', 'text', (col) => col.notNull())
        .addColumn('recurrence', 'text')
        .addColumn('ical_uid', 'text')
        .addColumn('origin', 'text', (col) => col.notNull())
        .addColumn('sync_eligible', 'integer', (col) => col.notNull())
        .addColumn('version', 'integer', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addColumn('deleted_at', 'text')
        .execute();
      await db.schema.createIndex('events_owner_idx').on('events').columns(['owner_user_id', 'start_utc']).execute();
      await db.schema
        .createIndex('events_ical_uid_idx')
        .on('events')
        .columns(['organisation_id', 'ical_uid'])
        .execute();

      await db.schema
        .createTable('sync_bindings')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisations.id'))
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('stage', 'text', (col) => col.notNull())
        .addColumn('generation', 'integer', (col) => col.notNull())
        .addColumn('container_id', 'text')
        .addColumn('delta_link', 'text')
        .addColumn('subscription_id', 'text')
        .addColumn('subscription_expires_at', 'text')
        .addColumn('client_state', 'text')
        .addColumn('initial_total', 'integer', (col) => col.notNull())
        .addColumn('initial_done', 'integer', (col) => col.notNull())
        .addColumn('last_run_at', 'text')
        .addColumn('last_success_at', 'text')
        .addColumn('last_error_code', 'text')
        .addColumn('last_error_at', 'text')
        .addColumn('consecutive_failures', 'integer', (col) => col.notNull())
        .addColumn('disabled_reason', 'text')
        .addColumn('enabled_at', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('sync_bindings_user_kind_unique', ['user_id', 'kind'])
        .execute();
      await db.schema
        .createTable('sync_links')
        .addColumn('binding_id', 'text', (col) => col.notNull().references('sync_bindings.id'))
        .addColumn('entity_id', 'text', (col) => col.notNull())
        .addColumn('graph_id', 'text')
        .addColumn('transaction_id', 'text', (col) => col.notNull())
        .addColumn('entity_version', 'integer', (col) => col.notNull())
        .addColumn('graph_change_key', 'text')
        .addColumn('ical_uid', 'text')
        .addColumn('synced_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('sync_links_pk', ['binding_id', 'entity_id'])
        .execute();
      await db.schema
        .createIndex('sync_links_graph_idx')
        .on('sync_links')
        .columns(['binding_id', 'graph_id'])
        .execute();
      await db.schema
        .createTable('sync_outbox')
        .addColumn('id', autoId, autoIdConstraints)
        .addColumn('user_id', 'text', (col) => col.notNull())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('entity_id', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('sync_outbox_user_idx')
        .on('sync_outbox')
        .columns(['user_id', 'kind', 'id'])
        .execute();
      await db.schema
        .createTable('sync_log')
        .addColumn('id', autoId, autoIdConstraints)
        .addColumn('binding_id', 'text', (col) => col.notNull())
        .addColumn('user_id', 'text', (col) => col.notNull())
        .addColumn('at', 'text', (col) => col.notNull())
        .addColumn('direction', 'text', (col) => col.notNull())
        .addColumn('action', 'text', (col) => col.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('subject', 'text')
        .addColumn('reason', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('sync_log_user_idx').on('sync_log').columns(['user_id', 'id']).execute();
    },
  };
}
