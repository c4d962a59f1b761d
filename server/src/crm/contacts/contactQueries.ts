import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { normalizeEmail } from '../identity.js';
import type { LookedUpContact } from '../../../../common/api/contacts.js';
import { contactFromRow, type CrmContact } from './contactRecords.js';

const LIST_LIMIT = 1000;

/** A user's own contacts by last and first name; `q` narrows them to a name, e-mail address or account containing it. */
export async function listOwnContacts(db: Kysely<Database>, ownerId: string, q?: string): Promise<CrmContact[]> {
  let query = db
    .selectFrom('contacts')
    .selectAll()
    .where('owner_user_id', '=', ownerId)
    .where('deleted_at', 'is', null);
  const needle = q?.trim().toLowerCase();
  if (needle) {
    // LIKE is case-insensitive on SQLite but not on PostgreSQL: comparing lower() on both sides means the same everywhere.
    const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const columns = ['first_name', 'last_name', 'account_name', 'email', 'secondary_email', 'tertiary_email'] as const;
    query = query.where((eb) =>
      eb.or(columns.map((column) => eb(sql`lower(${sql.ref(column)})`, 'like', sql`${pattern} escape '\\'`))),
    );
  }
  const rows = await query.orderBy('last_name').orderBy('first_name').orderBy('id').limit(LIST_LIMIT).execute();
  return rows.map(contactFromRow);
}

/**
 * The organisation's contact with this e-mail address in any of its three e-mail fields, ignoring case; the
 * caller's own contact first, then the most recently changed. Null when the organisation has none.
 */
export async function findContactByEmail(
  db: Kysely<Database>,
  organisationId: string,
  callerId: string,
  email: string,
): Promise<LookedUpContact | null> {
  const address = normalizeEmail(email);
  const row = await db
    .selectFrom('contacts')
    .innerJoin('users', 'users.id', 'contacts.owner_user_id')
    .selectAll('contacts')
    .select('users.display_name as owner_name')
    .where('contacts.organisation_id', '=', organisationId)
    .where('contacts.deleted_at', 'is', null)
    .where((eb) =>
      eb.or(
        ['contacts.email', 'contacts.secondary_email', 'contacts.tertiary_email'].map((column) =>
          eb(sql`lower(${sql.ref(column)})`, '=', address),
        ),
      ),
    )
    .orderBy(sql`case when contacts.owner_user_id = ${callerId} then 0 else 1 end`)
    .orderBy('contacts.updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const { owner_name: ownerName, ...contact } = row;
  return { ...contactFromRow(contact), ownerName };
}
