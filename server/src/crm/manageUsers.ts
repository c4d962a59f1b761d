import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../errors.js';
import type { Database, UserRow } from '../store/schema.js';
import type { CrmContext } from './context.js';
import type { Profile, Role } from '../../../common/api/enums.js';
import type { MicrosoftIdentity } from './identity.js';
import { requireManager } from './inviteUsers.js';
import type { Member } from './member.js';

type Trx = Transaction<Database>;

export interface UserAccessChange {
  profile?: Profile | undefined;
  role?: Role | undefined;
}

/**
 * Settings > Users: changes a user's profile (and so what they may do) and role. Giving or taking away Super Admin
 * is for Super Admins only, and the organisation always keeps one active Super Admin.
 */
export async function changeUserAccess(
  ctx: CrmContext,
  identity: MicrosoftIdentity,
  userId: string,
  change: UserAccessChange,
): Promise<UserRow> {
  const manager = await requireManager(ctx, identity);
  return inOrganisation(ctx.db, manager, userId, async (trx, target) => {
    const profile = change.profile ?? (target.profile as Profile);
    const touchesSuperAdmin =
      profile !== target.profile && (profile === 'super_admin' || target.profile === 'super_admin');
    if (touchesSuperAdmin && manager.user.profile !== 'super_admin') throw new AppError('super_admin_only');
    if (target.profile === 'super_admin' && profile !== 'super_admin') await requireAnotherSuperAdmin(trx, target);
    await trx
      .updateTable('users')
      .set({ profile, role: change.role ?? target.role })
      .where('id', '=', target.id)
      .execute();
    return { ...target, profile, role: change.role ?? target.role };
  });
}

/** Deactivates a user: they can no longer use the CRM; their records stay. The caller stops their syncs. */
export async function deactivateUser(ctx: CrmContext, identity: MicrosoftIdentity, userId: string): Promise<UserRow> {
  const manager = await requireManager(ctx, identity);
  if (manager.user.id === userId) throw new AppError('cannot_deactivate_self');
  return inOrganisation(ctx.db, manager, userId, async (trx, target) => {
    if (target.profile === 'super_admin') {
      if (manager.user.profile !== 'super_admin') throw new AppError('super_admin_only');
      await requireAnotherSuperAdmin(trx, target);
    }
    await trx.updateTable('users').set({ status: 'inactive' }).where('id', '=', target.id).execute();
    return { ...target, status: 'inactive' };
  });
}

/** Lets a deactivated user use the CRM again, with the profile and role they had; their syncs stay off until they enable them. */
export async function reactivateUser(ctx: CrmContext, identity: MicrosoftIdentity, userId: string): Promise<UserRow> {
  const manager = await requireManager(ctx, identity);
  return inOrganisation(ctx.db, manager, userId, async (trx, target) => {
    if (target.profile === 'super_admin' && manager.user.profile !== 'super_admin')
      throw new AppError('super_admin_only');
    await trx.updateTable('users').set({ status: 'active' }).where('id', '=', target.id).execute();
    return { ...target, status: 'active' };
  });
}

/**
 * Runs a change to one user of the manager's organisation with the organisation's row locked, so two
 * administrators demoting each other at the same moment cannot leave it without a Super Admin (PostgreSQL locks
 * the row; SQLite has one writer anyway).
 */
async function inOrganisation<T>(
  db: Kysely<Database>,
  manager: Member,
  userId: string,
  change: (trx: Trx, target: UserRow) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('organisations')
      .set((eb) => ({ name: eb.ref('name') }))
      .where('id', '=', manager.organisation.id)
      .execute();
    const target = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .where('organisation_id', '=', manager.organisation.id)
      .executeTakeFirst();
    if (!target) throw new AppError('user_not_found', userId);
    return change(trx, target);
  });
}

async function requireAnotherSuperAdmin(trx: Trx, target: UserRow): Promise<void> {
  const other = await trx
    .selectFrom('users')
    .select('id')
    .where('organisation_id', '=', target.organisation_id)
    .where('profile', '=', 'super_admin')
    .where('status', '=', 'active')
    .where('id', '!=', target.id)
    .executeTakeFirst();
  if (!other) throw new AppError('last_super_admin', target.id, { name: target.display_name });
}
