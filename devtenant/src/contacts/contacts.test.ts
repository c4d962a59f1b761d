import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../seed/seedTenants.js';
import {
  grantAdminConsent,
  startTestTenant,
  TEST_CLIENT_ID,
  TEST_SECRET,
  type TestTenant,
} from '../test/testTenant.js';
import { startWebhookListener, type WebhookListener } from '../test/webhookListener.js';

let t: TestTenant;
let app: string;
let hook: WebhookListener;
const MEGAN = 'megan.bowen@contoso.onmicrosoft.com';
const PROP = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name CrmContactId';
beforeAll(async () => {
  t = await startTestTenant();
  await grantAdminConsent(t, CONTOSO_TENANT_ID, 'admin@contoso.onmicrosoft.com');
  const cc = await t.token(CONTOSO_TENANT_ID, {
    grant_type: 'client_credentials',
    client_id: TEST_CLIENT_ID,
    client_secret: TEST_SECRET,
    scope: 'https://graph.microsoft.com/.default',
  });
  app = cc.json.access_token;
  hook = await startWebhookListener(t.certs);
  t.tenant.knobs.update({ notificationDelayMs: 30, notificationRetryDelaysMs: [100] });
});
afterAll(async () => {
  await t.close();
  await hook.close();
});

const local = (link: string) => link.replace(`${t.url}/v1.0`, '');
const folders = `/users/${MEGAN}/contactFolders`;
const newFolder = async (displayName: string) => (await t.graph(folders, app, { body: { displayName } })).json;

/** Follows nextLinks to the deltaLink; returns every item, the pages and the deltaLink. */
async function round(first: string, headers: Record<string, string> = {}) {
  const items: any[] = [];
  const pages: any[] = [];
  let next: string | undefined = first;
  while (next) {
    const r = await t.graph(next, app, { headers });
    expect(r.status).toBe(200);
    pages.push(r);
    items.push(...r.json.value);
    next = r.json['@odata.nextLink'] ? local(r.json['@odata.nextLink']) : undefined;
    if (!next) return { items, pages, deltaLink: local(r.json['@odata.deltaLink']) };
  }
  throw new Error('unreachable');
}

describe('contact folders', () => {
  it('creates, lists, renames and deletes; duplicate names are 409, unknown or deleted ids 404, contacts go with the folder', async () => {
    const created = await t.graph(folders, app, { body: { displayName: 'Zoho CRM' } });
    expect(created.status).toBe(201);
    expect(Object.keys(created.json).sort()).toEqual(['@odata.context', 'displayName', 'id', 'parentFolderId']);
    const dup = await t.graph(folders, app, { body: { displayName: 'zoho crm' } });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe('ErrorFolderExists');
    const list = await t.graph(`${folders}?$filter=displayName eq 'Zoho CRM'`, app);
    expect(list.json.value.map((f: { id: string }) => f.id)).toEqual([created.json.id]);
    const renamed = await t.graph(`${folders}/${created.json.id}`, app, {
      method: 'PATCH',
      body: { displayName: 'CRM' },
    });
    expect(renamed.json.displayName).toBe('CRM');
    const contact = await t.graph(`${folders}/${created.json.id}/contacts`, app, {
      body: { givenName: 'Gone', emailAddresses: [{ address: 'gone@example.com' }] },
    });
    expect(contact.status).toBe(201);
    expect((await t.graph(`${folders}/${created.json.id}`, app, { method: 'DELETE' })).status).toBe(204);
    for (const path of [
      `${folders}/${created.json.id}`,
      `${folders}/${created.json.id}/contacts`,
      `/users/${MEGAN}/contacts/${contact.json.id}`,
      `${folders}/AAMkADunknown`,
    ]) {
      const r = await t.graph(path, app);
      expect(r.status).toBe(404);
      expect(r.json.error).toMatchObject({
        code: 'ErrorItemNotFound',
        message: 'The specified object was not found in the store.',
      });
    }
  });
});

describe('contacts', () => {
  it('creates, reads, updates (changeKey bump, displayName regeneration, If-Match) and deletes; at most 3 e-mail addresses', async () => {
    const folder = await newFolder('Customers');
    const base = `${folders}/${folder.id}/contacts`;
    const created = await t.graph(base, app, {
      body: {
        givenName: 'Pavel',
        surname: 'Bansky',
        emailAddresses: [{ address: 'pavel@example.com', name: 'Pavel Bansky' }],
        businessPhones: ['+1 732 555 0102'],
        companyName: 'Contoso',
        jobTitle: 'Buyer',
        birthday: '1974-07-22',
        businessAddress: { city: 'Redmond', countryOrRegion: 'USA' },
        singleValueExtendedProperties: [{ id: PROP, value: 'crm-42' }],
      },
    });
    expect(created.status).toBe(201);
    const c = created.json;
    expect(c).toMatchObject({
      displayName: 'Pavel Bansky',
      givenName: 'Pavel',
      surname: 'Bansky',
      parentFolderId: folder.id,
      birthday: '1974-07-22',
      businessAddress: { city: 'Redmond', countryOrRegion: 'USA' },
      homeAddress: {},
      homePhones: [],
      mobilePhone: null,
      categories: [],
    });
    expect(c['@odata.etag']).toBe(`W/"${c.changeKey}"`);
    expect(c.createdDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);

    const renamed = await t.graph(`${base}/${c.id}`, app, { method: 'PATCH', body: { surname: 'Banský' } });
    expect(renamed.status).toBe(200);
    expect(renamed.json.displayName).toBe('Pavel Banský');
    expect(renamed.json.changeKey).not.toBe(c.changeKey);
    expect(renamed.json.jobTitle).toBe('Buyer');
    const stale = await t.graph(`/users/${MEGAN}/contacts/${c.id}`, app, {
      method: 'PATCH',
      headers: { 'if-match': c['@odata.etag'] },
      body: { jobTitle: 'x' },
    });
    expect(stale.status).toBe(412);
    expect(stale.json.error.code).toBe('ErrorIrresolvableConflict');
    const custom = await t.graph(`/users/${MEGAN}/contacts/${c.id}`, app, {
      method: 'PATCH',
      headers: { 'if-match': renamed.json['@odata.etag'] },
      body: { displayName: 'Pavel (Contoso)', mobilePhone: '+1 555 0100' },
    });
    expect(custom.json).toMatchObject({ displayName: 'Pavel (Contoso)', mobilePhone: '+1 555 0100' });

    const tooMany = await t.graph(base, app, {
      body: { givenName: 'Many', emailAddresses: ['a', 'b', 'c', 'd'].map((x) => ({ address: `${x}@example.com` })) },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.message).toBe(
      'The multi value property EmailAddresses has 4 entries, that exceeds the max allowed value of 3',
    );
    const phones = await t.graph(`${base}/${c.id}`, app, {
      method: 'PATCH',
      body: { businessPhones: ['1', '2', '3'] },
    });
    expect(phones.json.error.message).toBe(
      'The multi value property BusinessPhones has 3 entries, that exceeds the max allowed value of 2',
    );
    const unknown = await t.graph(base, app, { body: { nickname2: 'x' } });
    expect(unknown.status).toBe(400);

    // $select, $expand and $filter on the extended property, $top paging.
    await t.graph(base, app, { body: { companyName: 'Fabrikam Ltd' } });
    const selected = await t.graph(
      `${base}/${c.id}?$select=displayName,emailAddresses&$expand=singleValueExtendedProperties($filter=id eq '${PROP}')`,
      app,
    );
    expect(selected.json).toEqual({
      '@odata.context': expect.any(String),
      '@odata.etag': expect.any(String),
      id: c.id,
      displayName: 'Pavel (Contoso)',
      emailAddresses: [{ name: 'Pavel Bansky', address: 'pavel@example.com' }],
      singleValueExtendedProperties: [{ id: PROP, value: 'crm-42' }],
    });
    const filtered = await t.graph(
      `${base}?$filter=singleValueExtendedProperties/any(ep: ep/id eq '${PROP}' and ep/value eq 'crm-42')`,
      app,
    );
    expect(filtered.json.value.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const page1 = await t.graph(`${base}?$top=1&$select=displayName`, app);
    expect(page1.json.value).toHaveLength(1);
    const page2 = await t.graph(local(page1.json['@odata.nextLink']), app);
    expect(page2.json.value[0].displayName).toBe('Fabrikam Ltd');
    expect(page2.json['@odata.nextLink']).toBeUndefined();

    // $batch dispatches contact requests like any other.
    const batch = await t.graph('/$batch', app, {
      body: {
        requests: [
          {
            id: '1',
            method: 'GET',
            url: `/users/${MEGAN}/contactFolders/${folder.id}/contacts/${c.id}?$select=surname`,
          },
        ],
      },
    });
    expect(batch.json.responses[0]).toMatchObject({ id: '1', status: 200, body: { surname: 'Banský' } });

    const stored = await t.request(`/_devtenant/api/mailboxes/${MEGAN}/contactFolders/${folder.id}/contacts`);
    expect(stored.json.value.find((x: { id: string }) => x.id === c.id).singleValueExtendedProperties).toEqual([
      { id: PROP, value: 'crm-42' },
    ]);
    const counts = (await t.request('/_devtenant/api/request-counts')).json;
    expect(counts.mailboxes[MEGAN].PATCH).toBeGreaterThanOrEqual(3);

    expect((await t.graph(`${base}/${c.id}`, app, { method: 'DELETE' })).status).toBe(204);
    expect((await t.graph(`${base}/${c.id}`, app)).status).toBe(404);
  });
});

describe('delegated contacts', () => {
  it("reaches the signed-in mailbox through /me with Contacts.ReadWrite, nobody else's; me/contacts subscriptions notify", async () => {
    const token = await t.ropc(MEGAN, 'https://graph.microsoft.com/Contacts.ReadWrite');
    const folder = await t.graph('/me/contactFolders', token, { body: { displayName: 'Mine' } });
    expect(folder.status).toBe(201);
    const contact = await t.graph('/me/contacts', token, { body: { givenName: 'Default', surname: 'Folder' } });
    expect(contact.status).toBe(201);
    expect(contact.json.parentFolderId).toBe(folder.json.parentFolderId);
    expect((await t.graph(`/me/contacts/${contact.json.id}`, token)).json.displayName).toBe('Default Folder');
    expect((await t.graph('/users/lee.gu@contoso.onmicrosoft.com/contactFolders', token)).status).toBe(403);
    const sub = await t.graph('/subscriptions', token, {
      body: {
        changeType: 'updated',
        notificationUrl: `${hook.url}/mine`,
        resource: 'me/contacts',
        expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    expect(sub.status).toBe(201);
    await t.graph(`/me/contacts/${contact.json.id}`, token, { method: 'PATCH', body: { jobTitle: 'Owner' } });
    await hook.waitFor(() => hook.notifications('/mine').length >= 1);
    expect(hook.notifications('/mine')[0]).toMatchObject({
      changeType: 'updated',
      resource: `Users/${(await t.graph(`/users/${MEGAN}`, app)).json.id}/Contacts/${contact.json.id}`,
    });
  });
});

describe('contacts/delta', () => {
  it('pages the initial round with $select, then returns changes and @removed; expired tokens are 410', async () => {
    const folder = await newFolder('Delta');
    const base = `${folders}/${folder.id}/contacts`;
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C'])
      ids.push((await t.graph(base, app, { body: { givenName: name, surname: 'Test' } })).json.id);

    const initial = await round(`${base}/delta?$select=displayName,givenName`, { prefer: 'odata.maxpagesize=2' });
    expect(initial.pages).toHaveLength(2);
    expect(initial.pages[0].headers.get('preference-applied')).toContain('odata.track-changes');
    expect(initial.pages[0].json['@odata.nextLink']).toMatch(/\/contactFolders\/[^/]+\/contacts\/delta\?\$skiptoken=/);
    expect(initial.pages[0].json['@odata.context']).toContain('$metadata#Collection(contact)');
    expect(initial.items.map((x) => x.displayName)).toEqual(['A Test', 'B Test', 'C Test']);
    expect(Object.keys(initial.items[0]).sort()).toEqual([
      '@odata.etag',
      '@odata.type',
      'displayName',
      'givenName',
      'id',
    ]);
    expect(initial.deltaLink).toMatch(/\/contacts\/delta\?\$deltatoken=/);

    await t.graph(`${base}/${ids[0]}`, app, { method: 'PATCH', body: { givenName: 'Alpha' } });
    await t.graph(`${base}/${ids[1]}`, app, { method: 'DELETE' });
    const d = (await t.graph(`${base}`, app, { body: { givenName: 'D' } })).json;
    const second = await round(initial.deltaLink);
    expect(second.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: ids[0], displayName: 'Alpha Test' }),
        expect.objectContaining({ id: d.id, displayName: 'D' }),
        { '@odata.type': '#microsoft.graph.contact', id: ids[1], '@removed': { reason: 'deleted' } },
      ]),
    );
    expect(second.items).toHaveLength(3);
    expect(second.items[0].surname).toBeUndefined();
    const quiet = await round(second.deltaLink);
    expect(quiet.items).toEqual([]);

    // Older generations and expired tokens are gone.
    expect((await t.graph(initial.deltaLink, app)).status).toBe(410);
    t.tenant.knobs.update({ expireDeltaTokens: MEGAN });
    const gone = await t.graph(quiet.deltaLink, app);
    expect(gone.status).toBe(410);
    expect(gone.json.error.code).toBe('SyncStateNotFound');
    expect(gone.json.error.message).toMatch(/^The sync state generation is not found; generation=\d+;\[highest=\d+\]/);
  });
});

describe('contact change notifications and the web view', () => {
  it('delivers created/updated/deleted for a folder subscription to an HTTPS listener, web writes included, and shows in delta', async () => {
    const folder = await newFolder('Synced');
    const megan = (await t.graph(`/users/${MEGAN}`, app)).json.id as string;
    const sub = await t.graph('/subscriptions', app, {
      body: {
        changeType: 'created,updated,deleted',
        notificationUrl: `${hook.url}/contacts`,
        resource: `users/${megan}/contactFolders/${folder.id}/contacts`,
        expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
        clientState: 'contacts-state',
      },
    });
    expect(sub.status).toBe(201);
    const initial = await round(`${folders}/${folder.id}/contacts/delta`);

    // The Contacts tab writes through the same service as Graph.
    const href = `/mail/${encodeURIComponent(MEGAN)}`;
    const page = await t.request(`${href}/contacts?folder=${encodeURIComponent(folder.id)}`);
    expect(page.status).toBe(200);
    for (const label of [
      'New contact',
      '>First name<',
      '>Last name<',
      '>E-mail<',
      '>Business phone<',
      '>Company<',
      '>Job title<',
      '>Save<',
      'aria-label="Delete folder Synced"',
    ])
      expect(page.text).toContain(label);
    expect((await t.request(href)).text).toContain(`href="${href}/contacts">Contacts</a>`);
    const browser = t.browser();
    const created = await browser.post(`${href}/contacts`, {
      folder: folder.id,
      givenName: 'Web',
      surname: 'Person',
      email: 'web@example.com',
      businessPhone: '+49 40 1234',
      companyName: 'Northwind',
      jobTitle: 'CTO',
    });
    expect(created.status).toBe(303);
    const contact = (await t.graph(`${folders}/${folder.id}/contacts`, app)).json.value[0];
    expect(contact).toMatchObject({
      displayName: 'Web Person',
      emailAddresses: [{ address: 'web@example.com' }],
      businessPhones: ['+49 40 1234'],
      companyName: 'Northwind',
      jobTitle: 'CTO',
    });

    await hook.waitFor(() => hook.notifications('/contacts').length >= 1);
    expect(hook.notifications('/contacts')[0]).toEqual({
      subscriptionId: sub.json.id,
      subscriptionExpirationDateTime: sub.json.expirationDateTime,
      changeType: 'created',
      resource: `Users/${megan}/Contacts/${contact.id}`,
      resourceData: {
        '@odata.type': '#Microsoft.Graph.Contact',
        '@odata.id': `Users/${megan}/Contacts/${contact.id}`,
        '@odata.etag': contact['@odata.etag'],
        id: contact.id,
      },
      clientState: 'contacts-state',
      tenantId: CONTOSO_TENANT_ID,
    });

    const second = await round(initial.deltaLink);
    expect(second.items).toEqual([expect.objectContaining({ id: contact.id, displayName: 'Web Person' })]);

    const editPage = await t.request(`${href}/contacts/${encodeURIComponent(contact.id)}`);
    expect(editPage.text).toContain('value="Northwind"');
    expect(editPage.text).toContain('>Delete<');
    expect(
      (
        await browser.post(`${href}/contacts/${encodeURIComponent(contact.id)}`, {
          givenName: 'Web',
          surname: 'Person',
          email: 'web@example.com',
          businessPhone: '',
          companyName: 'Northwind Traders',
          jobTitle: 'CTO',
        })
      ).status,
    ).toBe(303);
    const edited = await t.graph(`/users/${MEGAN}/contacts/${contact.id}`, app);
    expect(edited.json).toMatchObject({ companyName: 'Northwind Traders', businessPhones: [] });
    expect(edited.json.changeKey).not.toBe(contact.changeKey);
    const third = await round(second.deltaLink);
    expect(third.items).toEqual([expect.objectContaining({ id: contact.id, companyName: 'Northwind Traders' })]);

    expect((await browser.post(`${href}/contacts/${encodeURIComponent(contact.id)}/delete`, {})).status).toBe(303);
    const fourth = await round(third.deltaLink);
    expect(fourth.items).toEqual([
      { '@odata.type': '#microsoft.graph.contact', id: contact.id, '@removed': { reason: 'deleted' } },
    ]);
    await hook.waitFor(() => hook.notifications('/contacts').length >= 3);
    expect(hook.notifications('/contacts').map((n) => n.changeType)).toEqual(['created', 'updated', 'deleted']);

    expect((await browser.post(`${href}/contactFolders/${encodeURIComponent(folder.id)}/delete`, {})).status).toBe(303);
    const listed = (await t.request(`/_devtenant/api/mailboxes/${MEGAN}/contactFolders`)).json.value;
    expect(listed.some((f: { id: string }) => f.id === folder.id)).toBe(false);
    expect(listed.find((f: { isDefault: boolean }) => f.isDefault)).toMatchObject({ displayName: 'Contacts' });
  });
});
