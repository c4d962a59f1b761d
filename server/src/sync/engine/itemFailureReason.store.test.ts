import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import { z } from 'zod';
import { GraphError } from '../../graph/graphError.js';
import { RetryLater } from '../../jobs/jobQueue.js';
import { storeKinds, TEST_DATABASE_URL } from '../../../test/stores.js';
import { itemFailureReason } from './itemFailureReason.js';

const graphError = (status: number, code: string) =>
  new GraphError(status, code, undefined, undefined, 'GET /users/x/events/y');

async function postgresError(query: string, values: unknown[] = []): Promise<unknown> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(query, values);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await client.end();
  }
}

const postgres = (await storeKinds()).find((kind) => kind.name === 'postgres')!;

describe('which failures belong to one item (set aside in time) and which to the whole run (retried)', () => {
  it.each([
    [400, 'ErrorInvalidRequest', 'refused_read|400 ErrorInvalidRequest'],
    [404, 'ErrorItemNotFound', 'refused_read|404 ErrorItemNotFound'],
    [422, 'UnprocessableEntity', 'refused_read|422 UnprocessableEntity'],
    [401, 'InvalidAuthenticationToken', undefined],
    [403, 'ErrorAccessDenied', undefined],
    [410, 'SyncStateNotFound', undefined],
    [500, 'generalException', undefined],
  ] as const)('Graph %i %s → %s', (status, code, reason) => {
    expect(itemFailureReason(graphError(status, code))).toBe(reason);
  });

  it('a mapping that meets a value of the wrong kind is the item’s failure', () => {
    let typeError: unknown;
    try {
      (null as unknown as { trim(): string }).trim();
    } catch (error) {
      typeError = error;
    }
    expect(itemFailureReason(typeError)).toBe('unreadable');
    expect(itemFailureReason(new RangeError('Invalid time zone specified: Mars/Olympus'))).toBe('unreadable');
    expect(itemFailureReason(z.string().safeParse(1).error as ZodError)).toBe('unreadable');
  });

  it('Graph asking to wait, an unknown error and a plain Error are the run’s failures', () => {
    expect(itemFailureReason(new RetryLater(30))).toBeUndefined();
    expect(itemFailureReason(new Error('Connection terminated unexpectedly'))).toBeUndefined();
    // fetch fails with a TypeError, which for a mapping means an unreadable item: Graph out of reach is not that.
    expect(
      itemFailureReason(GraphError.noAnswer('GET /users/x/events/y', new TypeError('fetch failed'))),
    ).toBeUndefined();
    expect(itemFailureReason('a string')).toBeUndefined();
  });

  it('SQLite refusing the values of one write is the item’s failure', () => {
    const db = new Database(':memory:');
    db.exec('create table t (id text primary key not null)');
    let refused: unknown;
    try {
      db.prepare('insert into t (id) values (?)').run(null);
    } catch (error) {
      refused = error;
    }
    db.close();
    expect(itemFailureReason(refused)).toMatch(/^unstorable\|SQLITE_CONSTRAINT/);
  });

  describe.skipIf(!postgres.available)('PostgreSQL', () => {
    it('NUL in text and a value too large for an index are the item’s failure', async () => {
      expect(itemFailureReason(await postgresError('select $1::text', ['a\u0000b']))).toBe('unstorable|22021');
      const schema = `test_item_failure_${Date.now().toString(36)}`;
      const huge = Array.from({ length: 4000 }, (_, index) =>
        String.fromCharCode(0x4e00 + ((index * 7919) % 20000)),
      ).join('');
      const tooLarge = await postgresError(
        `create schema ${schema}; create table ${schema}.t (v text); create index on ${schema}.t (v); insert into ${schema}.t values ('${huge}')`,
      );
      await postgresError(`drop schema ${schema} cascade`);
      expect(itemFailureReason(tooLarge)).toBe('unstorable|54000');
    });

    it('a connection that cannot be made is the run’s failure', async () => {
      const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:1/test' });
      const refused: unknown = await client.connect().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeDefined();
      expect(itemFailureReason(refused)).toBeUndefined();
    });
  });
});
