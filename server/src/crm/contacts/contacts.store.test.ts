import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aUser, anIdentity, anOrganisation, CONTOSO_TENANT_ID } from '../../../test/builders.js';
import { storeKinds } from '../../../test/stores.js';
import { AppError } from '../../errors.js';
import type { Store } from '../../store/database.js';
import type { MicrosoftIdentity } from '../identity.js';
import {
  createContact,
  deleteContact,
  importContacts,
  massUpdateContacts,
  migrateContacts,
  reassignContact,
  updateContact,
} from './contactCommands.js';
import { newContactSchema } from '../../../../common/api/contacts.js';
import { findContactByEmail, listOwnContacts } from './contactQueries.js';

const now = new Date('2026-11-27T10:00:00Z');

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

const kinds = await storeKinds();

describe.each(kinds)('CRM contacts on $name', (kind) => {
  let store: Store;
  let organisationId: string;
  let admin: MicrosoftIdentity & { userId: string };
  let megan: MicrosoftIdentity & { userId: string };
  const ctx = () => ({ db: store.db, now: () => now });
  const outbox = () => store.db.selectFrom('sync_outbox').selectAll().orderBy('id').execute();
  const member = async (email: string, profile: 'administrator' | 'standard') => {
    const identity = anIdentity({ email, isTenantAdmin: false });
    const user = await aUser(store, organisationId, {
      email,
      profile,
      display_name: email.split('@')[0]!,
      tenant_id: CONTOSO_TENANT_ID,
      object_id: identity.objectId,
    });
    return { ...identity, userId: user.id };
  };

  beforeEach(async () => {
    if (!kind.available) return;
    store = await kind.open();
    organisationId = (await anOrganisation(store, { tenant_id: CONTOSO_TENANT_ID })).id;
    admin = await member('admin@contoso.onmicrosoft.com', 'administrator');
    megan = await member('megan.bowen@contoso.onmicrosoft.com', 'standard');
  });
  afterEach(async () => {
    if (kind.available) await store.close();
  });

  it.skipIf(!kind.available)(
    'records every create, edit and delete in the outbox, in the same transaction as the change',
    async () => {
      const created = await createContact(
        ctx(),
        admin,
        newContactSchema.parse({ firstName: 'Garth', lastName: 'Fort', email: 'garth@fabrikam.example' }),
      );
      expect(created).toMatchObject({
        origin: 'crm',
        syncEligible: true,
        version: 1,
        ownerId: admin.userId,
        phone: '',
        dateOfBirth: null,
        emailOptOut: false,
      });
      const edited = await updateContact(ctx(), admin, created.id, {
        title: 'Web Marketing Manager',
        dateOfBirth: '1974-07-22',
      });
      expect(edited).toMatchObject({
        title: 'Web Marketing Manager',
        dateOfBirth: '1974-07-22',
        firstName: 'Garth',
        version: 2,
      });
      expect(await deleteContact(ctx(), admin, created.id)).toBe(admin.userId);
      const rows = await outbox();
      expect(rows.map((row) => [row.user_id, row.kind, row.entity_id])).toEqual(
        Array(3).fill([admin.userId, 'contacts', created.id]),
      );
      const tombstone = await store.db
        .selectFrom('contacts')
        .selectAll()
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(tombstone).toMatchObject({ deleted_at: now.toISOString(), version: 3 });
      expect(await listOwnContacts(store.db, admin.userId)).toEqual([]);
      expect(await codeOf(updateContact(ctx(), admin, created.id, { title: 'x' }))).toBe('contact_not_found');
    },
  );

  it.skipIf(!kind.available)(
    'refuses a date of birth in the future and leaves the contact and the outbox as they were',
    async () => {
      const created = await createContact(ctx(), admin, newContactSchema.parse({ lastName: 'Fort' }));
      const before = await outbox();
      expect(await codeOf(updateContact(ctx(), admin, created.id, { dateOfBirth: '2026-11-28' }))).toBe(
        'invalid_request',
      );
      expect(
        await codeOf(
          createContact(ctx(), admin, newContactSchema.parse({ lastName: 'Later', dateOfBirth: '2027-01-01' })),
        ),
      ).toBe('invalid_request');
      expect(await outbox()).toEqual(before);
      expect(
        (await listOwnContacts(store.db, admin.userId)).map((contact) => [contact.lastName, contact.version]),
      ).toEqual([['Fort', 1]]);
    },
  );

  it.skipIf(!kind.available)(
    'keeps imported and migrated contacts out of sync until they are edited or mass-updated',
    async () => {
      expect(
        await importContacts(ctx(), admin, [
          { 'Last Name': 'Imported', Email: 'imported@fabrikam.example', 'Email Opt Out': 'yes' },
        ]),
      ).toBe(1);
      expect(
        await migrateContacts(ctx(), admin, [
          { 'Last Name': 'Migrated one', 'Contact Owner': 'MEGAN.BOWEN@contoso.onmicrosoft.com' },
          { 'Last Name': 'Migrated two' },
        ]),
      ).toBe(2);
      expect(await outbox()).toEqual([]);
      const [imported] = await listOwnContacts(store.db, admin.userId, 'imported');
      expect(imported).toMatchObject({ origin: 'import', syncEligible: false, emailOptOut: true });
      const [two] = await listOwnContacts(store.db, admin.userId, 'two');
      expect(two).toMatchObject({ origin: 'migration', syncEligible: false });
      const [one] = await listOwnContacts(store.db, megan.userId);
      expect(one).toMatchObject({ lastName: 'Migrated one', origin: 'migration', syncEligible: false });

      expect((await updateContact(ctx(), admin, imported!.id, { department: 'Sales' })).syncEligible).toBe(true);
      const massUpdated = await massUpdateContacts(ctx(), admin, [one!.id, two!.id], { leadSource: 'Trade fair' });
      expect(massUpdated.map((contact) => [contact.lastName, contact.syncEligible, contact.leadSource])).toEqual([
        ['Migrated one', true, 'Trade fair'],
        ['Migrated two', true, 'Trade fair'],
      ]);
      // Each contact's outbox row goes to its owner, whoever made the change.
      expect((await outbox()).map((row) => [row.user_id, row.entity_id])).toEqual([
        [admin.userId, imported!.id],
        [megan.userId, one!.id],
        [admin.userId, two!.id],
      ]);
    },
  );

  it.skipIf(!kind.available)(
    'imports all or nothing, naming the bad line, and only lets record managers migrate',
    async () => {
      const records: Record<string, string>[] = [
        { 'Last Name': 'Good' },
        { 'Last Name': 'Bad', 'Date of Birth': '1980-02-30' },
      ];
      const refused = await importContacts(ctx(), admin, records).catch((error: AppError) => error);
      expect(refused).toMatchObject({
        code: 'import_invalid',
        params: { detail: 'line 3: dateOfBirth must be a real date like 1980-04-23' },
      });
      expect(await codeOf(importContacts(ctx(), admin, [{ 'First Name': 'No last name' }]))).toBe('import_invalid');
      expect(
        await codeOf(
          migrateContacts(ctx(), admin, [{ 'Last Name': 'Orphan', 'Contact Owner': 'nobody@contoso.onmicrosoft.com' }]),
        ),
      ).toBe('import_invalid');
      expect(await codeOf(migrateContacts(ctx(), megan, [{ 'Last Name': 'Sneaky' }]))).toBe(
        'records_permission_denied',
      );
      expect(await store.db.selectFrom('contacts').selectAll().execute()).toEqual([]);
    },
  );

  it.skipIf(!kind.available)('records an owner change for both the previous and the new owner', async () => {
    const created = await createContact(
      ctx(),
      admin,
      newContactSchema.parse({ lastName: 'Vance', email: 'adele@fabrikam.example' }),
    );
    const before = (await outbox()).length;
    const { contact, previousOwnerId } = await reassignContact(ctx(), admin, created.id, megan.userId);
    expect([previousOwnerId, contact.ownerId, contact.version]).toEqual([admin.userId, megan.userId, 2]);
    expect((await outbox()).slice(before).map((row) => row.user_id)).toEqual([admin.userId, megan.userId]);
    expect(await codeOf(reassignContact(ctx(), admin, created.id, '00000000-0000-4000-8000-000000000000'))).toBe(
      'owner_not_member',
    );
    // Handed back, the contact is no longer Megan's to edit (she manages only her own records).
    await reassignContact(ctx(), megan, created.id, admin.userId);
    expect(await codeOf(updateContact(ctx(), megan, created.id, { title: 'Hijack' }))).toBe(
      'records_permission_denied',
    );
  });

  it.skipIf(!kind.available)(
    "searches own contacts by name, e-mail or account, and looks up the organisation's contact by any e-mail, ignoring case",
    async () => {
      await createContact(
        ctx(),
        admin,
        newContactSchema.parse({
          firstName: 'Garth',
          lastName: 'Fort',
          accountName: 'Fabrikam',
          email: 'garth@fabrikam.example',
        }),
      );
      await createContact(
        ctx(),
        admin,
        newContactSchema.parse({
          firstName: 'Percent',
          lastName: '100% Sure',
          tertiaryEmail: 'Pat.Third@Northwind.example',
        }),
      );
      await createContact(
        ctx(),
        megan,
        newContactSchema.parse({ lastName: 'Megans', secondaryEmail: 'shared@fabrikam.example' }),
      );
      const search = async (q: string) =>
        (await listOwnContacts(store.db, admin.userId, q)).map((contact) => contact.lastName);
      expect(await search('FABRIKAM')).toEqual(['Fort']);
      expect(await search('garth')).toEqual(['Fort']);
      expect(await search('100%')).toEqual(['100% Sure']);
      expect(await search('0%S')).toEqual([]);
      expect(await search('northwind')).toEqual(['100% Sure']);
      expect(await search('Megans')).toEqual([]);

      expect(
        await findContactByEmail(store.db, organisationId, admin.userId, 'pat.third@northwind.EXAMPLE'),
      ).toMatchObject({ lastName: '100% Sure', ownerName: 'admin' });
      expect(await findContactByEmail(store.db, organisationId, admin.userId, 'SHARED@fabrikam.example')).toMatchObject(
        { lastName: 'Megans', ownerName: 'megan.bowen' },
      );
      expect(await findContactByEmail(store.db, organisationId, admin.userId, 'nobody@fabrikam.example')).toBeNull();
      const otherOrganisation = await anOrganisation(store);
      expect(
        await findContactByEmail(store.db, otherOrganisation.id, admin.userId, 'garth@fabrikam.example'),
      ).toBeNull();
    },
  );
});
