import { ZodError } from 'zod';
import { GraphError } from '../../graph/graphError.js';

/**
 * Why one item could not be applied, as a sync log reason, when the failure belongs to that item alone; undefined
 * for failures of the whole run (Graph busy or unreachable, the database gone, the token expired), which the
 * run's retry takes care of and which must never set an item aside.
 */
export function itemFailureReason(error: unknown): string | undefined {
  if (error instanceof GraphError) {
    const { kind, status, code } = error;
    const itsOwn = kind === 'invalid_request' || kind === 'not_found' || (kind === 'unknown' && status < 500);
    return itsOwn ? `refused_read|${status} ${code || 'unknown'}` : undefined;
  }
  const databaseCode = itemDatabaseErrorCode(error);
  if (databaseCode) return `unstorable|${databaseCode}`;
  // A Graph item whose content is not what the mapping expects (a missing or mistyped property).
  if (error instanceof TypeError || error instanceof RangeError || error instanceof SyntaxError) return 'unreadable';
  if (error instanceof ZodError) return 'unreadable';
  return undefined;
}

/**
 * The database's code when it refused the values of one write: PostgreSQL's data exceptions and integrity
 * violations (SQLSTATE classes 22 and 23, e.g. 22021 for a NUL in text) and a value too large for an index
 * (54000), SQLite's constraint, type and size refusals. Connection and server failures have other codes and stay
 * failures of the run.
 */
function itemDatabaseErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (/^2[23][0-9A-Z]{3}$/.test(code) || code === '54000') return code;
  if (/^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(code)) return code;
  return undefined;
}
