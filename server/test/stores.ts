import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, SCHEMA_CHANGE_LOCK, type Store } from '../src/store/database.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** In CI the PostgreSQL tests must run; elsewhere they are skipped loudly when no server is reachable. */
const postgresRequired = process.env.CI === 'true' || process.env.REQUIRE_POSTGRES === '1';

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  available: boolean;
  /** A fresh, migrated, empty store: a new SQLite file or a new PostgreSQL schema. */
  open(): Promise<Store>;
}

/**
 * Drops a test's PostgreSQL schema (the job queue's tables live in it), under the lock migrations hold: a migration
 * running in another test file reads every schema's catalog and fails if one vanishes under it.
 */
export async function dropTestSchemas(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_CHANGE_LOCK]);
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (postgresRequired)
      throw new Error(`PostgreSQL tests are required here but ${TEST_DATABASE_URL} is unreachable: ${String(error)}`, {
        cause: error,
      });
    console.warn(
      `\n*** PostgreSQL at ${TEST_DATABASE_URL} is unreachable: its store tests are SKIPPED (set TEST_DATABASE_URL). ***\n`,
    );
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function storeKinds(): Promise<StoreKind[]> {
  const sqlite: StoreKind = {
    name: 'sqlite',
    available: true,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'crm-store-'));
      const store = await openStore(`sqlite:${join(dir, 'crm.sqlite')}`);
      return {
        ...store,
        close: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
  const postgres: StoreKind = {
    name: 'postgres',
    available: await postgresReachable(),
    async open() {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      const store = await openStore(TEST_DATABASE_URL, { postgresSchema: schema });
      return {
        ...store,
        close: async () => {
          await store.close();
          await dropTestSchemas(schema);
        },
      };
    },
  };
  return [sqlite, postgres];
}
