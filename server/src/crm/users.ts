import type { Kysely } from 'kysely';
import type { Database, NewUserRow, UserRow } from '../store/schema.js';
import { normalizeEmail } from './identity.js';

type Db = Kysely<Database>;

export function findUserByIdentity(db: Db, tenantId: string, objectId: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('object_id', '=', objectId)
    .executeTakeFirst();
}

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email_normalized', '=', normalizeEmail(email)).executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUserRow): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

/** Binds a Microsoft 365 identity to a CRM user, only if that user has none yet; returns whether it did. */
export async function linkIdentity(db: Db, userId: string, tenantId: string, objectId: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ tenant_id: tenantId, object_id: objectId })
    .where('id', '=', userId)
    .where('object_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
