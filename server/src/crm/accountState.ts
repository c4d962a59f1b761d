import type { Kysely } from 'kysely';
import type { AccessRequestRow, Database, InvitationRow, OrganisationRow, UserRow } from '../store/schema.js';
import { latestAccessRequest } from './accessRequests.js';
import type { MicrosoftIdentity } from './identity.js';
import { isTenantInstalled } from './installations.js';
import { findOpenInvitationForEmail } from './invitations.js';
import { isActiveUser } from './member.js';
import { findOrganisationById, findOrganisationByTenant } from './organisations.js';
import type { TenantDirectory } from './tenantDirectory.js';
import { findUserByEmail, findUserByIdentity, linkIdentity } from './users.js';

/** Where a Microsoft 365 user stands with the CRM; every state has a screen in the add-in. */
export type AccountState =
  | { state: 'not_installed' }
  | { state: 'first_visit' }
  | { state: 'invited'; invitation: InvitationRow; organisation: OrganisationRow }
  | { state: 'no_access'; organisation: OrganisationRow }
  | { state: 'request_pending'; organisation: OrganisationRow; request: AccessRequestRow }
  | { state: 'request_declined'; organisation: OrganisationRow; request: AccessRequestRow }
  | { state: 'member'; user: UserRow; organisation: OrganisationRow }
  | { state: 'deactivated'; organisation: OrganisationRow };

/**
 * Finds the caller's CRM account. A CRM account that already uses the caller's e-mail opens directly (and is
 * bound to the Microsoft 365 identity from then on), but only when the e-mail's domain is verified in the
 * caller's tenant: an unverified preferred_username must not take over someone else's CRM account.
 */
export async function resolveAccountState(
  db: Kysely<Database>,
  directory: TenantDirectory,
  identity: MicrosoftIdentity,
  now: Date = new Date(),
): Promise<AccountState> {
  const member = await findUserByIdentity(db, identity.tenantId, identity.objectId);
  if (member) return memberState(db, member);

  const sameEmail = await findUserByEmail(db, identity.email);
  if (sameEmail && sameEmail.object_id === null && (await emailDomainIsVerified(directory, identity))) {
    if (await linkIdentity(db, sameEmail.id, identity.tenantId, identity.objectId)) {
      return memberState(db, { ...sameEmail, tenant_id: identity.tenantId, object_id: identity.objectId });
    }
  }

  const invitation = await findOpenInvitationForEmail(db, identity.email, now);
  if (invitation) {
    const organisation = await findOrganisationById(db, invitation.organisation_id);
    if (organisation) return { state: 'invited', invitation, organisation };
  }

  const organisation = await findOrganisationByTenant(db, identity.tenantId);
  if (organisation) {
    const request = await latestAccessRequest(db, organisation.id, identity.tenantId, identity.objectId);
    if (request?.status === 'pending') return { state: 'request_pending', organisation, request };
    if (request?.status === 'declined') return { state: 'request_declined', organisation, request };
    return { state: 'no_access', organisation };
  }
  if (identity.isTenantAdmin && (await isTenantInstalled(db, identity.tenantId))) return { state: 'first_visit' };
  return { state: 'not_installed' };
}

async function memberState(db: Kysely<Database>, user: UserRow): Promise<AccountState> {
  const organisation = await findOrganisationById(db, user.organisation_id);
  if (!organisation) throw new Error(`User ${user.id} belongs to a missing organisation`);
  // The same rule as requireMember: a CRM user who is not active may open nothing.
  if (!isActiveUser(user)) return { state: 'deactivated', organisation };
  return { state: 'member', user, organisation };
}

async function emailDomainIsVerified(directory: TenantDirectory, identity: MicrosoftIdentity): Promise<boolean> {
  const domain = identity.email.split('@')[1]?.toLowerCase();
  if (!domain) return false;
  const { verifiedDomains } = await directory.describeTenant(identity);
  return verifiedDomains.some((verified) => verified.toLowerCase() === domain);
}
