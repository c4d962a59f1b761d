import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import pg from 'pg';
import { classifyConnectError, classifyStoreError, StoreUnavailableError } from './storeUnavailable.js';

/** How long the service waits on PostgreSQL before it tells the user the database is unavailable. */
export interface PostgresTimeouts {
  /** Getting a connection: a free one from the pool, or a new one (TCP, TLS and authentication). */
  connectMs: number;
  /** One statement; PostgreSQL cancels it after this (statement_timeout), and the service stops waiting soon after. */
  statementMs: number;
}

export const DEFAULT_POSTGRES_TIMEOUTS: PostgresTimeouts = { connectMs: 5_000, statementMs: 30_000 };

/**
 * How much longer than statement_timeout the service waits for an answer: past it, the server would have
 * cancelled the statement and said so, so silence means the connection is dead (a blackhole, a dead host).
 */
const ANSWER_MARGIN_MS = 2_000;
/** Idle connections are closed after this, so a pool that once grew (or survived an outage) shrinks again. */
const IDLE_CLOSE_MS = 30_000;
/** TCP keepalive from the first idle second on: the kernel notices a silently dead connection by itself. */
const KEEPALIVE_DELAY_MS = 10_000;
/** A session left idle inside a transaction (its client gone) holds locks; the server ends it after this. */
const IDLE_IN_TRANSACTION_MS = 60_000;

export interface GuardedPool extends PostgresPool {
  /** The pg pool underneath (its counts, for operators and tests). */
  readonly pool: pg.Pool;
}

/**
 * A pg pool for Kysely that never takes the process down and never waits without end:
 * - every connection has an `error` listener, idle or checked out (pg emits `error` with no listener otherwise,
 *   which ends the process: "Connection terminated unexpectedly");
 * - getting a connection, each statement, and the wait for its answer are bounded;
 * - a connection that broke or went silent is thrown away instead of going back to the pool;
 * - failures of the connection become one `StoreUnavailableError` (503 for a request, a later retry for a job).
 */
export function createGuardedPool(
  config: pg.PoolConfig,
  timeouts: PostgresTimeouts,
  onBackgroundError: (error: Error) => void,
): GuardedPool {
  const pool = new pg.Pool({
    ...config,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    idleTimeoutMillis: IDLE_CLOSE_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
  });
  const lost = new WeakSet<pg.PoolClient>();
  const guarded = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  // An idle connection that breaks: pg-pool removes it and reports here; the next request opens a new one.
  pool.on('error', (error) => onBackgroundError(error));
  pool.on('connect', (client) => {
    // A checked-out connection has no listener of pg-pool's; this one keeps its `error` from ending the process.
    client.on('error', () => lost.add(client));
    client.on('end', () => lost.add(client));
  });

  const answerWaitMs = timeouts.statementMs + ANSWER_MARGIN_MS;

  async function query<R>(
    client: pg.PoolClient,
    sql: string,
    parameters: readonly unknown[],
  ): Promise<PostgresQueryResult<R>> {
    if (lost.has(client)) throw new StoreUnavailableError('the connection to the database was lost');
    const answer = client.query(sql, [...parameters]) as unknown as Promise<PostgresQueryResult<R>>;
    // Once given up on, the query still settles (with an error) when the connection is closed.
    answer.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const silence = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        lost.add(client);
        reject(new StoreUnavailableError(`no answer from the database within ${answerWaitMs} ms`));
      }, answerWaitMs);
    });
    try {
      return await Promise.race([answer, silence]);
    } catch (error) {
      throw classifyStoreError(error, lost.has(client));
    } finally {
      clearTimeout(timer);
    }
  }

  function guard(client: pg.PoolClient): PostgresPoolClient {
    let wrapper = guarded.get(client);
    if (!wrapper) {
      wrapper = {
        query: ((sqlOrCursor: unknown, parameters?: readonly unknown[]) => {
          if (typeof sqlOrCursor !== 'string') throw new Error('Cursors are not used by this store');
          return query(client, sqlOrCursor, parameters ?? []);
        }) as PostgresPoolClient['query'],
        // A lost connection is destroyed rather than handed to the next request.
        release: (destroy?: boolean) => client.release(Boolean(destroy) || lost.has(client)),
      };
      guarded.set(client, wrapper);
    }
    return wrapper;
  }

  return {
    pool,
    async connect() {
      try {
        return guard(await pool.connect());
      } catch (error) {
        throw classifyConnectError(error);
      }
    },
    end: () => pool.end(),
  };
}
