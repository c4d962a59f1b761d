import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { Member } from '../member.js';
import { hasPermission } from '../permissions.js';
import type { FiledMailContact } from './mailRecords.js';

/**
 * Who may see a filed mail (docs/product-rules.md#r-filed-mail-visibility): members who manage all records, the
 * members who filed it, and the owners of the contacts it is filed on; never anyone of another organisation.
 */
export function visibleTo(member: Member) {
  return (eb: ExpressionBuilder<Database, 'filed_mails'>) => {
    const inOrganisation = eb('filed_mails.organisation_id', '=', member.organisation.id);
    if (hasPermission(member.user, 'manage_all_records')) return inOrganisation;
    return eb.and([
      inOrganisation,
      eb.or([
        eb.exists(
          eb
            .selectFrom('filed_mail_filers')
            .select(sql`1`.as('one'))
            .whereRef('filed_mail_filers.filed_mail_id', '=', 'filed_mails.id')
            .where('filed_mail_filers.user_id', '=', member.user.id),
        ),
        eb.exists(
          eb
            .selectFrom('filed_mail_links')
            .innerJoin('contacts', 'contacts.id', 'filed_mail_links.contact_id')
            .select(sql`1`.as('one'))
            .whereRef('filed_mail_links.filed_mail_id', '=', 'filed_mails.id')
            .where('contacts.owner_user_id', '=', member.user.id)
            .where('contacts.deleted_at', 'is', null),
        ),
      ]),
    ]);
  };
}

/** A link may be removed by whoever filed it there and by whoever may change the contact. */
export function mayRemoveLink(member: Member, link: { filedBy: string; contactOwner: string }): boolean {
  return (
    link.filedBy === member.user.id ||
    link.contactOwner === member.user.id ||
    hasPermission(member.user, 'manage_all_records')
  );
}

/** The contacts each of these mails is filed on, as the caller sees them; deleted contacts are left out. */
export async function contactsOfMails(
  db: Kysely<Database>,
  member: Member,
  mailIds: string[],
): Promise<Map<string, FiledMailContact[]>> {
  const byMail = new Map<string, FiledMailContact[]>(mailIds.map((id) => [id, []]));
  if (mailIds.length === 0) return byMail;
  const rows = await db
    .selectFrom('filed_mail_links')
    .innerJoin('contacts', 'contacts.id', 'filed_mail_links.contact_id')
    .select([
      'filed_mail_links.filed_mail_id',
      'filed_mail_links.filed_by_user_id',
      'contacts.id',
      'contacts.first_name',
      'contacts.last_name',
      'contacts.email',
      'contacts.owner_user_id',
    ])
    .where('filed_mail_links.filed_mail_id', 'in', mailIds)
    .where('contacts.deleted_at', 'is', null)
    .orderBy('contacts.last_name')
    .orderBy('contacts.first_name')
    .orderBy('contacts.id')
    .execute();
  for (const row of rows) {
    byMail.get(row.filed_mail_id)?.push({
      id: row.id,
      name: [row.first_name, row.last_name].filter(Boolean).join(' '),
      email: row.email,
      removable: mayRemoveLink(member, { filedBy: row.filed_by_user_id, contactOwner: row.owner_user_id }),
    });
  }
  return byMail;
}
