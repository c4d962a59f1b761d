import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTenant } from '../fixtures.js';
import { Outlook } from '../outlook.js';
import { startStack, type Stack } from '../stack.js';
import { dropTestSchemas, storeKinds, TEST_DATABASE_URL } from '../stores.js';
import { enableCalendarSync, syncNow, type CalendarSyncHandle } from '../syncFixtures.js';

interface SyncStatus {
  status: string;
  lastError: { code: string; message: string } | null;
  log: { action: string; direction: string; subject: string | null; reason: string }[];
}

interface SetAsideItem {
  id: number;
  direction: string;
  subject: string | null;
  reason: string;
  attempts: number;
  since: string;
}

const inDays = (days: number, time = '09:00') =>
  `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
const outlookTime = (days: number, time: string) => ({ dateTime: `${inDays(days, time)}:00`, timeZone: 'UTC' });

for (const store of await storeKinds()) {
  describe.skipIf(!store.available)(`one bad item does not stop a user's sync (${store.name})`, () => {
    let stack: Stack;
    let admin: string;
    let outlook: Outlook;
    const schema = `test_poison_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;

    const status = async (kind: 'calendar' | 'contacts') =>
      (await stack.api<SyncStatus>(`/api/sync/${kind}`, { token: admin })).body;
    const crmSubjects = async () =>
      (await stack.api<{ events: { subject: string }[] }>('/api/events', { token: admin })).body.events
        .map((event) => event.subject)
        .sort();

    beforeAll(async () => {
      stack = await startStack({
        runJobs: false,
        ...(store.name === 'postgres' ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema } : {}),
      });
      stack.tenant.knobs.update({ tokenLifetimeSeconds: 600 });
      admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
      outlook = new Outlook(stack, 'admin@contoso.onmicrosoft.com');
    });
    afterAll(async () => {
      await stack.close();
      if (store.name === 'postgres') await dropTestSchemas(schema);
    });

    describe('calendar', () => {
      let sync: CalendarSyncHandle;
      beforeAll(async () => {
        sync = await enableCalendarSync(stack, admin);
        await syncNow(stack, sync);
      });

      it('takes an Outlook event with NUL in its subject without it, logs that in words, and syncs everything else both ways', async () => {
        await outlook.create(sync.calendarId, {
          subject: 'Quarterly\u0000 review',
          body: { contentType: 'text', content: 'Agenda\u0000 attached' },
          start: outlookTime(3, '09:00'),
          end: outlookTime(3, '10:00'),
        });
        const plain = await outlook.create(sync.calendarId, {
          subject: 'Plain from Outlook',
          start: outlookTime(4, '09:00'),
          end: outlookTime(4, '10:00'),
        });
        await stack.api('/api/events', {
          token: admin,
          method: 'POST',
          body: { subject: 'From the CRM', start: inDays(5), end: inDays(5, '10:00'), timeZone: 'Europe/Berlin' },
        });

        await syncNow(stack, sync);

        expect(await crmSubjects()).toEqual(['From the CRM', 'Plain from Outlook', 'Quarterly review']);
        expect((await outlook.events(sync.calendarId)).map((event) => event.subject).sort()).toEqual([
          'From the CRM',
          'Plain from Outlook',
          'Quarterly\u0000 review',
        ]);
        const calendar = await status('calendar');
        expect(calendar.status).toBe('active');
        expect(calendar.lastError).toBeNull();
        expect(calendar.log).toContainEqual(
          expect.objectContaining({
            direction: 'from_microsoft',
            subject: 'Quarterly review',
            reason: expect.stringContaining('characters the CRM cannot store') as unknown,
          }),
        );

        // Later changes on both sides still go through.
        await outlook.update(plain.id, { subject: 'Plain from Outlook, changed' });
        await syncNow(stack, sync);
        expect(await crmSubjects()).toContain('Plain from Outlook, changed');
      });

      it('retries a CRM event Microsoft 365 refuses in later runs, then sets it aside with words, lists it and retries it on request', async () => {
        const created = await stack.api<{ id: string }>('/api/events', {
          token: admin,
          method: 'POST',
          body: { subject: 'Refused by Outlook', start: inDays(6), end: inDays(6, '10:00'), timeZone: 'Europe/Berlin' },
        });
        // A row Microsoft 365 cannot take (a time zone it does not know), as an older release could have stored.
        await stack.store.db
          .updateTable('events')
          .set({ time_zone: 'Mars/Olympus_Mons' })
          .where('id', '=', created.body.id)
          .execute();
        await stack.api('/api/events', {
          token: admin,
          method: 'POST',
          body: { subject: 'Fine meanwhile', start: inDays(7), end: inDays(7, '10:00'), timeZone: 'Europe/Berlin' },
        });

        for (let run = 1; run <= 3; run += 1) await syncNow(stack, sync);

        const inOutlook = (await outlook.events(sync.calendarId)).map((event) => event.subject);
        expect(inOutlook).toContain('Fine meanwhile');
        expect(inOutlook).not.toContain('Refused by Outlook');
        const calendar = await status('calendar');
        expect(calendar.lastError).toBeNull();
        const setAsideLog = calendar.log.filter((entry) => entry.action === 'set_aside');
        expect(setAsideLog).toEqual([
          expect.objectContaining({ direction: 'to_microsoft', subject: 'Refused by Outlook' }),
        ]);
        expect(
          calendar.log.filter((entry) => entry.action === 'error' && entry.subject === 'Refused by Outlook'),
        ).toHaveLength(2);

        const listed = await stack.api<{ items: SetAsideItem[] }>('/api/sync/calendar/set-aside', {
          token: admin,
          language: 'de',
        });
        expect(listed.body.items).toEqual([
          expect.objectContaining({ direction: 'to_microsoft', subject: 'Refused by Outlook', attempts: 3 }),
        ]);
        expect(listed.body.items[0]!.reason).toMatch(
          /^(Microsoft 365 hat das Ereignis abgelehnt|die Synchronisierung konnte)/,
        );

        // A fourth run leaves it alone (no fourth attempt).
        await syncNow(stack, sync);
        expect((await status('calendar')).log.filter((entry) => entry.subject === 'Refused by Outlook')).toHaveLength(
          3,
        );

        // Fixed in the CRM, then retried from the pane: it goes through and leaves the list.
        await stack.store.db
          .updateTable('events')
          .set({ time_zone: 'Europe/Berlin' })
          .where('id', '=', created.body.id)
          .execute();
        const retried = await stack.api<{ retried: number }>('/api/sync/calendar/set-aside/retry', {
          token: admin,
          method: 'POST',
          body: { id: listed.body.items[0]!.id },
        });
        expect(retried.body.retried).toBe(1);
        await syncNow(stack, sync);
        expect((await outlook.events(sync.calendarId)).map((event) => event.subject)).toContain('Refused by Outlook');
        expect(
          (await stack.api<{ items: SetAsideItem[] }>('/api/sync/calendar/set-aside', { token: admin })).body.items,
        ).toEqual([]);
        const again = await stack.api<{ message: string }>('/api/sync/calendar/set-aside/retry', {
          token: admin,
          method: 'POST',
          body: { id: listed.body.items[0]!.id },
        });
        expect(again.status).toBe(404);
        expect(again.body.message).toContain('no longer set aside');
        const malformed = await stack.api('/api/sync/calendar/set-aside/retry', {
          token: admin,
          method: 'POST',
          body: { id: 'all of them' },
        });
        expect(malformed.status).toBe(400);
      });
    });

    describe('contacts', () => {
      let sync: CalendarSyncHandle;
      beforeAll(async () => {
        sync = await enableCalendarSync(stack, admin, 'contacts');
        await syncNow(stack, sync);
      });

      it('takes an Outlook contact with NUL in its name without it, logs that in words, and syncs everything else both ways', async () => {
        await outlook.createContact(sync.calendarId, { givenName: 'Jo\u0000sef', surname: 'Nul\u0000l' });
        const plain = await outlook.createContact(sync.calendarId, { givenName: 'Petra', surname: 'Plain' });
        await stack.api('/api/contacts', {
          token: admin,
          method: 'POST',
          body: { firstName: 'Carla', lastName: 'Crm', email: 'carla@example.com' },
        });

        await syncNow(stack, sync);

        const contacts = (
          await stack.api<{ contacts: { firstName: string; lastName: string }[] }>('/api/contacts', { token: admin })
        ).body.contacts.map((contact) => `${contact.firstName} ${contact.lastName}`);
        expect(contacts.sort()).toEqual(['Carla Crm', 'Josef Null', 'Petra Plain']);
        expect((await outlook.contacts(sync.calendarId)).map((contact) => contact.surname)).toContain('Crm');
        const contactsStatus = await status('contacts');
        expect(contactsStatus.lastError).toBeNull();
        expect(contactsStatus.log).toContainEqual(
          expect.objectContaining({
            direction: 'from_microsoft',
            reason: expect.stringContaining('characters the CRM cannot store') as unknown,
          }),
        );

        await outlook.updateContact(plain.id, { surname: 'Plainer' });
        await syncNow(stack, sync);
        const after = (
          await stack.api<{ contacts: { lastName: string }[] }>('/api/contacts', { token: admin })
        ).body.contacts.map((contact) => contact.lastName);
        expect(after).toContain('Plainer');
      });

      it('reads a contact the CRM cannot store again in later runs, sets it aside after three, and takes it once Outlook changes it', async () => {
        // Incompressible text longer than PostgreSQL can put into the contacts' name index; SQLite stores it.
        let state = 7;
        const hugeSurname = Array.from({ length: 3_000 }, () => {
          state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
          return String.fromCharCode(0x4e00 + (state % 20_000));
        }).join('');
        const huge = await outlook.createContact(sync.calendarId, { givenName: 'Huge', surname: hugeSurname });
        await outlook.createContact(sync.calendarId, { givenName: 'Fine', surname: 'Meanwhile' });
        await syncNow(stack, sync);
        await syncNow(stack, sync);
        // One attempt per run: after two runs it is still being retried, not yet set aside.
        expect(
          (await stack.api<{ items: SetAsideItem[] }>('/api/sync/contacts/set-aside', { token: admin })).body.items,
        ).toEqual([]);
        await syncNow(stack, sync);

        const lastNames = async () =>
          (await stack.api<{ contacts: { lastName: string }[] }>('/api/contacts', { token: admin })).body.contacts.map(
            (contact) => contact.lastName,
          );
        expect(await lastNames()).toContain('Meanwhile');
        expect((await status('contacts')).lastError).toBeNull();
        const listed = await stack.api<{ items: SetAsideItem[] }>('/api/sync/contacts/set-aside', { token: admin });
        if (store.name === 'sqlite') {
          expect(await lastNames()).toContain(hugeSurname);
          expect(listed.body.items).toEqual([]);
          return;
        }
        expect(listed.body.items).toEqual([
          expect.objectContaining({
            direction: 'from_microsoft',
            subject: expect.stringMatching(/^Huge .{150,}…$/) as unknown,
            attempts: 3,
            reason: expect.stringContaining('the CRM could not store this item from Outlook') as unknown,
          }),
        ]);
        const log = (await status('contacts')).log.filter((entry) => entry.subject?.startsWith('Huge '));
        expect(log.map((entry) => entry.action)).toEqual(['set_aside', 'error', 'error']);

        // Retried from the pane while unchanged: one more attempt, set aside again.
        const retried = await stack.api<{ retried: number }>('/api/sync/contacts/set-aside/retry', {
          token: admin,
          method: 'POST',
          body: {},
        });
        expect(retried.body.retried).toBe(1);
        await syncNow(stack, sync);
        expect(
          (await stack.api<{ items: SetAsideItem[] }>('/api/sync/contacts/set-aside', { token: admin })).body.items,
        ).toEqual([expect.objectContaining({ direction: 'from_microsoft', attempts: 3 })]);

        // Shortened in Outlook: the change arrives and the item leaves the list.
        await outlook.updateContact(huge.id, { surname: 'Shortened' });
        await syncNow(stack, sync);
        expect(await lastNames()).toContain('Shortened');
        expect(
          (await stack.api<{ items: SetAsideItem[] }>('/api/sync/contacts/set-aside', { token: admin })).body.items,
        ).toEqual([]);
      });
    });
  });
}
