import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/schema.js';
import type { MicrosoftIdentity } from '../identity.js';
import { requireMember, type Member } from '../member.js';
import { participantAddresses, type MailMessage } from './mailMessage.js';
import { involvedContacts } from './mailQueries.js';
import { readFiledMail } from './mailQueries.js';
import type { FiledMail } from './mailRecords.js';
import type { MessageReader } from './messageReader.js';

export interface FileMailContext {
  db: Kysely<Database>;
  messages: MessageReader;
  now: () => Date;
}

/**
 * Files the message open in the caller's Outlook on chosen contacts of their organisation: reads it from their
 * mailbox through Graph, stores it once per organisation and internet message id (a colleague filing the same mail
 * adds links, not a second mail: docs/product-rules.md#r-filed-mail-once), and links it to each contact. Every contact must be one the message involves.
 */
export async function fileMail(
  ctx: FileMailContext,
  identity: MicrosoftIdentity,
  input: { itemId: string; contactIds: string[] },
): Promise<FiledMail> {
  const member = await requireMember(ctx.db, identity);
  const message = await ctx.messages.read(identity, input.itemId);
  await storeFiling(ctx, member, message, input.contactIds);
  const stored = await ctx.db
    .selectFrom('filed_mails')
    .select('id')
    .where('organisation_id', '=', member.organisation.id)
    .where('internet_message_id', '=', message.internetMessageId)
    .executeTakeFirstOrThrow();
  return readFiledMail(ctx.db, member, stored.id);
}

/** The writes of one filing, in one transaction; repeating it changes nothing. */
export async function storeFiling(
  ctx: { db: Kysely<Database>; now: () => Date },
  member: Member,
  message: MailMessage,
  contactIds: string[],
): Promise<void> {
  const chosen = [...new Set(contactIds)];
  const involved = new Set(
    (await involvedContacts(ctx.db, member, participantAddresses(message))).map((c) => c.contactId),
  );
  const stranger = chosen.find((id) => !involved.has(id));
  if (stranger !== undefined)
    throw new AppError('mail_contact_not_involved', `${stranger} is not among the message's contacts`);
  // All three e-mail fields of every chosen contact were matched above, so a contact of another organisation or a
  // deleted one never gets this far.
  const at = ctx.now().toISOString();
  await ctx.db
    .transaction()
    .execute((trx) =>
      writeFiling(trx, { organisationId: member.organisation.id, userId: member.user.id }, message, chosen, at),
    );
}

/**
 * Stores the mail once per organisation and internet message id, its filer, and its links to the contacts (checked
 * by the caller: contacts of the organisation the message involves). Repeating it changes nothing.
 */
export async function writeFiling(
  trx: Transaction<Database>,
  filer: { organisationId: string; userId: string },
  message: MailMessage,
  contactIds: string[],
  at: string,
): Promise<void> {
  await trx
    .insertInto('filed_mails')
    .values({
      id: randomUUID(),
      organisation_id: filer.organisationId,
      internet_message_id: message.internetMessageId,
      conversation_id: message.conversationId,
      subject: message.subject,
      from_address: message.from.address,
      from_name: message.from.name,
      to_recipients: JSON.stringify(message.to),
      cc_recipients: JSON.stringify(message.cc),
      sent_at: message.sentAt,
      body_text: message.bodyText,
      body_truncated: message.bodyTruncated ? 1 : 0,
      attachments: JSON.stringify(message.attachments),
      sensitivity: message.sensitivity,
      filed_at: at,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'internet_message_id']).doNothing())
    .execute();
  const { id } = await trx
    .selectFrom('filed_mails')
    .select('id')
    .where('organisation_id', '=', filer.organisationId)
    .where('internet_message_id', '=', message.internetMessageId)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('filed_mail_filers')
    .values({ filed_mail_id: id, user_id: filer.userId, filed_at: at })
    .onConflict((oc) => oc.columns(['filed_mail_id', 'user_id']).doNothing())
    .execute();
  if (contactIds.length === 0) return;
  await trx
    .insertInto('filed_mail_links')
    .values(
      contactIds.map((contactId) => ({
        filed_mail_id: id,
        contact_id: contactId,
        filed_by_user_id: filer.userId,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['filed_mail_id', 'contact_id']).doNothing())
    .execute();
}
