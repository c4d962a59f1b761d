import type { Insertable, Kysely, Transaction } from 'kysely';
import { AppError } from '../errors.js';
import type { Database } from '../store/schema.js';
import { csvRecords } from './events/csv.js';
import { workSlices } from './workSlices.js';

/**
 * The most rows one CSV import (events or contacts) takes. An import is all or nothing, so its rows go in within one
 * transaction, and on SQLite that holds the only connection, every other request's too: 1,000 rows of ~45 columns
 * take it for well under 100 ms. Larger files are split by the user.
 */
export const MAX_IMPORT_ROWS = 1_000;

/** The most characters of CSV one import takes: 1,000 rows of 2,000 characters, far more than a row usually has. */
export const MAX_IMPORT_CHARACTERS = 2_000_000;

/** Rows per INSERT: few enough that building and running one statement takes milliseconds, with breaks between. */
const ROWS_PER_INSERT = 100;

/**
 * An import's records with their line in the file (the header is line 1), read a slice of work at a time so that other
 * requests run meanwhile; a file with more than MAX_IMPORT_ROWS rows is refused before any is checked further.
 */
export async function* importRecords(
  records: Iterable<Record<string, string>>,
): AsyncGenerator<{ record: Record<string, string>; line: number }, void, undefined> {
  const checkpoint = workSlices();
  let index = 0;
  for (const record of records) {
    index += 1;
    if (index > MAX_IMPORT_ROWS) throw importTooLarge(`more than ${MAX_IMPORT_ROWS} rows`);
    await checkpoint();
    yield { record, line: index + 1 };
  }
}

/** The records of an import file, or its refusal when it has more characters than an import takes. */
export function importFileRecords(csv: string): Iterable<Record<string, string>> {
  if (csv.length > MAX_IMPORT_CHARACTERS) throw importTooLarge(`${csv.length} characters`);
  return csvRecords(csv);
}

/** The refusal of a file larger than an import takes, in rows or in characters. */
export function importTooLarge(detail: string): AppError {
  return new AppError('import_too_large', detail, {
    rows: MAX_IMPORT_ROWS,
    megabytes: MAX_IMPORT_CHARACTERS / 1_000_000,
  });
}

/** Inserts rows a few hundred per statement, letting other requests run between statements. */
export async function insertInChunks<T extends keyof Database>(
  db: Kysely<Database> | Transaction<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  const checkpoint = workSlices();
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .execute();
    await checkpoint();
  }
}
