import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreKind } from '../stores.js';
import { eventually, installTenant, joinByInvitation } from '../fixtures.js';
import { Outlook } from '../outlook.js';
import { startStack, type Stack } from '../stack.js';
import { dropTestSchemas, TEST_DATABASE_URL } from '../stores.js';

interface SyncStatus {
  enabled: boolean;
  status: string;
  stage: string | null;
  progress: { done: number; total: number } | null;
  lastSuccessAt: string | null;
  lastError: { code: string; message: string } | null;
  disabledReason: string | null;
  calendarRemoved?: boolean;
  log: {
    action: string;
    direction: string;
    subject: string | null;
    reason: string;
    count?: number;
    subjects?: string[];
  }[];
}

interface ApiEvent {
  id: string;
  subject: string;
  start: string;
  end: string;
  timeZone: string;
  ownerId: string;
  iCalUId: string | null;
}

const inDays = (days: number, time = '09:00') =>
  `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;

/**
 * The calendar sync end to end through the service with its background jobs running: the in-process queue on
 * SQLite, or the PostgreSQL job queue (the scaled-out shape, same code).
 */
export function calendarSyncSuite(kind: StoreKind['name'], available: boolean): void {
  describe.skipIf(!available)(`two-way calendar sync with the local Microsoft 365 tenant (${kind})`, () => {
    let stack: Stack;
    let admin: string;
    let outlook: Outlook;
    let calendarId: string;

    const status = async () => (await stack.api<SyncStatus>('/api/sync/calendar', { token: admin })).body;
    const crmEvents = async (token = admin) =>
      (await stack.api<{ events: ApiEvent[] }>('/api/events', { token })).body.events;
    const outlookEvents = () => outlook.events(calendarId);
    const idle = () =>
      eventually(
        async () => {
          const s = await status();
          const pending = await stack.store.db
            .selectFrom('sync_outbox')
            .select('id')
            .where(
              'user_id',
              'in',
              stack.store.db.selectFrom('sync_bindings').select('user_id').where('status', '=', 'active'),
            )
            .executeTakeFirst();
          return s.stage === 'incremental' && s.lastSuccessAt && !pending ? s : undefined;
        },
        20_000,
        'the sync to settle',
      );
    const createCrm = async (body: Record<string, unknown>, token = admin) =>
      (
        await stack.api<ApiEvent>('/api/events', {
          token,
          method: 'POST',
          body: { timeZone: 'Europe/Berlin', ...body },
        })
      ).body;

    const schema = `test_sync_${Date.now().toString(36)}`;
    beforeAll(async () => {
      stack = await startStack(kind === 'postgres' ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema } : {});
      admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
      outlook = new Outlook(stack, 'admin@contoso.onmicrosoft.com');
    });
    afterAll(async () => {
      await (stack as Stack | undefined)?.close();
      if (kind === 'postgres') await dropTestSchemas(schema);
    });

    it('first sync: creates the brand calendar and pushes only own, non-imported events, future first, mailing nobody', async () => {
      const megan = await joinByInvitation(stack, admin, 'megan.bowen@contoso.onmicrosoft.com');
      await createCrm({ subject: 'Ended last month', start: inDays(-30), end: inDays(-30, '10:00') });
      await createCrm({
        subject: 'Next week with Megan',
        start: inDays(7),
        end: inDays(7, '10:00'),
        attendees: [{ email: 'megan.bowen@contoso.onmicrosoft.com', name: 'Megan Bowen' }],
      });
      await createCrm({ subject: 'Tomorrow', start: inDays(1), end: inDays(1, '10:00') });
      await createCrm({ subject: 'Ended yesterday', start: inDays(-1), end: inDays(-1, '10:00') });
      await createCrm({ subject: 'Megan’s own', start: inDays(2), end: inDays(2, '10:00') }, megan);
      await stack.api('/api/events/import', {
        token: admin,
        method: 'POST',
        body: { csv: `Subject,Start,End,Time Zone\nImported fair,${inDays(3)},${inDays(3, '17:00')},Europe/Berlin\n` },
      });

      const enabled = await stack.api<SyncStatus>('/api/sync/calendar/enable', { token: admin, method: 'POST' });
      expect(enabled.body.enabled).toBe(true);
      const calendar = await outlook.calendarNamed('Zoho CRM');
      expect(calendar).toBeDefined();
      calendarId = calendar!.id;
      await idle();

      const subjects = (await outlookEvents()).map((e) => e.subject).sort();
      expect(subjects).toEqual(['Ended last month', 'Ended yesterday', 'Next week with Megan', 'Tomorrow']);
      const created = await stack.store.db
        .selectFrom('sync_log')
        .select('subject')
        .where('action', '=', 'created')
        .where('direction', '=', 'to_microsoft')
        .orderBy('id')
        .execute();
      expect(created.map((entry) => entry.subject)).toEqual([
        'Tomorrow',
        'Next week with Megan',
        'Ended yesterday',
        'Ended last month',
      ]);
      // The pane shows the first sync's creates as one line: how many, and the latest few by name.
      expect((await status()).log.filter((entry) => entry.action === 'created')).toEqual([
        expect.objectContaining({
          direction: 'to_microsoft',
          count: 4,
          subjects: ['Ended last month', 'Ended yesterday', 'Next week with Megan'],
          reason: 'new in the CRM',
        }),
      ]);
      expect(await new Outlook(stack, 'megan.bowen@contoso.onmicrosoft.com').meetingMessages()).toEqual([]);
      const other = await outlook.calendarNamed('Calendar');
      expect((await outlook.events(other!.id)).map((e) => e.subject)).not.toContain('Tomorrow');
    });

    it('brings a CRM change to Outlook within seconds, and an Outlook change back to the CRM', async () => {
      const event = await createCrm({
        subject: 'Call with Fabrikam',
        start: inDays(5, '14:00'),
        end: inDays(5, '14:30'),
        location: 'Phone',
      });
      const inOutlook = await eventually(
        async () => (await outlookEvents()).find((e) => e.subject === 'Call with Fabrikam'),
        10_000,
        'the event in Outlook',
      );
      expect(inOutlook.location.displayName).toBe('Phone');

      await stack.api(`/api/events/${event.id}`, {
        token: admin,
        method: 'PATCH',
        body: { subject: 'Call with Fabrikam (moved)', start: inDays(5, '15:00'), end: inDays(5, '15:30') },
      });
      await eventually(
        async () => (await outlookEvents()).find((e) => e.subject === 'Call with Fabrikam (moved)'),
        10_000,
        'the edit in Outlook',
      );

      const outlookMade = await outlook.create(calendarId, {
        subject: 'Lunch with Contoso',
        start: { dateTime: inDays(4, '12:00'), timeZone: 'W. Europe Standard Time' },
        end: { dateTime: inDays(4, '13:00'), timeZone: 'W. Europe Standard Time' },
      });
      const arrived = await eventually(
        async () => (await crmEvents()).find((e) => e.subject === 'Lunch with Contoso'),
        10_000,
        'the Outlook event in the CRM',
      );
      expect([arrived.start, arrived.timeZone]).toEqual([`${inDays(4, '12:00')}:00`, 'Europe/Berlin']);
      expect(arrived.iCalUId).toBe(outlookMade.iCalUId);

      await outlook.update(outlookMade.id, { subject: 'Lunch with Contoso (confirmed)' });
      await eventually(
        async () => (await crmEvents()).find((e) => e.subject === 'Lunch with Contoso (confirmed)'),
        10_000,
        'the Outlook edit in the CRM',
      );
      await idle();
    });

    it('keeps the zone of an Outlook event in any Windows zone, such as Azerbaijan Standard Time', async () => {
      await outlook.create(calendarId, {
        subject: 'Call with Baku',
        start: { dateTime: inDays(6, '10:00'), timeZone: 'Azerbaijan Standard Time' },
        end: { dateTime: inDays(6, '11:00'), timeZone: 'Azerbaijan Standard Time' },
      });
      const arrived = await eventually(
        async () => (await crmEvents()).find((e) => e.subject === 'Call with Baku'),
        10_000,
        'the Outlook event in the CRM',
      );
      expect([arrived.start, arrived.end, arrived.timeZone]).toEqual([
        `${inDays(6, '10:00')}:00`,
        `${inDays(6, '11:00')}:00`,
        'Asia/Baku',
      ]);
      await idle();
    });

    it('does not echo its own writes: a further sync changes nothing on either side', async () => {
      await idle();
      const before = await outlookEvents();
      const crmBefore = await crmEvents();
      await stack.fetch(`${stack.tenant.url}/_devtenant/api/request-counts/reset`, { method: 'POST' });
      const binding = await stack.store.db.selectFrom('sync_bindings').selectAll().executeTakeFirstOrThrow();
      await stack.deps.queue.enqueue('sync.run', { bindingId: binding.id }, { singletonKey: binding.id });
      await eventually(
        async () => ((await status()).lastSuccessAt! > binding.last_success_at! ? true : undefined),
        10_000,
        'another run',
      );
      const counts = (await (await stack.fetch(`${stack.tenant.url}/_devtenant/api/request-counts`)).json()) as {
        byMethod?: Record<string, number>;
      };
      expect(counts.byMethod?.POST ?? 0).toBe(0);
      expect(counts.byMethod?.PATCH ?? 0).toBe(0);
      expect(counts.byMethod?.DELETE ?? 0).toBe(0);
      expect((await outlookEvents()).map((e) => e.changeKey)).toEqual(before.map((e) => e.changeKey));
      expect((await crmEvents()).map((e) => e.subject)).toEqual(crmBefore.map((e) => e.subject));
    });

    it('propagates deletions both ways', async () => {
      const crmSide = (await crmEvents()).find((e) => e.subject === 'Tomorrow')!;
      await stack.api(`/api/events/${crmSide.id}`, { token: admin, method: 'DELETE' });
      await eventually(
        async () => ((await outlookEvents()).some((e) => e.subject === 'Tomorrow') ? undefined : true),
        10_000,
        'the deletion in Outlook',
      );

      const outlookSide = (await outlookEvents()).find((e) => e.subject === 'Ended yesterday')!;
      await outlook.delete(outlookSide.id);
      await eventually(
        async () => ((await crmEvents()).some((e) => e.subject === 'Ended yesterday') ? undefined : true),
        10_000,
        'the deletion in the CRM',
      );
      expect(
        (await status()).log.some(
          (entry) =>
            entry.action === 'deleted' && entry.subject === 'Ended yesterday' && entry.reason === 'deleted in Outlook',
        ),
      ).toBe(true);
    });
  });
}
