import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBinding } from '../../src/sync/bindings.js';
import { runBinding } from '../../src/sync/syncCommands.js';
import { installTenant } from '../fixtures.js';
import { Outlook } from '../outlook.js';
import { startStack, type Stack } from '../stack.js';

interface ApiContact {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  accountName: string;
  mobile: string;
  otherCity: string;
  origin: string;
}

describe('two-way contact sync through the same engine (docs/product-rules.md#5-contact-sync)', () => {
  let stack: Stack;
  let admin: string;
  let outlook: Outlook;
  let folderId: string;
  let bindingId: string;

  const syncNow = () => runBinding(stack.deps.sync, bindingId);
  const crmContacts = async () =>
    (await stack.api<{ contacts: ApiContact[] }>('/api/contacts', { token: admin })).body.contacts;
  const outlookContacts = () => outlook.contacts(folderId);

  beforeAll(async () => {
    stack = await startStack({ runJobs: false });
    admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
    outlook = new Outlook(stack, 'admin@contoso.onmicrosoft.com');
    await stack.api('/api/contacts', {
      token: admin,
      method: 'POST',
      body: {
        firstName: 'Katja',
        lastName: 'Bauer',
        email: 'katja.bauer@fabrikam.example',
        accountName: 'Fabrikam',
        mobile: '+49 170 555 0101',
        otherCity: 'Hamburg',
      },
    });
    await stack.api('/api/contacts/import', {
      token: admin,
      method: 'POST',
      body: { csv: 'First Name,Last Name,Email\nIris,Imported,iris@example.com\n' },
    });
    // An edited mapping: Other City goes to otherAddress instead of homeAddress.
    const { mapping } = (
      await stack.api<{ mapping: { crmField: string; graph: { property: string } }[] }>('/api/sync/contacts/mapping', {
        token: admin,
      })
    ).body;
    const edited = mapping.map((row) =>
      row.crmField === 'otherCity' ? { crmField: 'otherCity', graph: { property: 'otherAddress.city' } } : row,
    );
    expect(
      (await stack.api('/api/sync/contacts/mapping', { token: admin, method: 'PUT', body: { mapping: edited } }))
        .status,
    ).toBe(200);

    const enabled = await stack.api<{ enabled: boolean }>('/api/sync/contacts/enable', {
      token: admin,
      method: 'POST',
    });
    expect(enabled.body.enabled).toBe(true);
    const me = await stack.api<{ user: { id: string } }>('/api/me', { token: admin });
    const binding = (await findBinding(stack.store.db, me.body.user.id, 'contacts'))!;
    bindingId = binding.id;
    folderId = binding.container_id!;
    await syncNow();
  });
  afterAll(() => stack?.close());

  it('first sync: the brand contact folder holds the own, non-imported contacts with the mapped fields', async () => {
    expect(await outlook.contactFolderNamed('Zoho CRM')).toMatchObject({ id: folderId });
    const contacts = await outlookContacts();
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      givenName: 'Katja',
      surname: 'Bauer',
      companyName: 'Fabrikam',
      mobilePhone: '+49 170 555 0101',
      emailAddresses: [expect.objectContaining({ address: 'katja.bauer@fabrikam.example' })],
      otherAddress: expect.objectContaining({ city: 'Hamburg' }),
    });
  });

  it('brings changes both ways, without echo, and deletions both ways', async () => {
    const katja = (await crmContacts()).find((c) => c.lastName === 'Bauer')!;
    await stack.api(`/api/contacts/${katja.id}`, {
      token: admin,
      method: 'PATCH',
      body: { accountName: 'Fabrikam AG' },
    });
    await syncNow();
    const inOutlook = (await outlookContacts())[0] as { id: string; companyName: string };
    expect(inOutlook.companyName).toBe('Fabrikam AG');

    await outlook.updateContact(inOutlook.id, { mobilePhone: '+49 170 555 0199' });
    const made = await outlook.createContact(folderId, {
      givenName: 'Jonas',
      surname: 'Weber',
      emailAddresses: [{ address: 'jonas.weber@fabrikam.onmicrosoft.com', name: 'Jonas Weber' }],
    });
    await syncNow();
    const crm = await crmContacts();
    expect(crm.find((c) => c.lastName === 'Bauer')!.mobile).toBe('+49 170 555 0199');
    expect(crm.find((c) => c.lastName === 'Weber')).toMatchObject({
      firstName: 'Jonas',
      email: 'jonas.weber@fabrikam.onmicrosoft.com',
      origin: 'microsoft365',
    });

    await stack.fetch(`${stack.tenant.url}/_devtenant/api/request-counts/reset`, { method: 'POST' });
    await syncNow();
    const counts = (await (await stack.fetch(`${stack.tenant.url}/_devtenant/api/request-counts`)).json()) as {
      batchRequests: number;
      mailboxes: Record<string, Record<string, number>>;
    };
    expect(counts.batchRequests).toBe(0);
    expect(
      Object.values(counts.mailboxes).every((byMethod) => !byMethod.POST && !byMethod.PATCH && !byMethod.DELETE),
    ).toBe(true);

    await stack.api(`/api/contacts/${katja.id}`, { token: admin, method: 'DELETE' });
    await outlook.deleteContact(made.id);
    await syncNow();
    expect(await outlookContacts()).toEqual([]);
    expect((await crmContacts()).map((c) => c.lastName)).toEqual(['Imported']);
  });

  it('turns itself off when the folder is deleted in Outlook, keeping every contact', async () => {
    await stack.api('/api/contacts', {
      token: admin,
      method: 'POST',
      body: { firstName: 'Lena', lastName: 'Schmidt' },
    });
    await syncNow();
    await outlook.deleteContactFolder(folderId);
    await syncNow();
    const status = await stack.api<{ enabled: boolean; disabledReason: string }>('/api/sync/contacts', {
      token: admin,
    });
    expect(status.body).toMatchObject({ enabled: false, disabledReason: 'container_deleted' });
    expect((await crmContacts()).map((c) => c.lastName).sort()).toEqual(['Imported', 'Schmidt']);
  });
});
