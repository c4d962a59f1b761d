import express, { type RequestHandler } from 'express';
import { importTooLarge, MAX_IMPORT_CHARACTERS } from '../crm/importRows.js';
import { AppError } from '../errors.js';

/** The routes that take a CSV file inside their JSON body (a few megabytes); every other body is a record or a change. */
const CSV_PATHS = new Set(['/api/events/import', '/api/contacts/import', '/api/contacts/migrate']);

/**
 * Our payloads nest a few levels (an event's recurrence pattern is the deepest, at four); JSON.parse takes time with
 * the depth of what it reads, so a body nested deeper than this is refused before it is parsed.
 */
const MAX_DEPTH = 32;

const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest nesting of arrays and objects in a JSON text (brackets inside strings do not count), up to `limit`. */
export function jsonDepth(body: Buffer, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth -= 1;
  }
  return deepest;
}

const refuseDeepJson = (_req: unknown, _res: unknown, body: Buffer) => {
  if (jsonDepth(body, MAX_DEPTH) > MAX_DEPTH) {
    const detail = `JSON nested deeper than ${MAX_DEPTH} levels`;
    throw new AppError('invalid_request', detail, { detail });
  }
};

const isTooLarge = (error: unknown) =>
  typeof error === 'object' && error !== null && 'type' in error && error.type === 'entity.too.large';

/**
 * JSON bodies: for the CSV imports their CSV and its escaping (a file too large is refused in the import's words),
 * 1 MB for everything else (an event with a 32,000-character description, 500 attendees and 2,000 cancelled
 * occurrences fits). Larger bodies get 413 before they are read.
 */
export function jsonBodies(): RequestHandler {
  const csv = express.json({ limit: Math.round(MAX_IMPORT_CHARACTERS * 1.25), verify: refuseDeepJson });
  const other = express.json({ limit: '1mb', verify: refuseDeepJson });
  return (req, res, next) => {
    if (!CSV_PATHS.has(req.path)) return other(req, res, next);
    csv(req, res, (error?: unknown) => next(isTooLarge(error) ? importTooLarge('body over the limit') : error));
  };
}
