import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../seed/seedTenants.js';
import {
  grantAdminConsent,
  startTestTenant,
  TEST_CLIENT_ID,
  TEST_SECRET,
  type TestTenant,
} from '../test/testTenant.js';

let t: TestTenant;
let app: string;
const ALEX = 'alex.wilber@contoso.onmicrosoft.com';
const HREF = `/mail/${encodeURIComponent(ALEX)}`;
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
});
afterAll(async () => t.close());

const local = (link: string) => link.replace(`${t.url}/v1.0`, '');

describe('Calendar tab of the web view', () => {
  it('creates, edits and deletes like a Graph write (changeKey, delta)', async () => {
    const mailbox = await t.request(HREF);
    expect(mailbox.text).toContain(`href="${HREF}/calendar">Calendar</a>`);
    const page = await t.request(`${HREF}/calendar?tz=Europe%2FBerlin`);
    expect(page.status).toBe(200);
    for (const label of ['New event', '>Subject<', '>Start<', '>End<', 'All day', '>Location<', '>Save<'])
      expect(page.text).toContain(label);
    expect(page.text).toContain('<label for="subject">Subject</label><input id="subject"');

    const calendarId = (await t.graph(`/users/${ALEX}/calendar`, app)).json.id;
    const window = 'startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-12-31T00:00:00Z';
    const initial = await t.graph(`/users/${ALEX}/calendarView/delta?${window}`, app);
    const deltaLink = local(initial.json['@odata.deltaLink']);

    const browser = t.browser();
    const created = await browser.post(`${HREF}/calendar/events`, {
      tz: 'Europe/Berlin',
      calendar: calendarId,
      subject: 'Customer visit',
      start: '2026-04-02T14:00',
      end: '2026-04-02T15:30',
      location: 'Hamburg',
      attendees: '',
    });
    expect(created.status).toBe(303);
    const list = await t.graph(`/users/${ALEX}/events`, app);
    const event = list.json.value.find((e: { subject: string }) => e.subject === 'Customer visit');
    expect(event).toMatchObject({
      start: { dateTime: '2026-04-02T12:00:00.0000000' },
      originalStartTimeZone: 'Europe/Berlin',
      location: { displayName: 'Hamburg' },
    });
    const listed = await t.request(`${HREF}/calendar?tz=Europe%2FBerlin`);
    expect(listed.text).toContain('2026-04-02 14:00 – 2026-04-02 15:30');

    const firstRound = await t.graph(deltaLink, app);
    expect(firstRound.json.value.map((e: { subject: string }) => e.subject)).toEqual(['Customer visit']);
    const nextLink = local(firstRound.json['@odata.deltaLink']);

    const editPage = await t.request(`${HREF}/calendar/events/${encodeURIComponent(event.id)}?tz=Europe%2FBerlin`);
    expect(editPage.text).toContain('value="2026-04-02T14:00"');
    expect(editPage.text).toContain('>Delete<');
    const edited = await browser.post(`${HREF}/calendar/events/${encodeURIComponent(event.id)}`, {
      tz: 'Europe/Berlin',
      subject: 'Customer visit',
      start: '2026-04-03',
      end: '2026-04-03',
      allDay: 'on',
      location: 'Hamburg',
      attendees: '',
    });
    expect(edited.status).toBe(303);
    const after = await t.graph(`/users/${ALEX}/events/${event.id}`, app);
    expect(after.json).toMatchObject({
      isAllDay: true,
      start: { dateTime: '2026-04-03T00:00:00.0000000' },
      end: { dateTime: '2026-04-04T00:00:00.0000000' },
    });
    expect(after.json.changeKey).not.toBe(event.changeKey);
    const secondRound = await t.graph(nextLink, app);
    expect(secondRound.json.value[0]).toMatchObject({ id: event.id, isAllDay: true });

    const invalid = await browser.post(`${HREF}/calendar/events`, {
      tz: 'UTC',
      calendar: calendarId,
      subject: 'Bad',
      start: '2026-04-02T15:00',
      end: '2026-04-02T14:00',
      location: '',
      attendees: '',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('role="alert"');

    expect(
      (await browser.post(`${HREF}/calendar/events/${encodeURIComponent(event.id)}/delete`, { tz: 'UTC' })).status,
    ).toBe(303);
    expect((await t.graph(`/users/${ALEX}/events/${event.id}`, app)).status).toBe(404);
    const third = await t.graph(local(secondRound.json['@odata.deltaLink']), app);
    expect(third.json.value).toEqual([
      { '@odata.type': '#microsoft.graph.event', id: event.id, '@removed': { reason: 'deleted' } },
    ]);
  });

  it('creates and deletes a calendar from the page', async () => {
    const browser = t.browser();
    expect((await browser.post(`${HREF}/calendars`, { name: 'Projects' })).status).toBe(303);
    const calendars = (await t.request(`/_devtenant/api/mailboxes/${ALEX}/calendars`)).json.value;
    const projects = calendars.find((c: { name: string }) => c.name === 'Projects');
    expect(projects).toBeDefined();
    const page = await t.request(`${HREF}/calendar?calendar=${encodeURIComponent(projects.id)}`);
    expect(page.text).toContain('aria-label="Delete calendar Projects"');
    expect((await browser.post(`${HREF}/calendars/${encodeURIComponent(projects.id)}/delete`, {})).status).toBe(303);
    expect((await t.graph(`/users/${ALEX}/calendars/${projects.id}`, app)).status).toBe(404);
  });
});
