import { findBinding } from '../src/sync/bindings.js';
import { runBinding } from '../src/sync/syncCommands.js';
import type { Stack } from './stack.js';

export interface CalendarSyncHandle {
  bindingId: string;
  calendarId: string;
  userId: string;
}

/** Enables calendar (or contact) sync for the token's user and returns where it syncs to. */
export async function enableCalendarSync(
  stack: Stack,
  token: string,
  kind: 'calendar' | 'contacts' = 'calendar',
): Promise<CalendarSyncHandle> {
  const enabled = await stack.api(`/api/sync/${kind}/enable`, { token, method: 'POST' });
  if (enabled.status !== 200) throw new Error(`enable failed: ${JSON.stringify(enabled.body)}`);
  const me = await stack.api<{ user: { id: string } }>('/api/me', { token });
  const binding = (await findBinding(stack.store.db, me.body.user.id, kind))!;
  return { bindingId: binding.id, calendarId: binding.container_id!, userId: me.body.user.id };
}

/** One sync run of the binding, now, in the test's own flow (for stacks started with runJobs: false). */
export function syncNow(stack: Stack, handle: CalendarSyncHandle): Promise<void> {
  return runBinding(stack.deps.sync, handle.bindingId);
}
