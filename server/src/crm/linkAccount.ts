import type { Kysely } from 'kysely';
import { AppError } from '../errors.js';
import type { Database } from '../store/schema.js';
import { normalizeEmail, type MicrosoftIdentity } from './identity.js';
import { verifyPasswordOrNothing } from './passwords.js';
import { findUserByEmail, findUserByIdentity, linkIdentity } from './users.js';

/**
 * Failed attempts allowed inside the window, counted per Microsoft 365 identity and per target address (known or
 * not, so the lockout does not tell which addresses have accounts), before linking is refused for a while.
 */
export const MAX_LINK_FAILURES = 5;
export const LINK_FAILURE_WINDOW_MS = 15 * 60 * 1000;

export interface LinkAccountInput {
  identity: MicrosoftIdentity;
  email: string;
  password: string;
  now: Date;
}

/**
 * "Link my account": proves ownership of an existing CRM-native account with its own credentials and binds
 * the caller's Microsoft 365 identity to it, so that identity opens that account (and its organisation) from now on.
 * A wrong password and an unknown address cost the same time and answer the same.
 */
export async function linkExistingAccount(db: Kysely<Database>, input: LinkAccountInput): Promise<void> {
  const { identity, now } = input;
  const targetEmail = normalizeEmail(input.email);
  if (await findUserByIdentity(db, identity.tenantId, identity.objectId)) throw new AppError('already_member');
  if (await isLockedOut(db, identity, targetEmail, now)) throw new AppError('too_many_attempts');

  const account = await findUserByEmail(db, targetEmail);
  const valid = await verifyPasswordOrNothing(input.password, account?.password_hash);
  if (!account || !valid) {
    await db
      .insertInto('account_link_failures')
      .values({
        tenant_id: identity.tenantId,
        object_id: identity.objectId,
        target_email: targetEmail,
        failed_at: now.toISOString(),
      })
      .execute();
    throw new AppError('invalid_credentials');
  }
  if (account.object_id !== null || !(await linkIdentity(db, account.id, identity.tenantId, identity.objectId))) {
    throw new AppError('already_linked');
  }
}

async function isLockedOut(
  db: Kysely<Database>,
  identity: MicrosoftIdentity,
  targetEmail: string,
  now: Date,
): Promise<boolean> {
  const windowStart = new Date(now.getTime() - LINK_FAILURE_WINDOW_MS).toISOString();
  const count = async (scope: 'identity' | 'target') => {
    let query = db
      .selectFrom('account_link_failures')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('failed_at', '>', windowStart);
    query =
      scope === 'identity'
        ? query.where('tenant_id', '=', identity.tenantId).where('object_id', '=', identity.objectId)
        : query.where('target_email', '=', targetEmail);
    return Number((await query.executeTakeFirstOrThrow()).count);
  };
  const [byIdentity, byTarget] = await Promise.all([count('identity'), count('target')]);
  return byIdentity >= MAX_LINK_FAILURES || byTarget >= MAX_LINK_FAILURES;
}
