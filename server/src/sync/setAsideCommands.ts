import { AppError } from '../errors.js';
import type { MicrosoftIdentity } from '../crm/identity.js';
import { requireMember } from '../crm/member.js';
import type { SyncKind } from '../store/schema.js';
import { findBinding } from './bindings.js';
import { retrySetAside, setAsideItems } from './itemFailures.js';
import { kickBinding } from './syncCommands.js';
import type { SyncDependencies } from './syncDependencies.js';

/** The signed-in user's set-aside items of one sync (none while that sync is off). */
export async function listSetAside(deps: SyncDependencies, identity: MicrosoftIdentity, kind: SyncKind) {
  const { user } = await requireMember(deps.db, identity);
  const binding = await findBinding(deps.db, user.id, kind);
  if (!binding || binding.status === 'disabled') return [];
  return setAsideItems(deps.db, binding.id);
}

/**
 * Gives the user's set-aside items (one by id, or all) another attempt and queues a run for it. A missing id
 * (already taken up again, or never there) is a 404 in words.
 */
export async function retrySetAsideItems(
  deps: SyncDependencies,
  identity: MicrosoftIdentity,
  kind: SyncKind,
  id?: number,
): Promise<number> {
  const { user } = await requireMember(deps.db, identity);
  const binding = await findBinding(deps.db, user.id, kind);
  if (!binding || binding.status === 'disabled') throw new AppError('sync_not_enabled');
  const retried = await retrySetAside(deps.db, binding.id, id);
  if (id !== undefined && retried === 0) throw new AppError('set_aside_item_not_found');
  if (retried) await kickBinding(deps, binding.id);
  return retried;
}
