import type { Kysely } from 'kysely';
import { AppError } from '../errors.js';
import type { Database } from '../store/schema.js';
import type { MicrosoftIdentity } from './identity.js';
import { verifyPassword } from './passwords.js';
import { findUserByEmail, findUserByIdentity, linkIdentity } from './users.js';

/** Failed attempts allowed per Microsoft 365 identity inside the window before linking is refused for a while. */
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
 */
export async function linkExistingAccount(db: Kysely<Database>, input: LinkAccountInput): Promise<void> {
  const { identity, now } = input;
  if (await findUserByIdentity(db, identity.tenantId, identity.objectId)) throw new AppError('already_member');
  const windowStart = new Date(now.getTime() - LINK_FAILURE_WINDOW_MS).toISOString();
  const failures = await db
    .selectFrom('account_link_failures')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('tenant_id', '=', identity.tenantId)
    .where('object_id', '=', identity.objectId)
    .where('failed_at', '>', windowStart)
    .executeTakeFirstOrThrow();
  if (Number(failures.count) >= MAX_LINK_FAILURES) throw new AppError('too_many_attempts');

  const account = await findUserByEmail(db, input.email);
  const valid = account?.password_hash ? await verifyPassword(input.password, account.password_hash) : false;
  if (!account || !valid) {
    await db
      .insertInto('account_link_failures')
      .values({ tenant_id: identity.tenantId, object_id: identity.objectId, failed_at: now.toISOString() })
      .execute();
    throw new AppError('invalid_credentials');
  }
  if (account.object_id !== null || !(await linkIdentity(db, account.id, identity.tenantId, identity.objectId))) {
    throw new AppError('already_linked');
  }
}
