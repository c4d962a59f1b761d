import { AppError } from '../errors.js';
import type { OrganisationRow, UserRow } from '../store/schema.js';
import type { Profile } from '../../../common/api/enums.js';

export type Permission = 'manage_users' | 'manage_all_records';

/** What each CRM profile may do. Super Admin and Administrator manage users and everyone's records; Standard users their own. */
const PROFILE_PERMISSIONS: Record<Profile, readonly Permission[]> = {
  super_admin: ['manage_users', 'manage_all_records'],
  administrator: ['manage_users', 'manage_all_records'],
  standard: [],
};

export function hasPermission(user: Pick<UserRow, 'profile' | 'status'>, permission: Permission): boolean {
  return (
    user.status === 'active' &&
    ((PROFILE_PERMISSIONS[user.profile as Profile] as readonly Permission[] | undefined) ?? []).includes(permission)
  );
}

export function requirePermission(user: UserRow, permission: Permission): void {
  if (!hasPermission(user, permission)) throw new AppError('permission_denied', `${user.id} lacks ${permission}`);
}

export function isPaidEdition(organisation: Pick<OrganisationRow, 'edition'>): boolean {
  return organisation.edition !== 'free';
}

/** Inviting Microsoft 365 users is a feature of the paid editions. */
export function requirePaidEdition(organisation: OrganisationRow): void {
  if (!isPaidEdition(organisation)) throw new AppError('upgrade_required', `${organisation.id} is on the free edition`);
}
