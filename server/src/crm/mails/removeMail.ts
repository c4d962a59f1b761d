import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/schema.js';
import type { MicrosoftIdentity } from '../identity.js';
import { requireMember, type Member } from '../member.js';
import { readFiledMail } from './mailQueries.js';
import type { FiledMail } from './mailRecords.js';
import { mayRemoveLink } from './mailVisibility.js';

type Db = Kysely<Database>;

/**
 * Takes a filed mail off one contact; its other contacts keep it. Returns the mail as it remains for the caller,
 * or null once it is on no contact any more (then it is gone from the CRM).
 */
export async function removeMailFromContact(
  db: Db,
  identity: MicrosoftIdentity,
  mailId: string,
  contactId: string,
): Promise<FiledMail | null> {
  const member = await requireMember(db, identity);
  await readFiledMail(db, member, mailId);
  const links = await linksOf(db, mailId);
  const link = links.find((l) => l.contactId === contactId);
  if (!link) throw new AppError('mail_not_found', `${mailId} is not filed on ${contactId}`);
  if (!mayRemoveLink(member, link)) throw new AppError('records_permission_denied');
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('filed_mail_links')
      .where('filed_mail_id', '=', mailId)
      .where('contact_id', '=', contactId)
      .execute();
    await dropWhenUnlinked(trx, mailId);
  });
  return remaining(db, member, mailId);
}

/**
 * **Remove from CRM** in the pane: takes the mail off every contact the caller may take it off, and the caller no
 * longer counts as one who filed it. Links colleagues made to contacts the caller may not change stay.
 */
export async function removeMailFromCrm(
  db: Db,
  identity: MicrosoftIdentity,
  mailId: string,
): Promise<FiledMail | null> {
  const member = await requireMember(db, identity);
  await readFiledMail(db, member, mailId);
  const removable = (await linksOf(db, mailId)).filter((link) => mayRemoveLink(member, link));
  await db.transaction().execute(async (trx) => {
    if (removable.length > 0)
      await trx
        .deleteFrom('filed_mail_links')
        .where('filed_mail_id', '=', mailId)
        .where(
          'contact_id',
          'in',
          removable.map((link) => link.contactId),
        )
        .execute();
    await trx
      .deleteFrom('filed_mail_filers')
      .where('filed_mail_id', '=', mailId)
      .where('user_id', '=', member.user.id)
      .execute();
    await dropWhenUnlinked(trx, mailId);
  });
  return remaining(db, member, mailId);
}

async function linksOf(db: Db, mailId: string) {
  const rows = await db
    .selectFrom('filed_mail_links')
    .innerJoin('contacts', 'contacts.id', 'filed_mail_links.contact_id')
    .select(['filed_mail_links.contact_id', 'filed_mail_links.filed_by_user_id', 'contacts.owner_user_id'])
    .where('filed_mail_links.filed_mail_id', '=', mailId)
    .execute();
  return rows.map((r) => ({ contactId: r.contact_id, filedBy: r.filed_by_user_id, contactOwner: r.owner_user_id }));
}

/** A mail on no contact has no place in the CRM: it goes with its last link. */
async function dropWhenUnlinked(trx: Transaction<Database>, mailId: string): Promise<void> {
  const link = await trx
    .selectFrom('filed_mail_links')
    .select('contact_id')
    .where('filed_mail_id', '=', mailId)
    .limit(1)
    .executeTakeFirst();
  if (link) return;
  await trx.deleteFrom('filed_mail_filers').where('filed_mail_id', '=', mailId).execute();
  await trx.deleteFrom('filed_mails').where('id', '=', mailId).execute();
}

async function remaining(db: Db, member: Member, mailId: string): Promise<FiledMail | null> {
  try {
    return await readFiledMail(db, member, mailId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'mail_not_found') return null;
    throw error;
  }
}
