import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aUser, anOrganisation } from '../../../test/builders.js';
import { storeKinds } from '../../../test/stores.js';
import { startBinding } from '../../sync/bindingStates.js';
import type { Store } from '../database.js';
import type { SyncStatus } from '../schema.js';
import { noFailedBindings } from './0015_no_failed_bindings.js';

const kinds = await storeKinds();

describe.each(kinds)('the status failed leaves on $name', (kind) => {
  let store: Store;
  beforeEach(async () => {
    if (kind.available) store = await kind.open();
  });
  afterEach(async () => {
    if (kind.available) await store.close();
  });

  it.skipIf(!kind.available)('a binding stored as failed runs again with its failures still counted', async () => {
    const organisation = await anOrganisation(store);
    const user = await aUser(store, organisation.id);
    const other = await aUser(store, organisation.id);
    const now = new Date('2026-03-02T09:00:00Z');
    const failed = await startBinding(store.db, organisation.id, user.id, 'calendar', now);
    const waiting = await startBinding(store.db, organisation.id, other.id, 'calendar', now);
    await store.db
      .updateTable('sync_bindings')
      .set({ status: 'failed' as SyncStatus, consecutive_failures: 4 })
      .where('id', '=', failed.id)
      .execute();
    await store.db
      .updateTable('sync_bindings')
      .set({ status: 'reconnect_required' })
      .where('id', '=', waiting.id)
      .execute();

    await noFailedBindings().up(store.db as unknown as Kysely<unknown>);

    const rows = await store.db
      .selectFrom('sync_bindings')
      .select(['id', 'status', 'consecutive_failures'])
      .orderBy('user_id')
      .execute();
    expect(rows.find((row) => row.id === failed.id)).toEqual({
      id: failed.id,
      status: 'active',
      consecutive_failures: 4,
    });
    expect(rows.find((row) => row.id === waiting.id)?.status).toBe('reconnect_required');
  });
});
