import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/schema.js';
import type { MicrosoftIdentity } from '../identity.js';
import { requireMember } from '../member.js';

/** The internet header the add-in stamps on a draft (Office.js internetHeaders, Mailbox 1.8). */
export const FILE_ON_SEND_HEADER = 'x-crm-filing';
/** How long a marked message is looked for in Sent Items: a draft left for a week is no longer meant. */
export const FILE_ON_SEND_DAYS = 7;

/**
 * File when sent: a token for the draft's header. Once the message is sent, its copy in the user's Sent Items
 * carries the header, and the sweep files it on the CRM contacts it involves (sync/mail/filesOnSend.ts).
 */
export async function markFileOnSend(
  db: Kysely<Database>,
  identity: MicrosoftIdentity,
  now: Date,
): Promise<{ token: string; header: typeof FILE_ON_SEND_HEADER; expiresAt: string }> {
  const { user } = await requireMember(db, identity);
  const token = randomBytes(18).toString('base64url');
  const expiresAt = new Date(now.getTime() + FILE_ON_SEND_DAYS * 86_400_000).toISOString();
  await db
    .insertInto('files_on_send')
    .values({
      token,
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      next_check_at: now.toISOString(),
      checks: 0,
    })
    .execute();
  return { token, header: FILE_ON_SEND_HEADER, expiresAt };
}

/** Takes a File when sent back; a token of someone else, or one already filed, is not found. */
export async function cancelFileOnSend(
  db: Kysely<Database>,
  identity: MicrosoftIdentity,
  token: string,
): Promise<void> {
  const { user } = await requireMember(db, identity);
  const result = await db
    .deleteFrom('files_on_send')
    .where('token', '=', token)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('not_found', 'no such File when sent');
}
