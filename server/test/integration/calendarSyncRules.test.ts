import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installTenant, joinByInvitation } from '../fixtures.js';
import { Outlook } from '../outlook.js';
import { startStack, type Stack } from '../stack.js';
import { enableCalendarSync, syncNow, type CalendarSyncHandle } from '../syncFixtures.js';

interface ApiEvent {
  id: string;
  subject: string;
  start: string;
  timeZone: string;
  ownerId: string;
}

const day = (offset: number, time = '09:00') =>
  `${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)}T${time}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// docs/product-rules.md#4-calendar-sync, #7-what-users-can-rely-on, #8-lessons-from-other-crm-syncs
describe('calendar sync rules, one run at a time', () => {
  let stack: Stack;
  let admin: string;
  let outlook: Outlook;
  let sync: CalendarSyncHandle;

  const crmEvents = async (token = admin) =>
    (await stack.api<{ events: ApiEvent[] }>('/api/events', { token })).body.events;
  const createCrm = async (subject: string, offset: number, token = admin, extra: Record<string, unknown> = {}) =>
    (
      await stack.api<ApiEvent>('/api/events', {
        token,
        method: 'POST',
        body: { subject, start: day(offset), end: day(offset, '10:00'), timeZone: 'Europe/Berlin', ...extra },
      })
    ).body;
  const subjectsInOutlook = async (calendarId = sync.calendarId, mailbox = outlook) =>
    (await mailbox.events(calendarId)).map((e) => e.subject).sort();
  const log = async () =>
    (
      await stack.api<{ log: { action: string; subject: string | null; reason: string }[] }>('/api/sync/calendar', {
        token: admin,
      })
    ).body.log;

  beforeEach(async () => {
    stack = await startStack({ runJobs: false });
    // Short-lived tokens: msal fetches a new one for nearly every call, as it would near the end of a real token's life.
    stack.tenant.knobs.update({ tokenLifetimeSeconds: 60 });
    admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
    outlook = new Outlook(stack, 'admin@contoso.onmicrosoft.com');
    await createCrm('Kick-off', 3);
    sync = await enableCalendarSync(stack, admin);
    await syncNow(stack, sync);
  });
  afterEach(() => stack?.close());

  it('resolves a change on both sides by the later one, and logs it', async () => {
    const event = (await crmEvents()).find((e) => e.subject === 'Kick-off')!;
    const inOutlook = (await outlook.events(sync.calendarId)).find((e) => e.subject === 'Kick-off')!;
    await stack.api(`/api/events/${event.id}`, { token: admin, method: 'PATCH', body: { subject: 'Kick-off (CRM)' } });
    await pause(20);
    await outlook.update(inOutlook.id, { subject: 'Kick-off (Outlook, later)' });
    await syncNow(stack, sync);
    expect((await crmEvents()).map((e) => e.subject)).toEqual(['Kick-off (Outlook, later)']);
    expect(await subjectsInOutlook()).toEqual(['Kick-off (Outlook, later)']);
    expect(
      (await log()).some((entry) => entry.action === 'conflict' && entry.reason.includes('Outlook change was later')),
    ).toBe(true);
    const inGerman = await stack.api<{ log: { reason: string }[] }>('/api/sync/calendar', {
      token: admin,
      language: 'de',
    });
    expect(
      inGerman.body.log.some(
        (entry) => entry.reason === 'auf beiden Seiten geändert; die Änderung in Outlook war später und gilt',
      ),
    ).toBe(true);

    await outlook.update(inOutlook.id, { subject: 'Kick-off (Outlook)' });
    await pause(20);
    await stack.api(`/api/events/${event.id}`, {
      token: admin,
      method: 'PATCH',
      body: { subject: 'Kick-off (CRM, later)' },
    });
    await syncNow(stack, sync);
    expect((await crmEvents()).map((e) => e.subject)).toEqual(['Kick-off (CRM, later)']);
    expect(await subjectsInOutlook()).toEqual(['Kick-off (CRM, later)']);
  });

  it('lets a deletion win over an older edit on the other side, and never resurrects it', async () => {
    const event = (await crmEvents()).find((e) => e.subject === 'Kick-off')!;
    const inOutlook = (await outlook.events(sync.calendarId)).find((e) => e.subject === 'Kick-off')!;
    await outlook.update(inOutlook.id, { subject: 'Kick-off (edited in Outlook)' });
    await stack.api(`/api/events/${event.id}`, { token: admin, method: 'DELETE' });
    await syncNow(stack, sync);
    await syncNow(stack, sync);
    expect(await crmEvents()).toEqual([]);
    expect(await subjectsInOutlook()).toEqual([]);

    const second = await createCrm('Review', 4);
    await syncNow(stack, sync);
    const reviewInOutlook = (await outlook.events(sync.calendarId)).find((e) => e.subject === 'Review')!;
    await stack.api(`/api/events/${second.id}`, { token: admin, method: 'PATCH', body: { location: 'Room 2' } });
    await outlook.delete(reviewInOutlook.id);
    await syncNow(stack, sync);
    await syncNow(stack, sync);
    expect(await crmEvents()).toEqual([]);
    expect(await subjectsInOutlook()).toEqual([]);
  });

  it('moves an event to the new owner’s calendar when its owner changes', async () => {
    const meganToken = await joinByInvitation(stack, admin, 'megan.bowen@contoso.onmicrosoft.com');
    const megan = new Outlook(stack, 'megan.bowen@contoso.onmicrosoft.com');
    const meganSync = await enableCalendarSync(stack, meganToken);
    await syncNow(stack, meganSync);
    const meganUser = await stack.api<{ user: { id: string } }>('/api/me', { token: meganToken });
    const event = (await crmEvents()).find((e) => e.subject === 'Kick-off')!;
    await stack.api(`/api/events/${event.id}/owner`, {
      token: admin,
      method: 'POST',
      body: { ownerId: meganUser.body.user.id },
    });
    await syncNow(stack, sync);
    await syncNow(stack, meganSync);
    expect(await subjectsInOutlook()).toEqual([]);
    expect(await subjectsInOutlook(meganSync.calendarId, megan)).toEqual(['Kick-off']);
    expect(
      (await log()).some((entry) => entry.action === 'deleted' && entry.reason === 'given to another owner in the CRM'),
    ).toBe(true);
  });

  it('honours Retry-After on 429 and 503 and still delivers everything once', async () => {
    stack.tenant.knobs.update({
      faults: [
        { status: 429, retryAfterSeconds: 1, times: 2, pathContains: '/events', method: 'POST' },
        { status: 503, retryAfterSeconds: 1, times: 1, pathContains: 'delta' },
      ],
    });
    for (let i = 0; i < 25; i += 1) await createCrm(`Visit ${i}`, 10 + i);
    const started = Date.now();
    await syncNow(stack, sync);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(stack.tenant.knobs.snapshot().faults).toEqual([]);
    const subjects = await subjectsInOutlook();
    expect(subjects).toHaveLength(26);
    expect(new Set(subjects).size).toBe(26);
  });

  it('resynchronises after an expired delta token without duplicating anything', async () => {
    const made = await outlook.create(sync.calendarId, {
      subject: 'Made in Outlook',
      start: { dateTime: day(6, '11:00'), timeZone: 'Europe/Berlin' },
      end: { dateTime: day(6, '12:00'), timeZone: 'Europe/Berlin' },
    });
    await syncNow(stack, sync);
    await stack.fetch(`${stack.tenant.url}/_devtenant/api/expire-delta-tokens`, { method: 'POST' });
    await outlook.create(sync.calendarId, {
      subject: 'Made while the token expired',
      start: { dateTime: day(7, '11:00'), timeZone: 'Europe/Berlin' },
      end: { dateTime: day(7, '12:00'), timeZone: 'Europe/Berlin' },
    });
    await outlook.delete(made.id);
    await syncNow(stack, sync);
    await syncNow(stack, sync);
    expect((await crmEvents()).map((e) => e.subject).sort()).toEqual(['Kick-off', 'Made while the token expired']);
    expect(await subjectsInOutlook()).toEqual(['Kick-off', 'Made while the token expired']);
  });

  it('disabling removes the calendar and keeps every event; enabling again duplicates nothing', async () => {
    await outlook.create(sync.calendarId, {
      subject: 'From Outlook',
      start: { dateTime: day(2, '08:00'), timeZone: 'Europe/Berlin' },
      end: { dateTime: day(2, '09:00'), timeZone: 'Europe/Berlin' },
    });
    await syncNow(stack, sync);
    const disabled = await stack.api<{ calendarRemoved: boolean; enabled: boolean }>('/api/sync/calendar/disable', {
      token: admin,
      method: 'POST',
    });
    expect(disabled.body).toMatchObject({ calendarRemoved: true, enabled: false });
    expect(await outlook.calendarNamed('Zoho CRM')).toBeUndefined();
    expect((await crmEvents()).map((e) => e.subject).sort()).toEqual(['From Outlook', 'Kick-off']);

    sync = await enableCalendarSync(stack, admin);
    await syncNow(stack, sync);
    await syncNow(stack, sync);
    expect((await crmEvents()).map((e) => e.subject).sort()).toEqual(['From Outlook', 'Kick-off']);
    expect(await subjectsInOutlook()).toEqual(['From Outlook', 'Kick-off']);
  });

  it('turns the sync off when the calendar is deleted in Outlook, keeping every event, and says so', async () => {
    await outlook.deleteCalendar(sync.calendarId);
    await syncNow(stack, sync);
    const status = await stack.api<{ enabled: boolean; disabledReason: string }>('/api/sync/calendar', {
      token: admin,
    });
    expect(status.body).toMatchObject({ enabled: false, disabledReason: 'container_deleted' });
    expect((await crmEvents()).map((e) => e.subject)).toEqual(['Kick-off']);
    const again = await stack.api('/api/sync/calendar/disable', { token: admin, method: 'POST' });
    expect(again.status).toBe(409);
  });

  it('keeps a weekly series at 09:00 local on both sides of a daylight-saving change', async () => {
    const created = await stack.api<ApiEvent>('/api/events', {
      token: admin,
      method: 'POST',
      body: {
        subject: 'Weekly stand-up',
        start: '2027-03-18T09:00',
        end: '2027-03-18T09:15',
        timeZone: 'Europe/Berlin',
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['thursday'] },
          range: { type: 'numbered', startDate: '2027-03-18', numberOfOccurrences: 4 },
        },
      },
    });
    expect(created.status).toBe(201);
    await syncNow(stack, sync);
    const series = (await outlook.events(sync.calendarId)).find((e) => e.subject === 'Weekly stand-up')!;
    expect(series.type).toBe('seriesMaster');
    const instances = await outlook.instances(series.id, '2027-03-01T00:00:00Z', '2027-04-30T00:00:00Z');
    expect(instances.map((i) => i.start.dateTime.slice(0, 16))).toEqual([
      '2027-03-18T08:00',
      '2027-03-25T08:00',
      '2027-04-01T07:00',
      '2027-04-08T07:00',
    ]);
    await syncNow(stack, sync);
    const back = (await crmEvents()).find((e) => e.subject === 'Weekly stand-up')!;
    expect([back.start, back.timeZone]).toEqual(['2027-03-18T09:00:00', 'Europe/Berlin']);
  });

  it('refuses change notifications with a wrong client state and answers the validation handshake', async () => {
    const handshake = await stack.fetch(
      `${stack.serviceUrl}/api/graph/notifications?validationToken=${encodeURIComponent('abc 123')}`,
      { method: 'POST' },
    );
    expect([handshake.status, handshake.headers.get('content-type'), await handshake.text()]).toEqual([
      200,
      'text/plain; charset=utf-8',
      'abc 123',
    ]);
    const binding = await stack.store.db
      .selectFrom('sync_bindings')
      .selectAll()
      .where('id', '=', sync.bindingId)
      .executeTakeFirstOrThrow();
    const forged = await stack.api('/api/graph/notifications', {
      method: 'POST',
      body: {
        value: [
          { subscriptionId: binding.subscription_id, clientState: 'guessed', changeType: 'updated', resource: 'x' },
        ],
      },
    });
    expect(forged.status).toBe(403);
    const malformed = await stack.api('/api/graph/notifications', { method: 'POST', body: { value: 'nope' } });
    expect(malformed.status).toBe(400);
  });

  it('asks for a reconnect when consent is withdrawn, and shows administrators who is failing', async () => {
    await stack.fetch(
      `${stack.tenant.url}/_devtenant/api/consents/4d2c9a61-7e3b-4f8a-9c15-2b6e8d0f3a47/3f6c1e2a-9d84-4b7e-a5c3-7e2d9f1b6a08`,
      { method: 'DELETE' },
    );
    await createCrm('After revocation', 5);
    await syncNow(stack, sync).catch(() => undefined);
    const status = await stack.api<{ status: string; lastError: { code: string; message: string } }>(
      '/api/sync/calendar',
      { token: admin },
    );
    expect(status.body.status).toBe('reconnect_required');
    expect(status.body.lastError.message).toContain('Reconnect');
    const failing = await stack.api<{ users: { email: string; status: string }[] }>('/api/sync/failing', {
      token: admin,
    });
    expect(failing.body.users).toEqual([
      expect.objectContaining({ email: 'admin@contoso.onmicrosoft.com', status: 'reconnect_required' }),
    ]);
  });
});
