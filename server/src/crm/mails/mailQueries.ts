import { MAX_LOOKUP_ADDRESSES } from '../../../../common/api/mails.js';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/schema.js';
import { normalizeEmail } from '../identity.js';
import type { Member } from '../member.js';
import { mailFromRow, type FiledMail } from './mailRecords.js';
import { contactsOfMails, visibleTo } from './mailVisibility.js';

/** A CRM contact among a message's sender and recipients, as the pane offers it for filing. */
export interface InvolvedContact {
  address: string;
  contactId: string;
  name: string;
  ownerName: string;
}

/**
 * For each address, the organisation's contact with it in any of the three e-mail fields (the caller's own first,
 * then the most recently changed, as the pane's sender lookup does); addresses without a contact are left out.
 */
export async function involvedContacts(
  db: Kysely<Database>,
  member: Member,
  addresses: string[],
): Promise<InvolvedContact[]> {
  const wanted = [...new Set(addresses.map(normalizeEmail))].slice(0, MAX_LOOKUP_ADDRESSES);
  if (wanted.length === 0) return [];
  const columns = ['contacts.email', 'contacts.secondary_email', 'contacts.tertiary_email'] as const;
  const rows = await db
    .selectFrom('contacts')
    .innerJoin('users', 'users.id', 'contacts.owner_user_id')
    .select([
      'contacts.id',
      'contacts.first_name',
      'contacts.last_name',
      'contacts.email',
      'contacts.secondary_email',
      'contacts.tertiary_email',
      'contacts.owner_user_id',
      'users.display_name as owner_name',
    ])
    .where('contacts.organisation_id', '=', member.organisation.id)
    .where('contacts.deleted_at', 'is', null)
    .where((eb) => eb.or(columns.map((column) => eb(sql`lower(${sql.ref(column)})`, 'in', wanted))))
    .orderBy(sql`case when contacts.owner_user_id = ${member.user.id} then 0 else 1 end`)
    .orderBy('contacts.updated_at', 'desc')
    .orderBy('contacts.id')
    .execute();
  const found: InvolvedContact[] = [];
  const taken = new Set<string>();
  for (const address of wanted) {
    const row = rows.find((r) =>
      [r.email, r.secondary_email, r.tertiary_email].some((e) => e !== '' && normalizeEmail(e) === address),
    );
    if (!row || taken.has(row.id)) continue;
    taken.add(row.id);
    found.push({
      address,
      contactId: row.id,
      name: [row.first_name, row.last_name].filter(Boolean).join(' '),
      ownerName: row.owner_name,
    });
  }
  return found;
}

/** The filed copy of the message with this internet message id, if the caller may see it. */
export async function filedMailOfMessage(
  db: Kysely<Database>,
  member: Member,
  internetMessageId: string,
): Promise<FiledMail | null> {
  const row = await db
    .selectFrom('filed_mails')
    .selectAll()
    .where('internet_message_id', '=', internetMessageId)
    .where(visibleTo(member))
    .executeTakeFirst();
  if (!row) return null;
  const contacts = await contactsOfMails(db, member, [row.id]);
  return mailFromRow(row, contacts.get(row.id) ?? [], false);
}

/** One filed mail with its text; one the caller may not see is one that does not exist for them. */
export async function readFiledMail(db: Kysely<Database>, member: Member, mailId: string): Promise<FiledMail> {
  const row = await db
    .selectFrom('filed_mails')
    .selectAll()
    .where('id', '=', mailId)
    .where(visibleTo(member))
    .executeTakeFirst();
  if (!row) throw new AppError('mail_not_found', `${mailId} is not visible`);
  const contacts = await contactsOfMails(db, member, [row.id]);
  return mailFromRow(row, contacts.get(row.id) ?? [], true);
}
