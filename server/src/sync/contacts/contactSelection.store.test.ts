import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aUser, anOrganisation } from '../../../test/builders.js';
import { storeKinds } from '../../../test/stores.js';
import { EMPTY_CONTACT } from '../../../../common/api/contacts.js';
import { contentColumns } from '../../crm/contacts/contactRecords.js';
import { DEFAULT_CONTACT_MAPPING } from '../../crm/contacts/fieldMapping.js';
import type { Store } from '../../store/database.js';
import type { SyncBindingRow } from '../../store/schema.js';
import type { ContainerGraph } from '../engine/containerGraph.js';
import { contactAdapter, FIRST_CONTACT_SYNC_LIMIT } from './contactAdapter.js';

const kinds = await storeKinds();

describe.each(kinds)('first contact sync selection on $name', (kind) => {
  let store: Store;
  beforeEach(async () => {
    if (kind.available) store = await kind.open();
  });
  afterEach(async () => {
    if (kind.available) await store.close();
  });

  it.skipIf(!kind.available)(
    'takes at most 10,000 of the owner’s own synced contacts, most recently changed first',
    async () => {
      const organisation = await anOrganisation(store);
      const owner = await aUser(store, organisation.id);
      const base = {
        organisation_id: organisation.id,
        owner_user_id: owner.id,
        origin: 'crm' as const,
        sync_eligible: 1,
        version: 1,
        deleted_at: null,
      };
      await store.db.transaction().execute(async (trx) => {
        for (let i = 0; i < FIRST_CONTACT_SYNC_LIMIT + 3; i += 1) {
          const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
          await trx
            .insertInto('contacts')
            .values({
              ...base,
              id: randomUUID(),
              ...contentColumns({ ...EMPTY_CONTACT, lastName: `Contact ${i}` }),
              created_at: at,
              updated_at: at,
            })
            .execute();
        }
        await trx
          .insertInto('contacts')
          .values({
            ...base,
            id: randomUUID(),
            origin: 'migration',
            sync_eligible: 0,
            ...contentColumns({ ...EMPTY_CONTACT, lastName: 'Migrated' }),
            created_at: '2027-01-01T00:00:00Z',
            updated_at: '2027-01-01T00:00:00Z',
          })
          .execute();
      });
      const run = { db: store.db, binding: { id: 'b', user_id: owner.id } as SyncBindingRow, now: () => new Date() };
      const ids = await contactAdapter(run, {} as ContainerGraph, DEFAULT_CONTACT_MAPPING).firstSyncSelection(run);
      expect(ids).toHaveLength(FIRST_CONTACT_SYNC_LIMIT);
      const names = new Map(
        (await store.db.selectFrom('contacts').select(['id', 'last_name']).execute()).map((row) => [
          row.id,
          row.last_name,
        ]),
      );
      expect(names.get(ids[0]!)).toBe(`Contact ${FIRST_CONTACT_SYNC_LIMIT + 2}`);
      expect(ids.map((id) => names.get(id))).not.toContain('Migrated');
      expect(ids.map((id) => names.get(id))).not.toContain('Contact 0');
    },
    60_000,
  );
});
