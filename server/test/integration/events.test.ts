import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormBrowser } from '../formBrowser.js';
import { startStack, type Stack } from '../stack.js';

interface ApiEvent {
  id: string;
  subject: string;
  start: string;
  timeZone: string;
  origin: string;
  syncEligible: boolean;
  ownerId: string;
}

describe('CRM events through the API', () => {
  let stack: Stack;
  let admin: string;
  const outbox = () => stack.store.db.selectFrom('sync_outbox').selectAll().orderBy('id').execute();

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.tokenFor('admin@contoso.onmicrosoft.com');
    const { installUrl } = (await stack.api('/api/me', { token: admin })).body as { installUrl: string };
    const browser = new FormBrowser(stack.fetch);
    await (
      await (await browser.open(installUrl)).submit('login', 'admin@contoso.onmicrosoft.com')
    ).submit('passwd', stack.tenant.password);
    await browser.submit('decision', 'accept');
    await stack.api('/api/organisations', { token: admin, method: 'POST', body: { acceptTerms: true } });
  });
  afterAll(() => stack?.close());

  const meeting = {
    subject: 'Quarterly review',
    start: '2026-12-03T09:00',
    end: '2026-12-03T10:00',
    timeZone: 'Europe/Berlin',
    location: 'Elbe room',
  };

  it('creates, edits and deletes an event, recording each change for sync in the same transaction', async () => {
    const created = await stack.api<ApiEvent>('/api/events', { token: admin, method: 'POST', body: meeting });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      subject: 'Quarterly review',
      start: '2026-12-03T09:00:00',
      timeZone: 'Europe/Berlin',
      origin: 'crm',
      syncEligible: true,
    });
    const edited = await stack.api<ApiEvent>(`/api/events/${created.body.id}`, {
      token: admin,
      method: 'PATCH',
      body: { subject: 'Quarterly review (moved)', start: '2026-12-03T11:00', end: '2026-12-03T12:00' },
    });
    expect(edited.body.subject).toBe('Quarterly review (moved)');
    expect((await stack.api(`/api/events/${created.body.id}`, { token: admin, method: 'DELETE' })).status).toBe(204);
    expect((await outbox()).filter((row) => row.entity_id === created.body.id)).toHaveLength(3);
    const listed = await stack.api<{ events: ApiEvent[] }>('/api/events', { token: admin });
    expect(listed.body.events.map((event) => event.id)).not.toContain(created.body.id);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const before = await outbox();
    const cases = [
      { ...meeting, end: '2026-12-03T08:00' },
      { ...meeting, timeZone: 'Mars/Olympus' },
      { ...meeting, start: '2026-02-30T09:00' },
      { ...meeting, isAllDay: true },
      { ...meeting, attendees: [{ email: 'not-an-address' }] },
    ];
    for (const body of cases) {
      const response = await stack.api('/api/events', { token: admin, method: 'POST', body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error).toBe('invalid_request');
    }
    expect(await outbox()).toEqual(before);
  });

  it('imports CSV all-or-nothing, marks the events as imported, and makes them eligible once mass-updated', async () => {
    const bad =
      'Subject,Start,End,Time Zone\nGood,2026-12-01T09:00,2026-12-01T10:00,Europe/Berlin\nBad,2026-12-01T11:00,2026-12-01T10:00,Europe/Berlin\n';
    const refused = await stack.api('/api/events/import', { token: admin, method: 'POST', body: { csv: bad } });
    expect(refused).toMatchObject({ status: 400, body: { error: 'import_invalid' } });
    expect(String(refused.body.message)).toContain('line 3');
    expect(
      (await stack.api<{ events: ApiEvent[] }>('/api/events', { token: admin })).body.events.filter(
        (e) => e.subject === 'Good',
      ),
    ).toHaveLength(0);

    const csv =
      'Subject,Start,End,Time Zone,Location\n"Trade fair, day 1",2026-12-01T09:00,2026-12-01T17:00,Europe/Berlin,Hannover\nCall,2026-12-02T15:00,2026-12-02T15:30,America/New_York,\n';
    expect((await stack.api('/api/events/import', { token: admin, method: 'POST', body: { csv } })).body).toEqual({
      imported: 2,
    });
    const imported = (await stack.api<{ events: ApiEvent[] }>('/api/events', { token: admin })).body.events.filter(
      (e) => e.origin === 'import',
    );
    expect(imported.map((e) => [e.subject, e.syncEligible])).toEqual([
      ['Trade fair, day 1', false],
      ['Call', false],
    ]);
    const outboxBefore = (await outbox()).length;

    const massUpdated = await stack.api<{ events: ApiEvent[] }>('/api/events/mass-update', {
      token: admin,
      method: 'POST',
      body: { ids: imported.map((e) => e.id), changes: { showAs: 'tentative' } },
    });
    expect(massUpdated.body.events.every((e) => e.syncEligible)).toBe(true);
    expect((await outbox()).length).toBe(outboxBefore + 2);
  });

  it('reassigns an event to another member, recording the change for both owners', async () => {
    const megan = await stack.tokenFor('megan.bowen@contoso.onmicrosoft.com');
    await stack.api('/api/invitations', {
      token: admin,
      method: 'POST',
      body: { email: 'megan.bowen@contoso.onmicrosoft.com' },
    });
    const accepted = await stack.api<{ user: { id: string } }>('/api/invitations/accept', {
      token: megan,
      method: 'POST',
      body: { acceptTerms: true },
    });
    const event = (await stack.api<ApiEvent>('/api/events', { token: admin, method: 'POST', body: meeting })).body;
    const moved = await stack.api<ApiEvent>(`/api/events/${event.id}/owner`, {
      token: admin,
      method: 'POST',
      body: { ownerId: accepted.body.user.id },
    });
    expect(moved.body.ownerId).toBe(accepted.body.user.id);
    const rows = (await outbox()).filter((row) => row.entity_id === event.id).map((row) => row.user_id);
    expect(new Set(rows)).toEqual(new Set([event.ownerId, accepted.body.user.id]));
    expect(
      (await stack.api<{ events: ApiEvent[] }>('/api/events', { token: megan })).body.events.map((e) => e.id),
    ).toContain(event.id);
    const notHers = await stack.api(`/api/events/${event.id}/owner`, {
      token: megan,
      method: 'POST',
      body: { ownerId: event.ownerId },
    });
    expect(notHers.status).toBe(200);
    const refused = await stack.api<{ error: string; message: string }>(`/api/events/${event.id}`, {
      token: megan,
      method: 'PATCH',
      body: { subject: 'Hijack' },
      language: 'de',
    });
    expect([refused.status, refused.body.error]).toEqual([403, 'records_permission_denied']);
    expect(refused.body.message).toBe(
      'Datensätze anderer Benutzer kann nur ein Administrator Ihres CRM-Kontos ändern.',
    );
  });
});
