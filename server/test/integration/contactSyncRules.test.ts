import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installTenant, joinByInvitation } from '../fixtures.js';
import { Outlook } from '../outlook.js';
import { startStack, type Stack } from '../stack.js';
import { enableCalendarSync, syncNow, type CalendarSyncHandle } from '../syncFixtures.js';

interface ApiContact {
  id: string;
  lastName: string;
  title: string;
  mobile: string;
  ownerId: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// docs/product-rules.md#5-contact-sync, #7-what-users-can-rely-on
describe('contact sync rules, one run at a time', () => {
  let stack: Stack;
  let admin: string;
  let outlook: Outlook;
  let sync: CalendarSyncHandle;

  const crmContacts = async (token = admin) =>
    (await stack.api<{ contacts: ApiContact[] }>('/api/contacts', { token })).body.contacts;
  const inOutlook = async (handle = sync, mailbox = outlook) =>
    (await mailbox.contacts(handle.calendarId)) as {
      id: string;
      surname: string;
      jobTitle?: string;
      mobilePhone?: string;
    }[];
  const surnames = async (handle = sync, mailbox = outlook) =>
    (await inOutlook(handle, mailbox)).map((c) => c.surname).sort();

  beforeEach(async () => {
    stack = await startStack({ runJobs: false });
    stack.tenant.knobs.update({ tokenLifetimeSeconds: 60 });
    admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
    outlook = new Outlook(stack, 'admin@contoso.onmicrosoft.com');
    await stack.api('/api/contacts', {
      token: admin,
      method: 'POST',
      body: { firstName: 'Katja', lastName: 'Bauer', email: 'katja@example.com' },
    });
    sync = await enableCalendarSync(stack, admin, 'contacts');
    await syncNow(stack, sync);
  });
  afterEach(() => stack?.close());

  it('resolves a change on both sides by the later one', async () => {
    const katja = (await crmContacts())[0]!;
    const item = (await inOutlook())[0]!;
    await stack.api(`/api/contacts/${katja.id}`, { token: admin, method: 'PATCH', body: { title: 'CRM title' } });
    await pause(20);
    await outlook.updateContact(item.id, { jobTitle: 'Outlook title, later' });
    await syncNow(stack, sync);
    expect((await crmContacts())[0]!.title).toBe('Outlook title, later');
    expect((await inOutlook())[0]!.jobTitle).toBe('Outlook title, later');

    await outlook.updateContact(item.id, { jobTitle: 'Outlook title' });
    await pause(20);
    await stack.api(`/api/contacts/${katja.id}`, {
      token: admin,
      method: 'PATCH',
      body: { title: 'CRM title, later' },
    });
    await syncNow(stack, sync);
    expect((await crmContacts())[0]!.title).toBe('CRM title, later');
    expect((await inOutlook())[0]!.jobTitle).toBe('CRM title, later');
  });

  it('lets a deletion win over an edit on the other side', async () => {
    const katja = (await crmContacts())[0]!;
    const item = (await inOutlook())[0]!;
    await outlook.updateContact(item.id, { jobTitle: 'edited in Outlook' });
    await stack.api(`/api/contacts/${katja.id}`, { token: admin, method: 'DELETE' });
    await syncNow(stack, sync);
    await syncNow(stack, sync);
    expect(await crmContacts()).toEqual([]);
    expect(await surnames()).toEqual([]);
  });

  it('moves a contact to the new owner’s folder when its owner changes', async () => {
    const meganToken = await joinByInvitation(stack, admin, 'megan.bowen@contoso.onmicrosoft.com');
    const megan = new Outlook(stack, 'megan.bowen@contoso.onmicrosoft.com');
    const meganSync = await enableCalendarSync(stack, meganToken, 'contacts');
    const meganId = (await stack.api<{ user: { id: string } }>('/api/me', { token: meganToken })).body.user.id;
    const katja = (await crmContacts())[0]!;
    await stack.api(`/api/contacts/${katja.id}/owner`, { token: admin, method: 'POST', body: { ownerId: meganId } });
    await syncNow(stack, sync);
    await syncNow(stack, meganSync);
    expect(await surnames()).toEqual([]);
    expect(await surnames(meganSync, megan)).toEqual(['Bauer']);
  });

  it('honours Retry-After and resynchronises after an expired cursor without duplicates', async () => {
    stack.tenant.knobs.update({
      faults: [{ status: 429, retryAfterSeconds: 1, times: 2, pathContains: '/contacts', method: 'POST' }],
    });
    for (let i = 0; i < 25; i += 1)
      await stack.api('/api/contacts', { token: admin, method: 'POST', body: { lastName: `Visitor ${i}` } });
    const started = Date.now();
    await syncNow(stack, sync);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(stack.tenant.knobs.snapshot().faults).toEqual([]);
    expect(await surnames()).toHaveLength(26);

    await stack.fetch(`${stack.tenant.url}/_devtenant/api/expire-delta-tokens`, { method: 'POST' });
    await outlook.createContact(sync.calendarId, { surname: 'Made while expired' });
    await syncNow(stack, sync);
    await syncNow(stack, sync);
    expect((await crmContacts()).filter((c) => c.lastName === 'Made while expired')).toHaveLength(1);
    expect(new Set(await surnames()).size).toBe(27);
  });

  it('leaves imported and migrated contacts out until they are edited', async () => {
    await stack.api('/api/contacts/import', {
      token: admin,
      method: 'POST',
      body: { csv: 'First Name,Last Name\nIris,Imported\n' },
    });
    await stack.api('/api/contacts/migrate', {
      token: admin,
      method: 'POST',
      body: { csv: 'First Name,Last Name\nMia,Migrated\n' },
    });
    await syncNow(stack, sync);
    expect(await surnames()).toEqual(['Bauer']);
    const migrated = (await crmContacts()).find((c) => c.lastName === 'Migrated')!;
    await stack.api(`/api/contacts/${migrated.id}`, { token: admin, method: 'PATCH', body: { title: 'now edited' } });
    await syncNow(stack, sync);
    expect(await surnames()).toEqual(['Bauer', 'Migrated']);
  });
});
