import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aUser, anOrganisation } from '../../test/builders.js';
import { storeKinds } from '../../test/stores.js';
import type { Store } from '../store/database.js';
import type { SyncBindingRow } from '../store/schema.js';
import { startBinding } from './bindingStates.js';
import { itemsToRetry, MAX_ITEM_ATTEMPTS, noteItemFailure } from './itemFailures.js';

const kinds = await storeKinds();

describe.each(kinds)('items a run tries again, on $name', (kind) => {
  let store: Store;
  let binding: SyncBindingRow;
  const start = new Date('2026-03-02T09:00:00.000Z');
  const failure = { side: 'to_microsoft' as const, itemId: 'event-1', label: 'Refused', reason: 'refused_create' };

  beforeEach(async () => {
    if (!kind.available) return;
    store = await kind.open();
    const organisation = await anOrganisation(store);
    const user = await aUser(store, organisation.id);
    binding = await startBinding(store.db, organisation.id, user.id, 'calendar', start);
  });
  afterEach(async () => {
    if (kind.available) await store.close();
  });

  it.skipIf(!kind.available)(
    'retries a failure of the run before even when the next run starts in the same millisecond, until set aside',
    async () => {
      // Three runs, each starting in the very millisecond the one before failed the item (fast stores do that).
      await noteItemFailure(store.db, binding, failure, start);
      for (let attempt = 2; attempt <= MAX_ITEM_ATTEMPTS; attempt += 1) {
        expect(await itemsToRetry(store.db, binding.id, 'to_microsoft', start)).toEqual(['event-1']);
        await noteItemFailure(store.db, binding, failure, start);
      }
      expect(await itemsToRetry(store.db, binding.id, 'to_microsoft', start)).toEqual([]);
      const row = await store.db.selectFrom('sync_item_failures').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ attempts: MAX_ITEM_ATTEMPTS, state: 'set_aside' });
    },
  );

  it.skipIf(!kind.available)('leaves a failure stamped after the run began for the next run', async () => {
    await noteItemFailure(store.db, binding, failure, new Date(start.getTime() + 1));
    expect(await itemsToRetry(store.db, binding.id, 'to_microsoft', start)).toEqual([]);
  });
});
