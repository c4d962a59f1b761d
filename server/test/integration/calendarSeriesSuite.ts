import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { utcToLocal } from '../../../common/time/wallClock.js';
import { installTenant } from '../fixtures.js';
import { Outlook, type OutlookEvent } from '../outlook.js';
import { startStack, type Stack } from '../stack.js';
import { dropTestSchemas, TEST_DATABASE_URL, type StoreKind } from '../stores.js';
import { enableCalendarSync, syncNow, type CalendarSyncHandle } from '../syncFixtures.js';

interface SeriesException {
  date: string;
  cancelled?: true;
  subject?: string;
  location?: string;
  start?: string;
  end?: string;
}
interface ApiEvent {
  id: string;
  subject: string;
  start: string;
  location: string;
  exceptions: SeriesException[];
  version: number;
}
interface Occurrence {
  date: string;
  start: string;
  subject: string;
  location: string;
  cancelled: boolean;
  changed: boolean;
}
type Instance = OutlookEvent & { originalStart: string };

/** The Thursday `weeks` weeks after the next one, as YYYY-MM-DD (Berlin dates equal UTC dates at 09:00). */
function thursday(weeks: number): string {
  const now = new Date();
  const next = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ((4 - now.getUTCDay() + 7) % 7 || 7)),
  );
  return new Date(next.getTime() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

/** Series and their exceptions, one sync run at a time, on SQLite or on PostgreSQL (a fresh schema per test). */
export function calendarSeriesSuite(kind: StoreKind['name'], available: boolean): void {
  // docs/product-rules.md#r-series-as-series
  describe.skipIf(!available)(`recurring series keep their exceptions both ways (${kind})`, () => {
    let stack: Stack;
    let schema: string;
    let admin: string;
    let outlook: Outlook;
    let sync: CalendarSyncHandle;
    let series: ApiEvent;

    const event = async () =>
      (await stack.api<{ events: ApiEvent[] }>('/api/events', { token: admin })).body.events.find(
        (e) => e.id === series.id,
      )!;
    const occurrences = async () =>
      (
        await stack.api<{ occurrences: Occurrence[] }>(
          `/api/events/${series.id}/occurrences?from=${thursday(0)}&to=${thursday(5)}`,
          { token: admin },
        )
      ).body.occurrences;
    const master = async () => (await outlook.events(sync.calendarId)).find((e) => e.type === 'seriesMaster')!;
    const instances = async () =>
      (await outlook.instances(
        (await master()).id,
        `${thursday(-1)}T00:00:00Z`,
        `${thursday(7)}T00:00:00Z`,
      )) as Instance[];
    const instanceOn = async (date: string) => (await instances()).find((i) => i.originalStart.startsWith(date));
    const log = async () =>
      (await stack.api<{ log: { action: string; reason: string }[] }>('/api/sync/calendar', { token: admin })).body.log;
    /** The writes a further sync sends to Microsoft 365 (none when both sides already agree). */
    const writesOfAnotherSync = async () => {
      await stack.fetch(`${stack.tenant.url}/_devtenant/api/request-counts/reset`, { method: 'POST' });
      await syncNow(stack, sync);
      const counts = (await (await stack.fetch(`${stack.tenant.url}/_devtenant/api/request-counts`)).json()) as {
        batchRequests: number;
        mailboxes: Record<string, Record<string, number>>;
      };
      return {
        batches: counts.batchRequests,
        writes: Object.values(counts.mailboxes).reduce(
          (n, byMethod) => n + (byMethod.POST ?? 0) + (byMethod.PATCH ?? 0) + (byMethod.DELETE ?? 0),
          0,
        ),
      };
    };

    beforeEach(async () => {
      schema = `test_series_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
      stack = await startStack(
        kind === 'postgres'
          ? { runJobs: false, databaseUrl: TEST_DATABASE_URL, databaseSchema: schema }
          : { runJobs: false },
      );
      admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
      outlook = new Outlook(stack, 'admin@contoso.onmicrosoft.com');
      sync = await enableCalendarSync(stack, admin);
      const created = await stack.api<ApiEvent>('/api/events', {
        token: admin,
        method: 'POST',
        body: {
          subject: 'Weekly stand-up',
          location: 'Elbe room',
          start: `${thursday(0)}T09:00`,
          end: `${thursday(0)}T09:15`,
          timeZone: 'Europe/Berlin',
          recurrence: {
            pattern: { type: 'weekly', interval: 1, daysOfWeek: ['thursday'] },
            range: { type: 'numbered', startDate: thursday(0), numberOfOccurrences: 6 },
          },
        },
      });
      expect(created.status).toBe(201);
      series = created.body;
      await syncNow(stack, sync);
    });
    afterEach(async () => {
      await stack?.close();
      if (kind === 'postgres') await dropTestSchemas(schema);
    });

    it('sends an occurrence cancelled or changed in the CRM to Outlook, once', async () => {
      const cancelled = await stack.api(`/api/events/${series.id}/occurrences/${thursday(1)}`, {
        token: admin,
        method: 'DELETE',
      });
      expect(cancelled.status).toBe(200);
      const changed = await stack.api<ApiEvent>(`/api/events/${series.id}/occurrences/${thursday(2)}`, {
        token: admin,
        method: 'PATCH',
        body: { location: 'Alster room', start: `${thursday(2)}T14:00`, end: `${thursday(2)}T14:30` },
      });
      expect(changed.body.exceptions).toEqual([
        { date: thursday(1), cancelled: true },
        {
          date: thursday(2),
          location: 'Alster room',
          start: `${thursday(2)}T14:00:00`,
          end: `${thursday(2)}T14:30:00`,
        },
      ]);
      await syncNow(stack, sync);

      expect(await instanceOn(thursday(1))).toBeUndefined();
      const moved = (await instanceOn(thursday(2)))!;
      expect([moved.type, moved.location.displayName, moved.start.dateTime.slice(0, 16)]).toEqual([
        'exception',
        'Alster room',
        `${thursday(2)}T13:00`,
      ]);
      expect((await instances()).filter((i) => i.type === 'occurrence')).toHaveLength(4);
      // Our own instance writes come back as a change of the master: recognised as ours, nothing changes in the CRM.
      await syncNow(stack, sync);
      expect((await event()).version).toBe(changed.body.version);
      expect((await log()).filter((entry) => entry.reason === 'changed in Outlook')).toEqual([]);
      expect(await writesOfAnotherSync()).toEqual({ batches: 0, writes: 0 });
    });

    it('brings an occurrence changed or deleted in Outlook into the CRM as an exception of the series', async () => {
      await outlook.update((await instanceOn(thursday(3)))!.id, {
        subject: 'Stand-up with the board',
        start: { dateTime: `${thursday(3)}T10:00:00`, timeZone: 'Europe/Berlin' },
        end: { dateTime: `${thursday(3)}T10:15:00`, timeZone: 'Europe/Berlin' },
      });
      await outlook.delete((await instanceOn(thursday(4)))!.id);
      // Moved by someone who wrote the time in UTC: the CRM keeps it in the series' zone.
      await outlook.update((await instanceOn(thursday(5)))!.id, {
        start: { dateTime: `${thursday(5)}T12:00:00`, timeZone: 'UTC' },
        end: { dateTime: `${thursday(5)}T12:15:00`, timeZone: 'UTC' },
      });
      await syncNow(stack, sync);

      const inBerlin = (time: string) => utcToLocal(`${thursday(5)}T${time}Z`, 'Europe/Berlin');
      expect((await event()).exceptions).toEqual([
        {
          date: thursday(3),
          subject: 'Stand-up with the board',
          start: `${thursday(3)}T10:00:00`,
          end: `${thursday(3)}T10:15:00`,
        },
        { date: thursday(4), cancelled: true },
        { date: thursday(5), start: inBerlin('12:00:00'), end: inBerlin('12:15:00') },
      ]);
      expect((await occurrences()).map((o) => [o.date, o.start.slice(11, 16), o.subject, o.cancelled])).toEqual([
        [thursday(0), '09:00', 'Weekly stand-up', false],
        [thursday(1), '09:00', 'Weekly stand-up', false],
        [thursday(2), '09:00', 'Weekly stand-up', false],
        [thursday(3), '10:00', 'Stand-up with the board', false],
        [thursday(4), '09:00', 'Weekly stand-up', true],
        [thursday(5), inBerlin('12:00:00').slice(11, 16), 'Weekly stand-up', false],
      ]);
      expect((await stack.api<{ events: ApiEvent[] }>('/api/events', { token: admin })).body.events).toHaveLength(1);
      expect(await writesOfAnotherSync()).toEqual({ batches: 0, writes: 0 });
    });

    it('lets a cancellation in Outlook win over a change of the same occurrence in the CRM, whichever came later', async () => {
      await outlook.delete((await instanceOn(thursday(2)))!.id);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await stack.api(`/api/events/${series.id}/occurrences/${thursday(2)}`, {
        token: admin,
        method: 'PATCH',
        body: { location: 'Room 7' },
      });
      await syncNow(stack, sync);
      await syncNow(stack, sync);
      expect((await event()).exceptions).toEqual([{ date: thursday(2), cancelled: true }]);
      expect(await instanceOn(thursday(2))).toBeUndefined();
      expect((await log()).some((entry) => entry.reason.includes('was cancelled in Outlook'))).toBe(true);
      expect(await writesOfAnotherSync()).toEqual({ batches: 0, writes: 0 });
    });

    it('drops every exception on both sides when the series moves, as Outlook does', async () => {
      await stack.api(`/api/events/${series.id}/occurrences/${thursday(1)}`, {
        token: admin,
        method: 'PATCH',
        body: { location: 'Alster room' },
      });
      await syncNow(stack, sync);
      expect((await instanceOn(thursday(1)))!.type).toBe('exception');
      const moved = await stack.api<ApiEvent>(`/api/events/${series.id}`, {
        token: admin,
        method: 'PATCH',
        body: { start: `${thursday(0)}T11:00`, end: `${thursday(0)}T11:15` },
      });
      expect(moved.body.exceptions).toEqual([]);
      await syncNow(stack, sync);
      expect((await instances()).map((i) => [i.type, i.location.displayName])).toEqual(
        Array.from({ length: 6 }, () => ['occurrence', 'Elbe room']),
      );
      expect(await writesOfAnotherSync()).toEqual({ batches: 0, writes: 0 });
    });

    it('finds an occurrence deleted in Outlook without any signal when it reads the series again, a quarter of an hour later', async () => {
      stack.tenant.knobs.update({ silentOccurrenceDeletes: true });
      await outlook.delete((await instanceOn(thursday(3)))!.id);
      await syncNow(stack, sync);
      expect((await event()).exceptions).toEqual([]);
      // 15 minutes on (SYNC_REVIEW_SECONDS), the run reads every synced series' instances again.
      await stack.store.db
        .updateTable('sync_bindings')
        .set({ reviewed_at: new Date(Date.now() - 15 * 60_000 - 1000).toISOString() })
        .where('id', '=', sync.bindingId)
        .execute();
      await syncNow(stack, sync);
      expect((await event()).exceptions).toEqual([{ date: thursday(3), cancelled: true }]);
      expect(await writesOfAnotherSync()).toEqual({ batches: 0, writes: 0 });
    });

    it('reads a series again when Graph reports a changed occurrence without its master', async () => {
      stack.tenant.knobs.update({ exceptionChangesWithoutMaster: true });
      const masterKey = (await master()).changeKey;
      await outlook.update((await instanceOn(thursday(2)))!.id, { location: { displayName: 'Alster room' } });
      expect((await master()).changeKey).toBe(masterKey);
      await syncNow(stack, sync);
      expect((await event()).exceptions).toEqual([{ date: thursday(2), location: 'Alster room' }]);
      expect(await writesOfAnotherSync()).toEqual({ batches: 0, writes: 0 });
    });

    it('gives Outlook the exceptions a series already had in the CRM when sync is turned on, and duplicates nothing when turned on again', async () => {
      await stack.api('/api/sync/calendar/disable', { token: admin, method: 'POST' });
      await stack.api(`/api/events/${series.id}/occurrences/${thursday(1)}`, { token: admin, method: 'DELETE' });
      await stack.api(`/api/events/${series.id}/occurrences/${thursday(2)}`, {
        token: admin,
        method: 'PATCH',
        body: { subject: 'Stand-up (customer)' },
      });
      for (let round = 0; round < 2; round += 1) {
        sync = await enableCalendarSync(stack, admin);
        await syncNow(stack, sync);
        expect((await outlook.events(sync.calendarId)).map((e) => e.subject)).toEqual(['Weekly stand-up']);
        expect((await instances()).map((i) => [i.originalStart.slice(0, 10), i.type, i.subject])).toEqual([
          [thursday(0), 'occurrence', 'Weekly stand-up'],
          [thursday(2), 'exception', 'Stand-up (customer)'],
          [thursday(3), 'occurrence', 'Weekly stand-up'],
          [thursday(4), 'occurrence', 'Weekly stand-up'],
          [thursday(5), 'occurrence', 'Weekly stand-up'],
        ]);
        expect(await writesOfAnotherSync()).toEqual({ batches: 0, writes: 0 });
        await stack.api('/api/sync/calendar/disable', { token: admin, method: 'POST' });
      }
      expect((await event()).exceptions).toHaveLength(2);
    });

    it('keeps the exceptions of an all-day series on their dates, both ways', async () => {
      const allDay = await stack.api<ApiEvent>('/api/events', {
        token: admin,
        method: 'POST',
        body: {
          subject: 'Trade fair',
          start: `${thursday(0)}T00:00`,
          end: `${new Date(Date.parse(thursday(0)) + 86_400_000).toISOString().slice(0, 10)}T00:00`,
          timeZone: 'Asia/Tokyo',
          isAllDay: true,
          recurrence: {
            pattern: { type: 'weekly', interval: 1, daysOfWeek: ['thursday'] },
            range: { type: 'numbered', startDate: thursday(0), numberOfOccurrences: 4 },
          },
        },
      });
      await stack.api(`/api/events/${allDay.body.id}/occurrences/${thursday(1)}`, { token: admin, method: 'DELETE' });
      await stack.api(`/api/events/${allDay.body.id}/occurrences/${thursday(2)}`, {
        token: admin,
        method: 'PATCH',
        body: { location: 'Hall 4' },
      });
      await syncNow(stack, sync);
      const fairMaster = (await outlook.events(sync.calendarId)).find((e) => e.subject === 'Trade fair')!;
      const fairInstances = (await outlook.instances(
        fairMaster.id,
        `${thursday(-1)}T00:00:00Z`,
        `${thursday(7)}T00:00:00Z`,
      )) as Instance[];
      expect(fairInstances.map((i) => [i.start.dateTime.slice(0, 10), i.isAllDay, i.location.displayName])).toEqual([
        [thursday(0), true, ''],
        [thursday(2), true, 'Hall 4'],
        [thursday(3), true, ''],
      ]);
      await outlook.update(fairInstances[2]!.id, { location: { displayName: 'Hall 9' } });
      await syncNow(stack, sync);
      const back = (await stack.api<{ events: ApiEvent[] }>('/api/events', { token: admin })).body.events.find(
        (e) => e.id === allDay.body.id,
      )!;
      expect(back.exceptions).toEqual([
        { date: thursday(1), cancelled: true },
        { date: thursday(2), location: 'Hall 4' },
        { date: thursday(3), location: 'Hall 9' },
      ]);
      expect(await writesOfAnotherSync()).toEqual({ batches: 0, writes: 0 });
    });

    it('finishes a series’ exceptions on the next run when the run failed after writing them, and writes nothing twice', async () => {
      const masterId = (await master()).id;
      await stack.api(`/api/events/${series.id}/occurrences/${thursday(1)}`, { token: admin, method: 'DELETE' });
      await stack.api(`/api/events/${series.id}/occurrences/${thursday(2)}`, {
        token: admin,
        method: 'PATCH',
        body: { location: 'Alster room' },
      });
      // Microsoft 365 stops answering right after the instance writes, before the run can commit what it did.
      stack.tenant.knobs.injectFault({
        status: 503,
        retryAfterSeconds: 0.01,
        times: 50,
        pathContains: `${masterId}?$select=id,changeKey`,
        method: 'GET',
      });
      await expect(syncNow(stack, sync)).rejects.toThrow();
      expect(await instanceOn(thursday(1))).toBeUndefined();
      stack.tenant.knobs.resetFaults();
      await syncNow(stack, sync);
      expect((await instances()).map((i) => [i.originalStart.slice(0, 10), i.type, i.location.displayName])).toEqual([
        [thursday(0), 'occurrence', 'Elbe room'],
        [thursday(2), 'exception', 'Alster room'],
        [thursday(3), 'occurrence', 'Elbe room'],
        [thursday(4), 'occurrence', 'Elbe room'],
        [thursday(5), 'occurrence', 'Elbe room'],
      ]);
      expect((await event()).exceptions).toEqual([
        { date: thursday(1), cancelled: true },
        { date: thursday(2), location: 'Alster room' },
      ]);
      expect(await writesOfAnotherSync()).toEqual({ batches: 0, writes: 0 });
    });

    it('refuses a change to a day without an occurrence, or to a cancelled one, in the user’s language', async () => {
      const wrongDay = await stack.api<{ error: string; message: string }>(
        `/api/events/${series.id}/occurrences/${thursday(1).slice(0, 8)}01`,
        { token: admin, method: 'PATCH', body: { location: 'X' }, language: 'de' },
      );
      expect(wrongDay.status).toBe(404);
      expect(wrongDay.body).toMatchObject({ error: 'occurrence_not_found' });
      expect(wrongDay.body.message).toBe('Dieses Ereignis hat an diesem Tag keinen Termin, oder er wurde abgesagt.');
      await stack.api(`/api/events/${series.id}/occurrences/${thursday(1)}`, { token: admin, method: 'DELETE' });
      const again = await stack.api(`/api/events/${series.id}/occurrences/${thursday(1)}`, {
        token: admin,
        method: 'PATCH',
        body: { location: 'X' },
      });
      expect(again.status).toBe(404);
      const halfMoved = await stack.api(`/api/events/${series.id}/occurrences/${thursday(2)}`, {
        token: admin,
        method: 'PATCH',
        body: { start: `${thursday(2)}T10:00` },
      });
      expect(halfMoved.status).toBe(400);
      const crossing = await stack.api<{ error: string; message: string }>(
        `/api/events/${series.id}/occurrences/${thursday(2)}`,
        {
          token: admin,
          method: 'PATCH',
          body: { start: `${thursday(3)}T10:00`, end: `${thursday(3)}T10:15` },
          language: 'de',
        },
      );
      expect([crossing.status, crossing.body.error]).toEqual([400, 'occurrence_crosses_neighbour']);
      expect(crossing.body.message).toBe(
        'Ein Termin kann nicht auf den Tag des vorherigen oder nächsten Termins oder darüber hinaus verschoben werden.',
      );
      expect((await event()).exceptions).toEqual([{ date: thursday(1), cancelled: true }]);
    });
  });
}
