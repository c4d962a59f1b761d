import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTenant } from '../fixtures.js';
import { Outlook } from '../outlook.js';
import { startStack, type Stack } from '../stack.js';
import { dropTestSchemas, storeKinds, TEST_DATABASE_URL } from '../stores.js';
import { enableCalendarSync, syncNow, type CalendarSyncHandle } from '../syncFixtures.js';

/** Text no compression shrinks (CJK from a seed): large enough that PostgreSQL cannot index it (over 2,704 bytes). */
const incompressible = (seed: number, length: number) => {
  let state = seed >>> 0 || 1;
  let text = '';
  for (let index = 0; index < length; index += 1) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    text += String.fromCharCode(0x4e00 + (state % 20_000));
  }
  return text;
};

// Text Outlook accepts: control characters, NUL, lone surrogates, emoji, and now and then a huge field.
const outlookText = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('a\u0000b', '\u0000', '\uD800x', 'x\uDFFF', '\u0001\u001f\u007f', '👋 Grüße'),
  },
  fc.integer().map((seed) => incompressible(seed, 3_000)),
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const dayTime = (day: number, hour: number) => ({
  dateTime: `${new Date(Date.now() + day * 86_400_000).toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00`,
  timeZone: 'UTC',
});

const randomEvent = fc.record({
  subject: optional(outlookText),
  body: optional(outlookText),
  location: optional(outlookText),
  day: fc.integer({ min: -20, max: 60 }),
});
const randomContact = fc.record({
  givenName: optional(outlookText),
  surname: optional(outlookText),
  companyName: optional(outlookText),
  jobTitle: optional(outlookText),
  email: optional(outlookText),
});

for (const store of await storeKinds()) {
  describe.skipIf(!store.available)(`random Outlook items never fail a sync run (${store.name})`, () => {
    let stack: Stack;
    let admin: string;
    let outlook: Outlook;
    let calendar: CalendarSyncHandle;
    let contacts: CalendarSyncHandle;
    let round = 0;
    const schema = `test_random_items_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;

    beforeAll(async () => {
      stack = await startStack({
        runJobs: false,
        ...(store.name === 'postgres' ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema } : {}),
      });
      stack.tenant.knobs.update({ tokenLifetimeSeconds: 3600 });
      admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
      outlook = new Outlook(stack, 'admin@contoso.onmicrosoft.com');
      calendar = await enableCalendarSync(stack, admin);
      contacts = await enableCalendarSync(stack, admin, 'contacts');
      await syncNow(stack, calendar);
      await syncNow(stack, contacts);
    });
    afterAll(async () => {
      await stack.close();
      if (store.name === 'postgres') await dropTestSchemas(schema);
    });

    /** The run succeeded as a whole; each random item is in the CRM or counted as failing on its own. */
    const expectRunHeld = async (handle: CalendarSyncHandle, graphIds: string[]) => {
      const row = await stack.store.db
        .selectFrom('sync_bindings')
        .select(['consecutive_failures', 'last_error_code'])
        .where('id', '=', handle.bindingId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ consecutive_failures: 0, last_error_code: null });
      if (!graphIds.length) return;
      const linked = (
        await stack.store.db
          .selectFrom('sync_links')
          .select('graph_id')
          .where('binding_id', '=', handle.bindingId)
          .where('graph_id', 'in', graphIds)
          .execute()
      ).map((link) => link.graph_id);
      const failing = (
        await stack.store.db
          .selectFrom('sync_item_failures')
          .select('item_id')
          .where('binding_id', '=', handle.bindingId)
          .where('item_id', 'in', graphIds)
          .execute()
      ).map((failure) => failure.item_id);
      for (const id of graphIds) expect(linked.includes(id) || failing.includes(id), `item ${id}`).toBe(true);
    };

    it('events: the good ones arrive both ways, the bad ones are cleaned or counted', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(randomEvent, { minLength: 1, maxLength: 3 }), async (events) => {
          round += 1;
          const ids: string[] = [];
          for (const event of events) {
            const created = await outlook.create(calendar.calendarId, {
              ...(event.subject !== undefined ? { subject: event.subject } : {}),
              ...(event.body !== undefined ? { body: { contentType: 'text', content: event.body } } : {}),
              ...(event.location !== undefined ? { location: { displayName: event.location } } : {}),
              start: dayTime(event.day, 9),
              end: dayTime(event.day, 10),
            });
            ids.push(created.id);
          }
          await outlook.create(calendar.calendarId, {
            subject: `Good from Outlook ${round}`,
            start: dayTime(2, 11),
            end: dayTime(2, 12),
          });
          await stack.api('/api/events', {
            token: admin,
            method: 'POST',
            body: {
              subject: `Good from the CRM ${round}`,
              start: dayTime(3, 9).dateTime,
              end: dayTime(3, 10).dateTime,
              timeZone: 'UTC',
            },
          });

          await syncNow(stack, calendar);

          await expectRunHeld(calendar, ids);
          const crm = await stack.store.db
            .selectFrom('events')
            .select('id')
            .where('subject', '=', `Good from Outlook ${round}`)
            .execute();
          expect(crm).toHaveLength(1);
          const inOutlook = (await outlook.events(calendar.calendarId)).map((event) => event.subject);
          expect(inOutlook).toContain(`Good from the CRM ${round}`);
        }),
        { numRuns: 6 },
      );
    });

    it('contacts: the good ones arrive both ways, the bad ones are cleaned or counted', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(randomContact, { minLength: 1, maxLength: 3 }), async (people) => {
          round += 1;
          const ids: string[] = [];
          for (const person of people) {
            const created = await outlook.createContact(contacts.calendarId, {
              ...(person.givenName !== undefined ? { givenName: person.givenName } : {}),
              ...(person.surname !== undefined ? { surname: person.surname } : {}),
              ...(person.companyName !== undefined ? { companyName: person.companyName } : {}),
              ...(person.jobTitle !== undefined ? { jobTitle: person.jobTitle } : {}),
              ...(person.email !== undefined ? { emailAddresses: [{ address: person.email }] } : {}),
            });
            ids.push(created.id);
          }
          await outlook.createContact(contacts.calendarId, { givenName: 'Good', surname: `Outlook ${round}` });
          await stack.api('/api/contacts', {
            token: admin,
            method: 'POST',
            body: { firstName: 'Good', lastName: `CRM ${round}` },
          });

          await syncNow(stack, contacts);

          await expectRunHeld(contacts, ids);
          const crm = await stack.store.db
            .selectFrom('contacts')
            .select('id')
            .where('last_name', '=', `Outlook ${round}`)
            .execute();
          expect(crm).toHaveLength(1);
          const inOutlook = (await outlook.contacts(contacts.calendarId)).map((contact) => contact.surname);
          expect(inOutlook).toContain(`CRM ${round}`);
        }),
        { numRuns: 6 },
      );
    });
  });
}
