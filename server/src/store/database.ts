import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { allMigrations } from './migrations/index.js';
import { createGuardedPool, DEFAULT_POSTGRES_TIMEOUTS, type PostgresTimeouts } from './postgresPool.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The PostgreSQL schema holding the tables, when not the default one. */
  schema?: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** PostgreSQL schema to use (created if missing); lets tests and tenants of a shared server stay apart. */
  postgresSchema?: string;
  /** PostgreSQL: how long to wait for a connection and for a statement before the store counts as unavailable. */
  postgresTimeouts?: PostgresTimeouts;
  /** PostgreSQL: failures no caller awaits (an idle connection that broke); logged, never thrown. */
  onBackgroundError?: (error: Error) => void;
}

/** Opens the store named by a DATABASE_URL (sqlite:<path> or postgres://…) and runs pending migrations. */
export async function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  const store = databaseUrl.startsWith('sqlite:')
    ? openSqlite(databaseUrl.slice('sqlite:'.length))
    : await openPostgres(databaseUrl, options);
  if (store.dialect === 'postgres') await withSchemaChangeLock(databaseUrl, options, () => migrate(store));
  else await migrate(store);
  return store;
}

/**
 * The advisory lock under which processes change PostgreSQL schemas. Kysely's migrator locks only the running of
 * migrations; its check for its own tables comes before that lock and reads the catalog of every schema, so two
 * workers starting at once could both create those tables, and a schema dropped meanwhile fails the check.
 */
export const SCHEMA_CHANGE_LOCK = 740_311_902;

/** Runs `change` while holding SCHEMA_CHANGE_LOCK on a connection of its own. */
export async function withSchemaChangeLock<T>(
  url: string,
  { postgresTimeouts = DEFAULT_POSTGRES_TIMEOUTS }: Pick<OpenStoreOptions, 'postgresTimeouts'>,
  change: () => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: postgresTimeouts.connectMs });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_CHANGE_LOCK]);
    return await change();
  } finally {
    await client.end();
  }
}

function openSqlite(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const connection = new Sqlite(path);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  // Another process (a worker, a CLI) may hold the write lock briefly; wait rather than fail.
  connection.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

async function openPostgres(
  url: string,
  { postgresSchema, postgresTimeouts = DEFAULT_POSTGRES_TIMEOUTS, onBackgroundError }: OpenStoreOptions,
): Promise<Store> {
  if (postgresSchema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(postgresSchema)) {
    throw new Error(`Invalid PostgreSQL schema name: ${postgresSchema}`);
  }
  if (postgresSchema) {
    const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: postgresTimeouts.connectMs });
    admin.on('error', () => undefined);
    await admin.connect();
    try {
      await admin.query(`create schema if not exists "${postgresSchema}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = createGuardedPool(
    { connectionString: url, max: 10, ...(postgresSchema ? { options: `-c search_path=${postgresSchema}` } : {}) },
    postgresTimeouts,
    onBackgroundError ?? ((error) => console.warn(`PostgreSQL connection failed: ${error.message}`)),
  );
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', ...(postgresSchema ? { schema: postgresSchema } : {}), close: () => db.destroy() };
}

async function migrate(store: Store): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => allMigrations(store.dialect) };
  const { error, results } = await new Migrator({
    db: store.db,
    provider,
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  }).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
