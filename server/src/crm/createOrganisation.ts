import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Edition } from '../config/config.js';
import { AppError } from '../errors.js';
import type { Database } from '../store/schema.js';
import { normalizeEmail, type MicrosoftIdentity } from './identity.js';
import { isTenantInstalled } from './installations.js';
import { findOrganisationByTenant } from './organisations.js';
import type { TenantDirectory } from './tenantDirectory.js';
import { findUserByEmail, findUserByIdentity } from './users.js';

export interface CreateOrganisationInput {
  identity: MicrosoftIdentity;
  acceptTerms: boolean;
  edition: Edition;
  now: Date;
}

/**
 * The temporary account page's Continue: creates the tenant's CRM organisation with the installing
 * administrator as Super Admin. Only a tenant administrator of an installed tenant can do it, once.
 */
export async function createOrganisationForTenant(
  db: Kysely<Database>,
  directory: TenantDirectory,
  input: CreateOrganisationInput,
): Promise<void> {
  const { identity, now } = input;
  if (!input.acceptTerms) throw new AppError('terms_not_accepted');
  if (!identity.isTenantAdmin) throw new AppError('not_tenant_admin');
  if (!(await isTenantInstalled(db, identity.tenantId))) throw new AppError('not_installed');
  if (await findOrganisationByTenant(db, identity.tenantId)) throw new AppError('organisation_exists');
  if (
    (await findUserByIdentity(db, identity.tenantId, identity.objectId)) ||
    (await findUserByEmail(db, identity.email))
  ) {
    throw new AppError('already_member');
  }
  const { displayName } = await directory.describeTenant(identity);
  const organisationId = randomUUID();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('organisations')
        .values({
          id: organisationId,
          name: displayName,
          tenant_id: identity.tenantId,
          edition: input.edition,
          created_at: now.toISOString(),
        })
        .execute();
      await trx
        .insertInto('users')
        .values({
          id: randomUUID(),
          organisation_id: organisationId,
          email: identity.email,
          email_normalized: normalizeEmail(identity.email),
          display_name: identity.name,
          profile: 'super_admin',
          role: 'ceo',
          status: 'active',
          tenant_id: identity.tenantId,
          object_id: identity.objectId,
          password_hash: null,
          language: null,
          terms_accepted_at: now.toISOString(),
          created_at: now.toISOString(),
        })
        .execute();
    });
  } catch (error) {
    // Two clicks on Continue race on the unique tenant_id; the loser sees the organisation that won.
    if (await findOrganisationByTenant(db, identity.tenantId)) throw new AppError('organisation_exists');
    throw error;
  }
}
