import { z } from 'zod';

/** What events and contacts share: ids in paths, reassigning, CSV imports and mass updates. */

/** `:id` of an event, a contact, an invitation or an access request. */
export const recordIdParams = z.object({ id: z.string().uuid() });

/** A calendar date as a query or path value. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-29');

/** POST /api/{events,contacts}/:id/owner: hands a record to another member. */
export const ownerBody = z.object({ ownerId: z.string().uuid() }).strict();

/** POST /api/{events,contacts}/import (and /api/contacts/migrate): a CSV file's text. */
export const csvBody = z.object({ csv: z.string().min(1) }).strict();

export const importResultSchema = z.object({ imported: z.number().int() });

/**
 * The most records one mass update changes. It is all or nothing, one transaction, and on SQLite that holds the only
 * connection: each record costs a read, a check, a write and an outbox row (~1 ms, more for a series with thousands
 * of exceptions), so 50 keep every other request's wait under 100 ms. A script sends several requests.
 */
export const MAX_MASS_UPDATE = 50;

/** POST /api/{events,contacts}/mass-update: the same changes to up to 50 records. */
export function massUpdateBody<T extends z.ZodType>(changes: T) {
  return z.object({ ids: z.array(z.string().uuid()).min(1).max(MAX_MASS_UPDATE), changes }).strict();
}
