import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automaticFilingRefusal } from '../../src/crm/mails/automaticFiling.js';
import type { FiledMail } from '../../src/crm/mails/mailRecords.js';
import { installTenant, joinByInvitation } from '../fixtures.js';
import { officeItemId, receiveFromOutside } from '../mailboxes.js';
import { startStack, type Stack } from '../stack.js';
import { dropTestSchemas, TEST_DATABASE_URL, type StoreKind } from '../stores.js';

const ADMIN = 'admin@contoso.onmicrosoft.com';
const MEGAN = 'megan.bowen@contoso.onmicrosoft.com';
const ALEX = 'alex.wilber@contoso.onmicrosoft.com';
const FABRIKAM_ADMIN = 'admin@fabrikam.onmicrosoft.com';
const GARTH = 'garth.fort@northwind.example';
const PAT = 'pat.kim@northwind.example';

interface Lookup {
  mail: FiledMail | null;
  contacts: { address: string; contactId: string; name: string; ownerName: string }[];
}

/** Filing e-mails through the API, with Graph played by the local tenant, on the given store. */
export function mailFilingSuite(kind: StoreKind['name'], available: boolean): void {
  describe.skipIf(!available)(`filing e-mails to the CRM (${kind})`, () => {
    let stack: Stack;
    let admin: string;
    let megan: string;
    let alex: string;
    let fabrikam: string;
    let garthId: string;
    let patId: string;
    const schema = `test_mails_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;

    const file = (token: string, itemId: string, contactIds: string[]) =>
      stack.api<FiledMail & { error?: string }>('/api/mails', {
        token,
        method: 'POST',
        body: { itemId, contactIds },
      });
    const lookup = async (token: string, internetMessageId: string, addresses: string[] = []) =>
      (await stack.api<Lookup>('/api/mails/lookup', { token, method: 'POST', body: { internetMessageId, addresses } }))
        .body;
    const count = async (table: 'filed_mails' | 'filed_mail_links') =>
      (await stack.store.db.selectFrom(table).selectAll().execute()).length;

    beforeAll(async () => {
      stack = await startStack(kind === 'postgres' ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema } : {});
      admin = await installTenant(stack, ADMIN);
      megan = await joinByInvitation(stack, admin, MEGAN);
      alex = await joinByInvitation(stack, admin, ALEX);
      fabrikam = await installTenant(stack, FABRIKAM_ADMIN);
      const create = async (token: string, body: Record<string, string>) =>
        String((await stack.api('/api/contacts', { token, method: 'POST', body })).body.id);
      garthId = await create(admin, { firstName: 'Garth', lastName: 'Fort', email: GARTH });
      patId = await create(megan, { firstName: 'Pat', lastName: 'Kim', email: 'Pat.Kim@Northwind.example' });
      await receiveFromOutside(stack, {
        from: GARTH,
        fromName: 'Garth Fort',
        to: [ADMIN, MEGAN, FABRIKAM_ADMIN],
        cc: [PAT],
        subject: 'Order 4711',
        body: 'Hello, please confirm order 4711.\nGarth',
      });
    });
    afterAll(async () => {
      await stack?.close();
      if (kind === 'postgres') await dropTestSchemas(schema);
    });

    let mailId: string;
    let internetMessageId: string;

    it('files the open message on a contact, once, however often it is filed', async () => {
      const itemId = await officeItemId(stack, ADMIN, 'Order 4711');
      const first = await file(admin, itemId, [garthId]);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        subject: 'Order 4711',
        from: { name: 'Garth Fort', address: GARTH },
        cc: [{ address: PAT }],
        bodyText: 'Hello, please confirm order 4711.\nGarth',
        bodyTruncated: false,
        attachments: [],
        sensitivity: 'normal',
        contacts: [{ id: garthId, name: 'Garth Fort', email: GARTH, removable: true }],
      });
      expect(first.body.to.map((p) => p.address)).toEqual([ADMIN, MEGAN, FABRIKAM_ADMIN]);
      expect(first.body.internetMessageId).toMatch(/@northwind\.example>$/);
      mailId = first.body.id;
      internetMessageId = first.body.internetMessageId;

      const again = await file(admin, itemId, [garthId]);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(mailId);
      expect(await count('filed_mails')).toBe(1);
      expect(await count('filed_mail_links')).toBe(1);
    });

    it('offers the CRM contacts among the sender and recipients, and shows the filed copy', async () => {
      const found = await lookup(admin, internetMessageId, [GARTH, ADMIN, MEGAN, PAT, 'nobody@northwind.example']);
      expect(found.contacts).toEqual([
        { address: GARTH, contactId: garthId, name: 'Garth Fort', ownerName: expect.any(String) },
        { address: PAT, contactId: patId, name: 'Pat Kim', ownerName: 'Megan Bowen' },
      ]);
      expect(found.mail?.id).toBe(mailId);
      expect(found.mail?.bodyText).toBeUndefined();
    });

    it('shows a filed mail to its filers and the owners of its contacts, not to other colleagues', async () => {
      expect((await lookup(megan, internetMessageId)).mail).toBeNull();
      expect((await stack.api(`/api/mails/${mailId}`, { token: alex })).body.error).toBe('mail_not_found');

      // Megan files her own copy (another item id, the same internet message id) on her contact: links, no new mail.
      const meganItem = await officeItemId(stack, MEGAN, 'Order 4711');
      const hers = await file(megan, meganItem, [patId]);
      expect(hers.status).toBe(201);
      expect(hers.body.id).toBe(mailId);
      expect(hers.body.contacts).toEqual([
        { id: garthId, name: 'Garth Fort', email: GARTH, removable: false },
        { id: patId, name: 'Pat Kim', email: 'Pat.Kim@Northwind.example', removable: true },
      ]);
      expect(await count('filed_mails')).toBe(1);
      expect((await stack.api(`/api/mails/${mailId}`, { token: alex })).status).toBe(404);
    });

    it('never shows or takes a mail across organisations', async () => {
      expect((await lookup(fabrikam, internetMessageId)).mail).toBeNull();
      expect((await stack.api(`/api/mails/${mailId}`, { token: fabrikam })).body.error).toBe('mail_not_found');
      expect((await stack.api(`/api/mails/${mailId}`, { token: fabrikam, method: 'DELETE' })).status).toBe(404);
      // Fabrikam got the same mail, but Contoso's contact is not one of theirs.
      const theirs = await file(fabrikam, await officeItemId(stack, FABRIKAM_ADMIN, 'Order 4711'), [garthId]);
      expect(theirs.status).toBe(400);
      expect(theirs.body.error).toBe('mail_contact_not_involved');
      expect(await count('filed_mails')).toBe(1);
    });

    it('refuses a contact the message does not involve, and a message not in the mailbox', async () => {
      const other = String(
        (await stack.api('/api/contacts', { token: admin, method: 'POST', body: { lastName: 'Elsewhere' } })).body.id,
      );
      const refused = await file(admin, await officeItemId(stack, ADMIN, 'Order 4711'), [garthId, other]);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toBe('mail_contact_not_involved');
      expect(await count('filed_mail_links')).toBe(2);
      // Megan's item id read from the administrator's mailbox: not there.
      const missing = await file(admin, await officeItemId(stack, MEGAN, 'Order 4711'), [garthId]);
      expect(missing.status).toBe(404);
      expect(missing.body.error).toBe('mail_not_in_mailbox');
    });

    it('takes a mail off one contact and keeps it on the others; it leaves the CRM with its last link', async () => {
      const denied = await stack.api(`/api/mails/${mailId}/contacts/${garthId}`, { token: megan, method: 'DELETE' });
      expect(denied.body.error).toBe('records_permission_denied');
      const offGarth = await stack.api<{ mail: FiledMail | null }>(`/api/mails/${mailId}/contacts/${garthId}`, {
        token: admin,
        method: 'DELETE',
      });
      expect(offGarth.status).toBe(200);
      expect(offGarth.body.mail?.contacts.map((c) => c.id)).toEqual([patId]);
      expect((await lookup(megan, internetMessageId)).mail?.contacts.map((c) => c.id)).toEqual([patId]);

      const removed = await stack.api<{ mail: FiledMail | null }>(`/api/mails/${mailId}`, {
        token: megan,
        method: 'DELETE',
      });
      expect(removed.body.mail).toBeNull();
      expect(await count('filed_mails')).toBe(0);
      expect(await count('filed_mail_links')).toBe(0);
    });

    it('keeps the sensitivity of a private mail filed by hand, so automatic filing will leave such mail out', async () => {
      await receiveFromOutside(stack, {
        from: GARTH,
        to: [ADMIN],
        subject: 'Personal matter',
        body: 'Just between us.',
        sensitivity: 'private',
      });
      const filed = await file(admin, await officeItemId(stack, ADMIN, 'Personal matter'), [garthId]);
      expect(filed.status).toBe(201);
      expect(filed.body.sensitivity).toBe('private');
      const colleague = (address: string) => address.endsWith('@contoso.onmicrosoft.com');
      expect(automaticFilingRefusal(filed.body, colleague)).toBe('sensitive');
      expect(automaticFilingRefusal({ ...filed.body, sensitivity: 'normal' }, colleague)).toBeUndefined();
    });

    it("shows a contact's filed mails and meetings newest first, page by page, as far as the caller may see", async () => {
      const meeting = async (token: string, subject: string, day: string) =>
        String(
          (
            await stack.api('/api/events', {
              token,
              method: 'POST',
              body: {
                subject,
                start: `${day}T09:00`,
                end: `${day}T10:00`,
                timeZone: 'Europe/Berlin',
                attendees: [{ email: GARTH.toUpperCase() }],
              },
            })
          ).body.id,
        );
      await meeting(admin, 'Kick-off', '2026-01-15');
      await meeting(admin, 'Review', '2099-03-01');
      await meeting(alex, 'Alex and Garth', '2026-02-01');
      // Sent times have whole seconds: the follow-up comes a second after the private mail, as it would.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await receiveFromOutside(stack, { from: GARTH, to: [ADMIN], subject: 'Follow-up', body: 'x'.repeat(500) });
      await file(admin, await officeItemId(stack, ADMIN, 'Follow-up'), [garthId]);

      type Page = {
        entries: { kind: string; subject: string; at: string; preview?: string }[];
        nextCursor: string | null;
      };
      const pages: Page[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = (
          await stack.api<Page>(
            `/api/contacts/${garthId}/timeline?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
            { token: admin },
          )
        ).body;
        pages.push(page);
        cursor = page.nextCursor;
      } while (cursor !== null && pages.length < 10);
      const all = pages.flatMap((page) => page.entries);
      expect(all.map((entry) => `${entry.kind}:${entry.subject}`)).toEqual([
        'meeting:Review',
        'mail:Follow-up',
        'mail:Personal matter',
        'meeting:Alex and Garth',
        'meeting:Kick-off',
      ]);
      expect(pages.map((page) => page.entries.length)).toEqual([2, 2, 1]);
      expect(all[1]!.preview).toHaveLength(200);

      // Alex sees his own meeting, not the administrator's, and no mail he neither filed nor owns a contact of.
      const alexView = await stack.api<Page>(`/api/contacts/${garthId}/timeline`, { token: alex });
      expect(alexView.body.entries.map((entry) => entry.subject)).toEqual(['Alex and Garth']);
      expect((await stack.api(`/api/contacts/${garthId}/timeline`, { token: fabrikam })).body.error).toBe(
        'contact_not_found',
      );
      expect((await stack.api(`/api/contacts/${garthId}/timeline?cursor=nonsense`, { token: admin })).status).toBe(400);
    });
  });
}
