import type { Kysely } from 'kysely';
import { AppError } from '../errors.js';
import type { Database, OrganisationRow, UserRow } from '../store/schema.js';
import type { MicrosoftIdentity } from './identity.js';
import { findOrganisationById } from './organisations.js';
import { findUserByIdentity } from './users.js';

export interface Member {
  user: UserRow;
  organisation: OrganisationRow;
}

/** The caller as an active CRM user with their organisation; everything they do is scoped to that organisation. */
export async function requireMember(db: Kysely<Database>, identity: MicrosoftIdentity): Promise<Member> {
  const user = await findUserByIdentity(db, identity.tenantId, identity.objectId);
  if (!user) throw new AppError('not_member');
  if (!isActiveUser(user)) throw new AppError('account_deactivated');
  const organisation = await findOrganisationById(db, user.organisation_id);
  if (!organisation) throw new AppError('not_member', `organisation ${user.organisation_id} missing`);
  return { user, organisation };
}

/** Whether a CRM user may use the CRM: an administrator can set a user inactive (Users & Control). */
export function isActiveUser(user: UserRow): boolean {
  return user.status === 'active';
}
