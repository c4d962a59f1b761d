import pg from 'pg';
import { AppError } from '../errors.js';

/** How long a client is asked to wait before trying again (the `Retry-After` of a 503). */
export const STORE_RETRY_AFTER_SECONDS = 5;

/**
 * The database could not be reached or did not answer in time: nothing the request did is at fault, and the
 * same request may succeed in a moment. A transaction that failed this way was rolled back or never committed
 * as far as its caller knows; PostgreSQL commits all of it or none of it.
 */
export class StoreUnavailableError extends AppError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super('store_unavailable', detail);
    this.name = 'StoreUnavailableError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/**
 * SQLSTATEs that say the server or the connection is gone or overloaded, not that the statement is wrong:
 * class 08 (connection exception), class 53 (insufficient resources: too many connections, disk full),
 * 57P01-57P03 (shut down by an administrator, crash, not yet accepting connections), 57014 (cancelled by our own
 * statement_timeout) and 25P03 (the server ended a session idle in a transaction).
 */
function isUnavailableSqlState(code: string | undefined): boolean {
  if (!code) return false;
  return code.startsWith('08') || code.startsWith('53') || ['57P01', '57P02', '57P03', '57014', '25P03'].includes(code);
}

/** Socket errors on the way to the server (Node's `code` of a system error). */
const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * What a failure of a query means, decided by its SQLSTATE or socket error code (never by message text):
 * a `StoreUnavailableError`, or the error itself when the statement is at fault.
 */
export function classifyStoreError(error: unknown, connectionLost: boolean): unknown {
  if (error instanceof StoreUnavailableError) return error;
  if (error instanceof pg.DatabaseError) {
    return isUnavailableSqlState(error.code)
      ? new StoreUnavailableError(`the database refused the statement (${error.code})`, { cause: error })
      : error;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (connectionLost || (typeof code === 'string' && NETWORK_ERRORS.has(code)))
    return new StoreUnavailableError('the connection to the database was lost', { cause: error });
  return error;
}

/**
 * What a failure to get a connection means: every failure without a SQLSTATE is the network or a timeout;
 * with one, only the unavailable classes count (a wrong password or database name stays what it is).
 */
export function classifyConnectError(error: unknown): unknown {
  if (error instanceof pg.DatabaseError) return classifyStoreError(error, false);
  return new StoreUnavailableError('no connection to the database', { cause: error });
}
