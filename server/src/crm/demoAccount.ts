import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { normalizeEmail } from './identity.js';
import { hashPassword } from './passwords.js';

export const DEMO_ORGANISATION_ID = '00000000-0000-4000-8000-00000000de70';
export const DEMO_ACCOUNT = {
  email: 'max.mustermann@northwind.example',
  name: 'Max Mustermann',
  organisation: 'Northwind Traders',
} as const;

/** Seeds a CRM-native organisation and account (not tied to Microsoft 365) so "Link my account" can be tried locally. */
export async function seedDemoAccount(db: Kysely<Database>, password: string, now: Date): Promise<void> {
  const existing = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', DEMO_ORGANISATION_ID)
    .executeTakeFirst();
  if (existing) return;
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisations')
      .values({
        id: DEMO_ORGANISATION_ID,
        name: DEMO_ACCOUNT.organisation,
        tenant_id: null,
        edition: 'professional',
        created_at: now.toISOString(),
      })
      .execute();
    await trx
      .insertInto('users')
      .values({
        id: '00000000-0000-4000-8000-00000000de71',
        organisation_id: DEMO_ORGANISATION_ID,
        email: DEMO_ACCOUNT.email,
        email_normalized: normalizeEmail(DEMO_ACCOUNT.email),
        display_name: DEMO_ACCOUNT.name,
        profile: 'super_admin',
        role: 'ceo',
        status: 'active',
        tenant_id: null,
        object_id: null,
        password_hash: passwordHash,
        language: 'de',
        terms_accepted_at: now.toISOString(),
        created_at: now.toISOString(),
      })
      .execute();
  });
}
