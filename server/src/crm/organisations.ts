import type { Kysely } from 'kysely';
import type { Database, OrganisationRow } from '../store/schema.js';

type Db = Kysely<Database>;

export function findOrganisationById(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOrganisationByTenant(db: Db, tenantId: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
}

export async function insertOrganisation(db: Db, organisation: OrganisationRow): Promise<void> {
  await db.insertInto('organisations').values(organisation).execute();
}
