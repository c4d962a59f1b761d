import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/schema.js';
import type { MicrosoftIdentity } from '../identity.js';
import { requireMember } from '../member.js';

/**
 * The add-in's custom property that marks a draft (Office.js item custom properties): an item property, so it stays
 * on the sent copy in Sent Items (docs/graph-behaviour.md#add-in-custom-properties).
 */
export const FILE_ON_SEND_PROPERTY = 'crmFiling';
/** How long a marked message is looked for in Sent Items: a draft left for a week is no longer meant. */
export const FILE_ON_SEND_DAYS = 7;

/**
 * File when sent: a token for the draft's custom property. Once the message is sent, its copy in the user's Sent
 * Items carries it, and a job files it on the CRM contacts it involves (sync/mail/filesOnSend.ts).
 */
export async function markFileOnSend(
  db: Kysely<Database>,
  identity: MicrosoftIdentity,
  now: Date,
): Promise<{ token: string; property: typeof FILE_ON_SEND_PROPERTY; expiresAt: string }> {
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
  return { token, property: FILE_ON_SEND_PROPERTY, expiresAt };
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
