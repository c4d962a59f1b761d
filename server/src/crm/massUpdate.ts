/**
 * The most records one mass update changes. It is all or nothing, one transaction, and on SQLite that holds the only
 * connection: each record costs a read, a check, a write and an outbox row (~1 ms), so 100 keep every other request's
 * wait well under 100 ms. The add-in selects from a page; a script sends several requests.
 */
export const MAX_MASS_UPDATE = 100;
