/**
 * The most records one mass update changes. It is all or nothing, one transaction, and on SQLite that holds the only
 * connection: each record costs a read, a check, a write and an outbox row (~1 ms, more for a series with thousands
 * of exceptions), so 50 keep every other request's wait under 100 ms. A script sends several requests.
 */
export const MAX_MASS_UPDATE = 50;
