import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aUser, anOrganisation } from '../../test/builders.js';
import { storeKinds } from '../../test/stores.js';
import type { Store } from '../store/database.js';
import type { SyncBindingRow } from '../store/schema.js';
import {
  BINDING_MOVES,
  bindingState,
  containerCreated,
  cursorAdvanced,
  firstSyncDone,
  firstSyncProgressed,
  resumed,
  runFailed,
  runStarted,
  runSucceeded,
  startBinding,
  stopBinding,
} from './bindingStates.js';
import { findBindingById } from './bindings.js';
import { linkOfEntity, recordPendingCreate } from './syncLinks.js';

const kinds = await storeKinds();
const now = new Date('2026-03-02T09:00:00Z');

describe.each(kinds)('a binding’s states and moves on $name', (kind) => {
  let store: Store;
  let binding: SyncBindingRow;
  const stored = async () => (await findBindingById(store.db, binding.id))!;

  beforeEach(async () => {
    if (!kind.available) return;
    store = await kind.open();
    const organisation = await anOrganisation(store);
    const user = await aUser(store, organisation.id);
    binding = await startBinding(store.db, organisation.id, user.id, 'calendar', now);
  });
  afterEach(async () => {
    if (kind.available) await store.close();
  });

  it.skipIf(!kind.available)(
    'goes from enable through the first sync to on, and stays on while runs succeed',
    async () => {
      expect(bindingState(await stored())).toBe('first_sync');
      expect(await containerCreated(store.db, binding, 'calendar-1')).toBe(true);
      expect(await firstSyncProgressed(store.db, binding, 3)).toBe(true);
      expect(await firstSyncDone(store.db, binding)).toBe(true);
      expect(await cursorAdvanced(store.db, binding, 'delta-1')).toBe(true);
      expect(await runSucceeded(store.db, binding, now)).toBe(true);
      expect(await stored()).toMatchObject({
        status: 'active',
        stage: 'incremental',
        container_id: 'calendar-1',
        initial_done: 3,
        delta_link: 'delta-1',
        last_success_at: now.toISOString(),
      });
      expect(bindingState(await stored())).toBe('on');
    },
  );

  it.skipIf(!kind.available)(
    'refuses the first sync’s moves once it is done, and leaves the row as it was',
    async () => {
      await containerCreated(store.db, binding, 'calendar-1');
      await firstSyncDone(store.db, binding);
      const before = await stored();
      expect(await firstSyncProgressed(store.db, binding, 99)).toBe(false);
      expect(await firstSyncDone(store.db, binding)).toBe(false);
      expect(await containerCreated(store.db, binding, 'calendar-2')).toBe(false);
      expect(await stored()).toEqual(before);
    },
  );

  it.skipIf(!kind.available)('refuses a cursor or a success while the first sync has not finished', async () => {
    expect(await cursorAdvanced(store.db, binding, 'delta-1')).toBe(false);
    expect(await runSucceeded(store.db, binding, now)).toBe(false);
    expect(await stored()).toMatchObject({ delta_link: null, last_success_at: null });
  });

  it.skipIf(!kind.available)(
    'waits for a reconnect after consent is gone: no runs until the user enables it again',
    async () => {
      await firstSyncDone(store.db, binding);
      expect(await runFailed(store.db, { ...binding, consecutive_failures: 0 }, 'consent_revoked', now)).toBe(true);
      expect(bindingState(await stored())).toBe('reconnect_required');
      expect(await runStarted(store.db, binding, now)).toBe(false);
      expect(await cursorAdvanced(store.db, binding, 'delta-1')).toBe(false);
      expect(await runSucceeded(store.db, binding, now)).toBe(false);
      expect(await resumed(store.db, binding)).toBe(true);
      expect(await stored()).toMatchObject({ status: 'active', stage: 'incremental', last_error_code: null });
    },
  );

  it.skipIf(!kind.available)('counts other failures and stays on', async () => {
    await firstSyncDone(store.db, binding);
    expect(await runFailed(store.db, { ...binding, consecutive_failures: 2 }, 'graph_temporary', now)).toBe(true);
    expect(await stored()).toMatchObject({
      status: 'active',
      consecutive_failures: 3,
      last_error_code: 'graph_temporary',
    });
  });

  it.skipIf(!kind.available)(
    'once off, refuses every move but enable, and a stop drops the round’s links',
    async () => {
      await containerCreated(store.db, binding, 'calendar-1');
      await recordPendingCreate(store.db, binding.id, 'event-1', 'tx-1', now.toISOString());
      expect(await stopBinding(store.db, binding, 'user', now)).toBe(true);
      expect(await linkOfEntity(store.db, binding.id, 'event-1')).toBeUndefined();
      const off = await stored();
      expect(bindingState(off)).toBe('off');
      expect(off.disabled_reason).toBe('user');
      expect(await resumed(store.db, binding)).toBe(false);
      expect(await runStarted(store.db, binding, now)).toBe(false);
      expect(await runFailed(store.db, off, 'graph_temporary', now)).toBe(false);
      expect(await stopBinding(store.db, binding, 'container_deleted', now)).toBe(false);
      expect(await stored()).toEqual(off);
    },
  );

  it.skipIf(!kind.available)('a late run of an earlier round changes nothing of the new round', async () => {
    await stopBinding(store.db, binding, 'user', now);
    const again = await startBinding(store.db, binding.organisation_id, binding.user_id, 'calendar', now);
    expect(again.generation).toBe(binding.generation + 1);
    await recordPendingCreate(store.db, again.id, 'event-1', 'tx-1', now.toISOString());
    expect(await firstSyncProgressed(store.db, binding, 5)).toBe(false);
    expect(await stopBinding(store.db, binding, 'container_deleted', now)).toBe(false);
    expect(await stored()).toMatchObject({ status: 'active', initial_done: 0, disabled_reason: null });
    expect(await linkOfEntity(store.db, again.id, 'event-1')).toBeDefined();
  });

  it.skipIf(!kind.available)('refuses to start again over a round that is on', async () => {
    await containerCreated(store.db, binding, 'calendar-1');
    await expect(startBinding(store.db, binding.organisation_id, binding.user_id, 'calendar', now)).rejects.toThrow(
      /cannot be started again/,
    );
    expect((await stored()).generation).toBe(binding.generation);
  });
});

describe('the table of moves', () => {
  it('lets only enable leave off', () => {
    const fromOff = Object.entries(BINDING_MOVES)
      .filter(([, from]) => (from as readonly string[]).includes('off'))
      .map(([name]) => name);
    expect(fromOff).toEqual(['start']);
  });
});
