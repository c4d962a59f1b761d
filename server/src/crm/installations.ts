import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database>;

export async function isTenantInstalled(db: Db, tenantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('tenant_installations')
    .select('tenant_id')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records that a tenant's administrator granted admin consent; a repeated consent keeps the first record. */
export async function recordInstallation(
  db: Db,
  tenantId: string,
  installedByObjectId: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('tenant_installations')
    .values({ tenant_id: tenantId, installed_by_object_id: installedByObjectId, installed_at: now.toISOString() })
    .onConflict((conflict) => conflict.column('tenant_id').doNothing())
    .execute();
}
