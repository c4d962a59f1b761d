import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTenant, joinByInvitation } from '../fixtures.js';
import { startStack, type Stack } from '../stack.js';

interface ApiContact {
  id: string;
  ownerId: string;
  firstName: string;
  lastName: string;
  email: string;
  dateOfBirth: string | null;
  origin: string;
  syncEligible: boolean;
  version: number;
}

describe('CRM contacts through the API', () => {
  let stack: Stack;
  let admin: string;
  let megan: string;
  let fabrikam: string;
  const outbox = () =>
    stack.store.db.selectFrom('sync_outbox').selectAll().where('kind', '=', 'contacts').orderBy('id').execute();
  const contacts = () => stack.store.db.selectFrom('contacts').selectAll().orderBy('id').execute();
  const list = async (token: string, q?: string) =>
    (
      await stack.api<{ contacts: ApiContact[] }>(
        `/api/contacts${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`,
        { token },
      )
    ).body.contacts;

  beforeAll(async () => {
    stack = await startStack();
    admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
    megan = await joinByInvitation(stack, admin, 'megan.bowen@contoso.onmicrosoft.com');
    fabrikam = await installTenant(stack, 'admin@fabrikam.onmicrosoft.com');
  });
  afterAll(() => stack?.close());

  const garth = {
    firstName: 'Garth',
    lastName: 'Fort',
    email: 'Garth.Fort@fabrikam.example',
    accountName: 'Fabrikam',
    dateOfBirth: '1974-07-22',
    website: 'https://www.fabrikam.example',
  };

  it('creates, edits and deletes a contact, recording each change for sync', async () => {
    const created = await stack.api<ApiContact>('/api/contacts', { token: admin, method: 'POST', body: garth });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...garth,
      origin: 'crm',
      syncEligible: true,
      version: 1,
      phone: '',
      emailOptOut: false,
    });
    const edited = await stack.api<ApiContact>(`/api/contacts/${created.body.id}`, {
      token: admin,
      method: 'PATCH',
      body: { title: 'Web Marketing Manager', mobile: '+1 918 555 0101' },
    });
    expect(edited.body).toMatchObject({
      title: 'Web Marketing Manager',
      mobile: '+1 918 555 0101',
      firstName: 'Garth',
      version: 2,
    });
    expect((await list(admin, 'fort')).map((contact) => contact.id)).toEqual([created.body.id]);
    expect((await stack.api(`/api/contacts/${created.body.id}`, { token: admin, method: 'DELETE' })).status).toBe(204);
    expect((await outbox()).filter((row) => row.entity_id === created.body.id)).toHaveLength(3);
    expect(await list(admin, 'fort')).toEqual([]);
    expect(
      (await stack.api(`/api/contacts/${created.body.id}`, { token: admin, method: 'PATCH', body: { title: 'Ghost' } }))
        .body.error,
    ).toBe('contact_not_found');
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const existing = (
      await stack.api<ApiContact>('/api/contacts', { token: admin, method: 'POST', body: { lastName: 'Unchanged' } })
    ).body;
    const [outboxBefore, contactsBefore] = [await outbox(), await contacts()];
    const cases: [string, unknown, string][] = [
      ['POST', { firstName: 'No last name' }, 'lastName'],
      ['POST', { lastName: 'Fort', email: 'not-an-address' }, 'email: must be an e-mail address'],
      ['POST', { lastName: 'Fort', dateOfBirth: '1980-02-30' }, 'dateOfBirth: must be a real date'],
      ['POST', { lastName: 'Fort', dateOfBirth: '2999-01-01' }, 'dateOfBirth: cannot be in the future'],
      ['POST', { lastName: 'x'.repeat(81) }, 'lastName: must be at most 80 characters'],
      ['POST', { lastName: 'Fort', phone: 'call me' }, 'phone: must be a phone number'],
      ['POST', { lastName: 'Fort', website: 'fabrikam' }, 'website: must be a web address'],
      ['POST', { lastName: 'Fort', nickname: 'Garthy' }, 'nickname'],
      ['PATCH', { secondaryEmail: 'garth@' }, 'secondaryEmail'],
      ['PATCH', { lastName: '' }, 'lastName'],
    ];
    for (const [method, body, message] of cases) {
      const response = await stack.api(method === 'POST' ? '/api/contacts' : `/api/contacts/${existing.id}`, {
        token: admin,
        method,
        body,
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error).toBe('invalid_request');
      expect(String(response.body.message), JSON.stringify(body)).toContain(message);
    }
    const refused = await stack.api('/api/contacts/mass-update', {
      token: admin,
      method: 'POST',
      body: { ids: [existing.id, '00000000-0000-4000-8000-000000000000'], changes: { department: 'Sales' } },
    });
    expect(refused).toMatchObject({ status: 404, body: { error: 'contact_not_found' } });
    expect(await outbox()).toEqual(outboxBefore);
    expect(await contacts()).toEqual(contactsBefore);
  });

  it('imports and migrates CSV all-or-nothing, out of sync until mass-updated', async () => {
    const bad = 'First Name,Last Name,Email\nGood,Contact,good@northwind.example\nBad,Contact,bad@@northwind.example\n';
    const refused = await stack.api('/api/contacts/import', { token: admin, method: 'POST', body: { csv: bad } });
    expect(refused).toMatchObject({ status: 400, body: { error: 'import_invalid' } });
    expect(String(refused.body.message)).toContain('line 3');
    expect(await list(admin, 'good@northwind')).toEqual([]);

    const csv =
      'First Name,Last Name,Email,Account Name,Email Opt Out\n"Nestor","Wilke, Jr.",nestor@northwind.example,Northwind,yes\nPatti,Fernandez,,Northwind,\n';
    expect((await stack.api('/api/contacts/import', { token: admin, method: 'POST', body: { csv } })).body).toEqual({
      imported: 2,
    });
    const migration = 'Last Name,Contact Owner\nMigrated,megan.bowen@contoso.onmicrosoft.com\n';
    expect(
      (await stack.api('/api/contacts/migrate', { token: megan, method: 'POST', body: { csv: migration } })).body.error,
    ).toBe('records_permission_denied');
    expect(
      await stack.api('/api/contacts/migrate', { token: admin, method: 'POST', body: { csv: migration } }),
    ).toMatchObject({ status: 201, body: { migrated: 1 } });

    const imported = await list(admin, 'northwind');
    expect(imported.map((c) => [c.lastName, c.origin, c.syncEligible])).toEqual([
      ['Fernandez', 'import', false],
      ['Wilke, Jr.', 'import', false],
    ]);
    const [migrated] = await list(megan, 'migrated');
    expect(migrated).toMatchObject({ origin: 'migration', syncEligible: false });
    const outboxBefore = (await outbox()).length;
    const massUpdated = await stack.api<{ contacts: ApiContact[] }>('/api/contacts/mass-update', {
      token: admin,
      method: 'POST',
      body: { ids: [...imported.map((c) => c.id), migrated!.id], changes: { leadSource: 'Trade fair' } },
    });
    expect(massUpdated.body.contacts.map((c) => c.syncEligible)).toEqual([true, true, true]);
    expect((await outbox()).length).toBe(outboxBefore + 3);
  });

  it('reassigns a contact to another member, recording the change for both owners', async () => {
    const megansOwn = (
      await stack.api<ApiContact>('/api/contacts', { token: megan, method: 'POST', body: { lastName: 'Megans' } })
    ).body;
    const contact = (
      await stack.api<ApiContact>('/api/contacts', { token: admin, method: 'POST', body: { lastName: 'Vance' } })
    ).body;
    const moved = await stack.api<ApiContact>(`/api/contacts/${contact.id}/owner`, {
      token: admin,
      method: 'POST',
      body: { ownerId: megansOwn.ownerId },
    });
    expect(moved.body).toMatchObject({ ownerId: megansOwn.ownerId, version: 2 });
    expect((await outbox()).filter((row) => row.entity_id === contact.id).map((row) => row.user_id)).toEqual([
      contact.ownerId,
      contact.ownerId,
      megansOwn.ownerId,
    ]);
    expect((await list(megan)).map((c) => c.id)).toContain(contact.id);
    expect((await list(admin)).map((c) => c.id)).not.toContain(contact.id);
    expect(
      (await stack.api(`/api/contacts/${megansOwn.id}`, { token: admin, method: 'PATCH', body: { title: 'Any' } }))
        .status,
    ).toBe(200);
    const bad = await stack.api(`/api/contacts/${contact.id}/owner`, {
      token: admin,
      method: 'POST',
      body: { ownerId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(bad).toMatchObject({ status: 400, body: { error: 'owner_not_member' } });
  });

  it('looks up a contact of the organisation by any of its e-mail addresses, with its owner, for the reading pane', async () => {
    await stack.api('/api/contacts', {
      token: megan,
      method: 'POST',
      body: {
        firstName: 'Adele',
        lastName: 'Vance',
        email: 'adele@tailspin.example',
        tertiaryEmail: 'Adele.Private@Mail.example',
      },
    });
    await stack.api('/api/contacts', {
      token: fabrikam,
      method: 'POST',
      body: { lastName: 'Other organisation', email: 'only.fabrikam@tailspin.example' },
    });
    const lookup = async (email: string, token = admin) =>
      stack.api<{ contact: (ApiContact & { ownerName: string }) | null }>(
        `/api/contacts/lookup?email=${encodeURIComponent(email)}`,
        { token },
      );

    const found = await lookup('adele.private@MAIL.example');
    expect(found.status).toBe(200);
    expect(found.body.contact).toMatchObject({
      firstName: 'Adele',
      lastName: 'Vance',
      email: 'adele@tailspin.example',
    });
    expect(found.body.contact?.ownerName).toMatch(/megan/i);
    expect((await lookup('nobody@tailspin.example')).body).toEqual({ contact: null });
    expect((await lookup('only.fabrikam@tailspin.example')).body).toEqual({ contact: null });
    expect((await lookup('only.fabrikam@tailspin.example', fabrikam)).body.contact).toMatchObject({
      lastName: 'Other organisation',
    });
    expect((await lookup('not-an-address')).status).toBe(400);
  });
});
