import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../seed/seedTenants.js';
import {
  grantAdminConsent,
  startTestTenant,
  TEST_CLIENT_ID,
  TEST_SECRET,
  type TestTenant,
} from '../test/testTenant.js';
import { startWebhookListener, type WebhookListener } from '../test/webhookListener.js';

// Outlook's "Move to" another calendar: Exchange makes a new item in the target calendar (new id, same iCalUId and
// content) and the old id is gone. Graph v1.0 has no move for events, so only the web view and the inspection API do it.
let t: TestTenant;
let app: string;
let hook: WebhookListener;
const MEGAN = 'megan.bowen@contoso.onmicrosoft.com';
const LEE = 'lee.gu@contoso.onmicrosoft.com';
let leeId: string;
let defaultId: string;
let crmId: string;
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
  leeId = (await t.graph(`/users/${LEE}`, app)).json.id;
  defaultId = (await t.graph(`/users/${LEE}/calendar`, app)).json.id;
  crmId = (await t.graph(`/users/${LEE}/calendars`, app, { body: { name: 'Zoho CRM' } })).json.id;
  t.tenant.knobs.update({ notificationDelayMs: 50 });
});
afterAll(async () => {
  await t.close();
  await hook.close();
});
beforeEach(() => {
  hook.received.length = 0;
});

const window = 'startDateTime=2026-06-01T00:00:00Z&endDateTime=2026-07-01T00:00:00Z';
const local = (link: string) => link.replace(`${t.url}/v1.0`, '');
const move = (upn: string, id: string, calendarId: string) =>
  t.request(`/_devtenant/api/mailboxes/${upn}/events/${encodeURIComponent(id)}/move`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ calendarId }),
  });
const stored = async (upn: string, calendarId: string) =>
  (await t.request(`/_devtenant/api/mailboxes/${upn}/calendars/${calendarId}/events`)).json.value as any[];
const deltaLink = async (calendarId: string) =>
  local(
    (await t.graph(`/users/${LEE}/calendars/${calendarId}/calendarView/delta?${window}`, app)).json['@odata.deltaLink'],
  );
const subscribe = async (calendarId: string) =>
  (
    await t.graph('/subscriptions', app, {
      body: {
        changeType: 'created,updated,deleted',
        notificationUrl: `${hook.url}/${calendarId === crmId ? 'crm' : 'default'}`,
        resource: `users/${leeId}/calendars/${calendarId}/events`,
        expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
        clientState: 'move',
      },
    })
  ).json;

describe('moving an event to another calendar (Outlook "Move to")', () => {
  it('moves a received meeting copy: new id in the target, same iCalUId and content; delta and notifications see a deletion and a creation', async () => {
    const meeting = (
      await t.graph(`/users/${MEGAN}/events`, app, {
        body: {
          subject: 'Pricing workshop',
          body: { contentType: 'text', content: 'Agenda' },
          location: { displayName: 'Room 4' },
          start: { dateTime: '2026-06-10T09:00:00', timeZone: 'W. Europe Standard Time' },
          end: { dateTime: '2026-06-10T10:00:00', timeZone: 'W. Europe Standard Time' },
          attendees: [{ emailAddress: { address: LEE, name: 'Lee Gu' }, type: 'required' }],
        },
      })
    ).json;
    const copy = (await stored(LEE, 'default')).find((e) => e.iCalUId === meeting.iCalUId);
    expect(copy).toMatchObject({ isOrganizer: false, subject: 'Pricing workshop' });
    const defaultDelta = await deltaLink(defaultId);
    const crmDelta = await deltaLink(crmId);
    const defaultSub = await subscribe(defaultId);
    const crmSub = await subscribe(crmId);
    hook.received.length = 0;

    const moved = await move(LEE, copy.id, crmId);
    expect(moved.status).toBe(200);
    expect(moved.json.id).not.toBe(copy.id);
    expect(moved.json.changeKey).not.toBe(copy.changeKey);
    expect(moved.json).toMatchObject({
      calendarId: crmId,
      iCalUId: meeting.iCalUId,
      subject: 'Pricing workshop',
      isOrganizer: false,
      bodyPreview: 'Agenda',
      start: copy.start,
      end: copy.end,
      location: { displayName: 'Room 4' },
      organizer: { emailAddress: { address: MEGAN } },
      responseStatus: { response: 'notResponded' },
      attendees: copy.attendees,
      createdDateTime: copy.createdDateTime,
    });

    // The old id is gone everywhere; the new one is reachable through any path, the target calendar's included.
    expect((await t.graph(`/users/${LEE}/events/${copy.id}`, app)).json.error.code).toBe('ErrorItemNotFound');
    expect((await t.graph(`/users/${LEE}/calendars/${crmId}/events/${moved.json.id}`, app)).json.iCalUId).toBe(
      meeting.iCalUId,
    );
    expect((await stored(LEE, 'default')).some((e) => e.iCalUId === meeting.iCalUId)).toBe(false);
    expect((await stored(LEE, crmId)).map((e) => e.id)).toEqual([moved.json.id]);

    const fromDefault = await t.graph(defaultDelta, app);
    expect(fromDefault.json.value).toEqual([
      { '@odata.type': '#microsoft.graph.event', id: copy.id, '@removed': { reason: 'deleted' } },
    ]);
    const intoCrm = await t.graph(crmDelta, app);
    expect(intoCrm.json.value).toHaveLength(1);
    expect(intoCrm.json.value[0]).toMatchObject({
      id: moved.json.id,
      iCalUId: meeting.iCalUId,
      subject: 'Pricing workshop',
      changeKey: moved.json.changeKey,
    });

    await hook.waitFor(() => hook.notifications().length >= 2);
    expect(hook.notifications('/default').map((n) => [n.subscriptionId, n.changeType, n.resourceData.id])).toEqual([
      [defaultSub.id, 'deleted', copy.id],
    ]);
    expect(hook.notifications('/crm').map((n) => [n.subscriptionId, n.changeType, n.resourceData.id])).toEqual([
      [crmSub.id, 'created', moved.json.id],
    ]);

    // Moving back makes yet another item; in the default calendar the organizer's changes reach it again.
    const back = await move(LEE, moved.json.id, 'default');
    expect(back.status).toBe(200);
    expect([back.json.calendarId, back.json.iCalUId]).toEqual([defaultId, meeting.iCalUId]);
    expect(new Set([copy.id, moved.json.id, back.json.id]).size).toBe(3);
    expect((await t.graph(`/users/${LEE}/events/${moved.json.id}`, app)).status).toBe(404);
    await t.graph(`/users/${MEGAN}/events/${meeting.id}`, app, {
      method: 'PATCH',
      body: { subject: 'Pricing workshop (v2)' },
    });
    expect((await t.graph(`/users/${LEE}/events/${back.json.id}`, app)).json.subject).toBe('Pricing workshop (v2)');
    await Promise.all([defaultSub, crmSub].map((s) => t.graph(`/subscriptions/${s.id}`, app, { method: 'DELETE' })));
  });

  it('updates and cancels only the copy in the default calendar, as Exchange finds meetings there only (MS-OXOCAL 3.1.5.1)', async () => {
    const meeting = (
      await t.graph(`/users/${MEGAN}/events`, app, {
        body: {
          subject: 'Roadmap',
          start: { dateTime: '2026-06-11T13:00:00', timeZone: 'UTC' },
          end: { dateTime: '2026-06-11T14:00:00', timeZone: 'UTC' },
          attendees: [{ emailAddress: { address: LEE }, type: 'required' }],
        },
      })
    ).json;
    const copy = (await stored(LEE, 'default')).find((e) => e.iCalUId === meeting.iCalUId);
    const moved = (await move(LEE, copy.id, crmId)).json;

    // The organizer moves the meeting: the copy filed under "Zoho CRM" is not found, so a new copy lands in the default calendar.
    await t.graph(`/users/${MEGAN}/events/${meeting.id}`, app, {
      method: 'PATCH',
      body: { subject: 'Roadmap (room change)', location: { displayName: 'Room 9' } },
    });
    const inCrm = (await stored(LEE, crmId)).filter((e) => e.iCalUId === meeting.iCalUId);
    expect(inCrm.map((e) => [e.id, e.subject, e.changeKey])).toEqual([[moved.id, 'Roadmap', moved.changeKey]]);
    const inDefault = (await stored(LEE, 'default')).filter((e) => e.iCalUId === meeting.iCalUId);
    expect(inDefault).toHaveLength(1);
    expect(inDefault[0]).toMatchObject({
      subject: 'Roadmap (room change)',
      location: { displayName: 'Room 9' },
      isOrganizer: false,
      isCancelled: false,
    });
    expect(inDefault[0].id).not.toBe(copy.id);

    // The cancellation, too, marks only the copy in the default calendar.
    expect((await t.graph(`/users/${MEGAN}/events/${meeting.id}`, app, { method: 'DELETE' })).status).toBe(204);
    expect(
      (await stored(LEE, 'default'))
        .filter((e) => e.iCalUId === meeting.iCalUId)
        .map((e) => [e.id, e.isCancelled, e.subject]),
    ).toEqual([[inDefault[0].id, true, 'Canceled: Roadmap (room change)']]);
    expect(
      (await stored(LEE, crmId))
        .filter((e) => e.iCalUId === meeting.iCalUId)
        .map((e) => [e.id, e.isCancelled, e.changeKey]),
    ).toEqual([[moved.id, false, moved.changeKey]]);
  });

  it('moves the organizer’s own event and a series whole, keeping transactionId and extended properties; refuses occurrences and unknown calendars', async () => {
    const prop = 'String {66f5a359-4659-4830-9070-00040ec6ac6e} Name CrmId';
    const own = (
      await t.graph(`/users/${LEE}/calendars/${crmId}/events`, app, {
        body: {
          subject: 'Own',
          transactionId: 'tx-own',
          singleValueExtendedProperties: [{ id: prop, value: 'crm-1' }],
          start: { dateTime: '2026-06-12T09:00:00', timeZone: 'UTC' },
          end: { dateTime: '2026-06-12T10:00:00', timeZone: 'UTC' },
        },
      })
    ).json;
    const moved = await move(LEE, own.id, 'default');
    expect(moved.json).toMatchObject({
      calendarId: defaultId,
      iCalUId: own.iCalUId,
      transactionId: 'tx-own',
      isOrganizer: true,
      singleValueExtendedProperties: [{ id: prop, value: 'crm-1' }],
    });
    // The transactionId travels with the item: a retried create returns the moved item, not a second one.
    const retried = await t.graph(`/users/${LEE}/calendars/${crmId}/events`, app, {
      body: {
        subject: 'Own',
        transactionId: 'tx-own',
        start: { dateTime: '2026-06-12T09:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-06-12T10:00:00', timeZone: 'UTC' },
      },
    });
    expect(retried.json.id).toBe(moved.json.id);

    const series = (
      await t.graph(`/users/${LEE}/calendars/${defaultId}/events`, app, {
        body: {
          subject: 'Daily',
          start: { dateTime: '2026-06-15T08:00:00', timeZone: 'UTC' },
          end: { dateTime: '2026-06-15T08:15:00', timeZone: 'UTC' },
          recurrence: {
            pattern: { type: 'daily', interval: 1 },
            range: { type: 'numbered', startDate: '2026-06-15', numberOfOccurrences: 3 },
          },
        },
      })
    ).json;
    const instances = (await t.graph(`/users/${LEE}/events/${series.id}/instances?${window}`, app)).json.value;
    const occurrence = await move(LEE, instances[1].id, crmId);
    expect(occurrence.status).toBe(400);
    expect((await move(LEE, series.id, 'AAMkADnotACalendar')).status).toBe(404);
    expect((await move(LEE, 'AAMkADnotAnEvent', crmId)).status).toBe(404);
    const movedSeries = await move(LEE, series.id, crmId);
    expect(movedSeries.json).toMatchObject({ type: 'seriesMaster', iCalUId: series.iCalUId, calendarId: crmId });
    const after = (await t.graph(`/users/${LEE}/events/${movedSeries.json.id}/instances?${window}`, app)).json.value;
    expect(after.map((o: { start: { dateTime: string } }) => o.start.dateTime)).toEqual(
      instances.map((o: { start: { dateTime: string } }) => o.start.dateTime),
    );
    expect((await t.graph(`/users/${LEE}/events/${instances[0].id}`, app)).status).toBe(404);

    // Moving into the calendar it is already in changes nothing.
    const same = await move(LEE, movedSeries.json.id, crmId);
    expect([same.json.id, same.json.changeKey]).toEqual([movedSeries.json.id, movedSeries.json.changeKey]);
  });

  it('offers "Move to" on the event page of the web view', async () => {
    const HREF = `/mail/${encodeURIComponent(LEE)}`;
    const created = (
      await t.graph(`/users/${LEE}/calendars/${defaultId}/events`, app, {
        body: {
          subject: 'Web move',
          start: { dateTime: '2026-06-20T09:00:00', timeZone: 'UTC' },
          end: { dateTime: '2026-06-20T10:00:00', timeZone: 'UTC' },
        },
      })
    ).json;
    const page = await t.request(`${HREF}/calendar/events/${encodeURIComponent(created.id)}`);
    expect(page.text).toContain('<label for="move-to">Move to</label>');
    expect(page.text).toContain(`<option value="${crmId}">Zoho CRM</option>`);
    expect(page.text).not.toContain(`<option value="${defaultId}">`);
    const browser = t.browser();
    const posted = await browser.post(`${HREF}/calendar/events/${encodeURIComponent(created.id)}/move`, {
      tz: 'UTC',
      calendar: crmId,
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toContain(`calendar=${encodeURIComponent(crmId)}`);
    const inCrm = (await stored(LEE, crmId)).find((e) => e.iCalUId === created.iCalUId);
    expect(inCrm).toMatchObject({ subject: 'Web move' });
    expect(inCrm.id).not.toBe(created.id);
    const movedPage = await t.request(`${HREF}/calendar/events/${encodeURIComponent(inCrm.id)}`);
    expect(movedPage.text).toContain(`<option value="${defaultId}">Calendar (default)</option>`);
    const unknown = await browser.post(`${HREF}/calendar/events/${encodeURIComponent(inCrm.id)}/move`, {
      tz: 'UTC',
      calendar: 'nope',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('role="alert"');
  });
});
