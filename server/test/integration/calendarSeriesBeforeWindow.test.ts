import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installTenant } from '../fixtures.js';
import { Outlook } from '../outlook.js';
import { startStack, type Stack } from '../stack.js';
import { enableCalendarSync, syncNow, type CalendarSyncHandle } from '../syncFixtures.js';

interface ApiEvent {
  id: string;
  subject: string;
  start: string;
  location: string;
  recurrence: { pattern: { type: string; daysOfWeek?: string[] }; range: { type: string; startDate: string } } | null;
  exceptions: { date: string; subject?: string; cancelled?: true }[];
}

/** The Thursday `weeks` weeks from the next one (negative: in the past), as YYYY-MM-DD. */
function thursday(weeks: number): string {
  const now = new Date();
  const next = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ((4 - now.getUTCDay() + 7) % 7 || 7)),
  );
  return new Date(next.getTime() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

describe('a series begun before the sync window, which Graph sends as occurrences without their master', () => {
  let stack: Stack;
  let admin: string;
  let outlook: Outlook;
  let sync: CalendarSyncHandle;
  const crmSeries = async () =>
    (await stack.api<{ events: ApiEvent[] }>('/api/events', { token: admin })).body.events.filter((e) => e.recurrence);

  beforeEach(async () => {
    stack = await startStack({ runJobs: false });
    stack.tenant.knobs.update({ seriesBeforeWindowWithoutMaster: true });
    admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
    outlook = new Outlook(stack, 'admin@contoso.onmicrosoft.com');
    sync = await enableCalendarSync(stack, admin);
    await syncNow(stack, sync);
  });
  afterEach(() => stack.close());

  it('arrives in the CRM as the series it is, and later changes to it arrive too', async () => {
    // Two years back: before the window's first day (a year back), still running.
    const began = thursday(-104);
    const created = await outlook.create(sync.calendarId, {
      subject: 'Weekly review',
      location: { displayName: 'Elbe room' },
      start: { dateTime: `${began}T09:00:00`, timeZone: 'Europe/Berlin' },
      end: { dateTime: `${began}T10:00:00`, timeZone: 'Europe/Berlin' },
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['thursday'] },
        range: { type: 'noEnd', startDate: began },
      },
    });
    await syncNow(stack, sync);
    const [arrived, ...others] = await crmSeries();
    expect(others).toEqual([]);
    expect(arrived).toMatchObject({
      subject: 'Weekly review',
      location: 'Elbe room',
      recurrence: { pattern: { type: 'weekly', daysOfWeek: ['thursday'] }, range: { type: 'noEnd', startDate: began } },
    });

    await outlook.update(created.id, { subject: 'Weekly review (renamed)' });
    await syncNow(stack, sync);
    const instance = (await outlook.instances(created.id, `${thursday(1)}T00:00:00Z`, `${thursday(2)}T00:00:00Z`))[0]!;
    await outlook.update(instance.id, { subject: 'Review with the board' });
    await syncNow(stack, sync);
    const [renamed, ...none] = await crmSeries();
    expect(none).toEqual([]);
    expect(renamed).toMatchObject({ id: arrived!.id, subject: 'Weekly review (renamed)' });
    expect(renamed!.exceptions).toEqual([
      expect.objectContaining({ date: thursday(1), subject: 'Review with the board' }),
    ]);
  });

  it('a series pushed from the CRM is not taken back as new when its echo comes without its master', async () => {
    const began = thursday(-80);
    const pushed = await stack.api<ApiEvent>('/api/events', {
      token: admin,
      method: 'POST',
      body: {
        subject: 'Jour fixe',
        start: `${began}T14:00`,
        end: `${began}T14:30`,
        timeZone: 'Europe/Berlin',
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['thursday'] },
          range: { type: 'noEnd', startDate: began },
        },
      },
    });
    expect(pushed.status).toBe(201);
    await syncNow(stack, sync);
    await syncNow(stack, sync);
    const inOutlook = (await outlook.events(sync.calendarId)).filter((e) => e.type === 'seriesMaster');
    expect(inOutlook.map((e) => e.subject)).toEqual(['Jour fixe']);
    await outlook.update(inOutlook[0]!.id, { subject: 'Jour fixe (moved to Outlook)' });
    await syncNow(stack, sync);
    expect((await crmSeries()).map((e) => [e.id, e.subject])).toEqual([
      [pushed.body.id, 'Jour fixe (moved to Outlook)'],
    ]);
  });
});
