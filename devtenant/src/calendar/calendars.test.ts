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
let megan: string;
const MEGAN = 'megan.bowen@contoso.onmicrosoft.com';
const LEE = 'lee.gu@contoso.onmicrosoft.com';
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
  megan = await t.ropc(MEGAN, 'https://graph.microsoft.com/Calendars.ReadWrite');
});
afterAll(async () => t.close());

const u = (upn: string) => `/users/${upn}`;
const event = (over: Record<string, unknown> = {}) => ({
  subject: 'Quarterly review',
  body: { contentType: 'HTML', content: '<p>Numbers</p>' },
  start: { dateTime: '2026-03-10T09:00:00', timeZone: 'W. Europe Standard Time' },
  end: { dateTime: '2026-03-10T10:00:00', timeZone: 'W. Europe Standard Time' },
  ...over,
});

describe('calendars', () => {
  it('has a default calendar, creates, lists, renames, refuses duplicates (409) and deletes with events (404 after)', async () => {
    const def = await t.graph(`${u(MEGAN)}/calendar`, app);
    expect(def.status).toBe(200);
    expect(def.json).toMatchObject({
      name: 'Calendar',
      isDefaultCalendar: true,
      canEdit: true,
      owner: { address: MEGAN },
    });

    const created = await t.graph(`${u(MEGAN)}/calendars`, app, { body: { name: 'Zoho CRM' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Zoho CRM',
      color: 'auto',
      hexColor: '',
      isDefaultCalendar: false,
      changeKey: expect.any(String),
    });
    const id = created.json.id as string;
    expect(created.json['@odata.context']).toContain('/calendars/$entity');

    const dup = await t.graph('/me/calendars', megan, { body: { name: 'zoho crm' } });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe('ErrorFolderExists');

    const list = await t.graph('/me/calendars?$select=id,name', megan);
    expect(list.json.value.map((c: { name: string }) => c.name)).toEqual(['Calendar', 'Zoho CRM']);
    expect(Object.keys(list.json.value[0]).sort()).toEqual(['id', 'name']);

    const renamed = await t.graph(`${u(MEGAN)}/calendars/${id}`, app, { method: 'PATCH', body: { name: 'CRM' } });
    expect(renamed.status).toBe(200);
    expect(renamed.json.changeKey).not.toBe(created.json.changeKey);

    const ev = await t.graph(`${u(MEGAN)}/calendars/${id}/events`, app, { body: event() });
    expect(ev.status).toBe(201);
    expect((await t.graph(`${u(MEGAN)}/calendars/${id}`, app, { method: 'DELETE' })).status).toBe(204);
    const gone = await t.graph(`${u(MEGAN)}/calendars/${id}`, app);
    expect(gone.status).toBe(404);
    expect(gone.json.error).toMatchObject({
      code: 'ErrorItemNotFound',
      message: 'The specified object was not found in the store.',
    });
    expect((await t.graph(`${u(MEGAN)}/calendars/${id}/events`, app, { body: event() })).status).toBe(404);
    expect((await t.graph(`${u(MEGAN)}/events/${ev.json.id}`, app)).status).toBe(404);
    expect((await t.graph(`${u(MEGAN)}/calendars/${def.json.id}`, app, { method: 'DELETE' })).status).toBe(400);
  });

  it('reaches only the own mailbox with delegated tokens', async () => {
    // Admin consent covers Calendars.ReadWrite, so every token of this app carries it; another mailbox stays closed.
    expect((await t.graph(`${u(LEE)}/calendars`, megan)).status).toBe(403);
    expect((await t.graph('/me/calendars', app)).status).toBe(400);
  });
});

describe('events', () => {
  it("creates with Graph's shape, bumps changeKey/etag on every write, answers 412 to a stale If-Match", async () => {
    const r = await t.graph('/me/calendar/events', megan, {
      body: event({ location: { displayName: 'Room 1' }, categories: ['CRM'] }),
    });
    expect(r.status).toBe(201);
    const e = r.json;
    expect(e).toMatchObject({
      subject: 'Quarterly review',
      type: 'singleInstance',
      isOrganizer: true,
      isAllDay: false,
      showAs: 'busy',
      sensitivity: 'normal',
      reminderMinutesBeforeStart: 15,
      isReminderOn: true,
      seriesMasterId: null,
      recurrence: null,
      originalStartTimeZone: 'W. Europe Standard Time',
      start: { dateTime: '2026-03-10T08:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' },
      location: { displayName: 'Room 1', locationType: 'default', uniqueIdType: 'private' },
      categories: ['CRM'],
      organizer: { emailAddress: { address: MEGAN } },
      responseStatus: { response: 'organizer' },
      bodyPreview: 'Numbers',
    });
    expect(e.locations).toHaveLength(1);
    expect(e.body.contentType).toBe('html');
    expect(e.body.content).toMatch(/^<html>\r\n<head>/);
    expect(e['@odata.etag']).toBe(`W/"${e.changeKey}"`);
    expect(e.createdDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
    expect(e.iCalUId).toMatch(/^040000008200E00074C5B7101A82E008/);

    const patched = await t.graph(`/me/events/${e.id}`, megan, {
      method: 'PATCH',
      headers: { 'if-match': e['@odata.etag'] },
      body: { subject: 'Review (moved)' },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.changeKey).not.toBe(e.changeKey);
    expect(patched.json.lastModifiedDateTime >= e.lastModifiedDateTime).toBe(true);
    const stale = await t.graph(`/users/${MEGAN}/calendar/events/${e.id}`, app, {
      method: 'PATCH',
      headers: { 'if-match': e['@odata.etag'] },
      body: { subject: 'lost update' },
    });
    expect(stale.status).toBe(412);
    expect(stale.json.error.code).toBe('ErrorIrresolvableConflict');

    const cal = (await t.graph('/me/calendar', megan)).json.id;
    const viaCalendar = await t.graph(`/me/calendars/${cal}/events/${e.id}?$select=subject,start`, megan);
    expect(
      Object.keys(viaCalendar.json)
        .filter((k) => !k.startsWith('@odata.context'))
        .sort(),
    ).toEqual(['@odata.etag', 'id', 'start', 'subject']);
    expect(viaCalendar.json.subject).toBe('Review (moved)');
    const staleDelete = await t.graph(`/me/events/${e.id}`, megan, {
      method: 'DELETE',
      headers: { 'if-match': e['@odata.etag'] },
    });
    expect(staleDelete.status).toBe(412);
    expect((await t.graph(`/me/calendars/${cal}/events/${e.id}`, megan, { method: 'DELETE' })).status).toBe(204);
    expect((await t.graph(`/me/events/${e.id}`, megan)).status).toBe(404);
  });

  it('takes Windows and IANA zones, answers in UTC or the Prefer zone, and validates all-day boundaries', async () => {
    const iana = await t.graph('/me/events', megan, {
      body: event({
        start: { dateTime: '2026-07-01T15:30:00', timeZone: 'America/Los_Angeles' },
        end: { dateTime: '2026-07-01T16:00:00', timeZone: 'America/Los_Angeles' },
      }),
    });
    expect(iana.json.start).toEqual({ dateTime: '2026-07-01T22:30:00.0000000', timeZone: 'UTC' });
    expect(iana.json.originalStartTimeZone).toBe('America/Los_Angeles');
    const pst = await t.graph(`/me/events/${iana.json.id}`, megan, {
      headers: { prefer: 'outlook.timezone="Pacific Standard Time"' },
    });
    expect(pst.json.start).toEqual({ dateTime: '2026-07-01T15:30:00.0000000', timeZone: 'Pacific Standard Time' });
    expect(pst.headers.get('preference-applied')).toContain('outlook.timezone');
    const berlin = await t.graph(`/me/events/${iana.json.id}`, megan, {
      headers: { prefer: 'outlook.timezone="Europe/Berlin", outlook.body-content-type="text"' },
    });
    expect(berlin.json.start.dateTime).toBe('2026-07-02T00:30:00.0000000');
    expect(berlin.json.body.contentType).toBe('text');
    const badZone = await t.graph('/me/events', megan, {
      body: event({ start: { dateTime: '2026-07-01T15:30:00', timeZone: 'Mars/Olympus' } }),
    });
    expect(badZone.status).toBe(400);

    const allDay = await t.graph('/me/events', megan, {
      body: event({
        isAllDay: true,
        start: { dateTime: '2026-05-04T00:00:00', timeZone: 'W. Europe Standard Time' },
        end: { dateTime: '2026-05-05T00:00:00', timeZone: 'W. Europe Standard Time' },
      }),
    });
    expect(allDay.status).toBe(201);
    expect(allDay.json.start.dateTime).toBe('2026-05-04T00:00:00.0000000');
    const notMidnight = await t.graph('/me/events', megan, { body: event({ isAllDay: true }) });
    expect(notMidnight.status).toBe(400);
    expect(notMidnight.json.error.message).toContain('midnight');
    const tooShort = await t.graph('/me/events', megan, {
      body: event({
        isAllDay: true,
        start: { dateTime: '2026-05-04T00:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-05-04T00:00:00', timeZone: 'UTC' },
      }),
    });
    expect(tooShort.status).toBe(400);
    const unknownProp = await t.graph('/me/events', megan, { body: event({ colour: 'red' }) });
    expect(unknownProp.status).toBe(400);
  });

  it('expands a weekly series across DST, with an exception and a cancelled occurrence, window-bounded', async () => {
    const series = await t.graph('/me/events', megan, {
      body: event({
        subject: 'Weekly sync',
        start: { dateTime: '2026-03-16T09:00:00', timeZone: 'W. Europe Standard Time' },
        end: { dateTime: '2026-03-16T09:30:00', timeZone: 'W. Europe Standard Time' },
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
          range: { type: 'numbered', startDate: '2026-03-16', numberOfOccurrences: 6 },
        },
      }),
    });
    expect(series.status).toBe(201);
    expect(series.json.type).toBe('seriesMaster');
    const master = series.json.id as string;
    const window = '?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-05-01T00:00:00Z';
    const all = await t.graph(`/me/events/${master}/instances${window}&$top=50`, megan);
    expect(all.status).toBe(200);
    const starts = all.json.value.map((o: { start: { dateTime: string } }) => o.start.dateTime);
    // 09:00 Berlin is 08:00Z before the DST switch (29 March) and 07:00Z after it.
    expect(starts).toEqual([
      '2026-03-16T08:00:00.0000000',
      '2026-03-23T08:00:00.0000000',
      '2026-03-30T07:00:00.0000000',
      '2026-04-06T07:00:00.0000000',
      '2026-04-13T07:00:00.0000000',
      '2026-04-20T07:00:00.0000000',
    ]);
    expect(all.json.value[0]).toMatchObject({
      type: 'occurrence',
      seriesMasterId: master,
      originalStart: '2026-03-16T08:00:00Z',
    });
    expect(all.json.value[0].iCalUId).not.toBe(series.json.iCalUId);

    const bounded = await t.graph(
      `/me/events/${master}/instances?startDateTime=2026-03-29T00:00:00Z&endDateTime=2026-04-07T00:00:00Z`,
      megan,
    );
    expect(bounded.json.value).toHaveLength(2);

    const second = all.json.value[1];
    const moved = await t.graph(`/me/events/${second.id}`, megan, {
      method: 'PATCH',
      body: {
        subject: 'Weekly sync (moved)',
        start: { dateTime: '2026-03-24T10:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-03-24T10:30:00', timeZone: 'UTC' },
      },
    });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({
      type: 'exception',
      id: second.id,
      subject: 'Weekly sync (moved)',
      seriesMasterId: master,
    });
    const crossing = await t.graph(`/me/events/${all.json.value[3].id}`, megan, {
      method: 'PATCH',
      body: {
        start: { dateTime: '2026-04-13T10:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-04-13T10:30:00', timeZone: 'UTC' },
      },
    });
    expect(crossing.status).toBe(400);
    expect(crossing.json.error.code).toBe('ErrorOccurrenceCrossingBoundary');
    expect((await t.graph(`/me/events/${all.json.value[2].id}`, megan, { method: 'DELETE' })).status).toBe(204);
    expect((await t.graph(`/me/events/${all.json.value[2].id}`, megan)).status).toBe(404);

    const after = await t.graph(`/me/events/${master}/instances${window}`, megan);
    expect(after.json.value.map((o: { type: string }) => o.type)).toEqual([
      'occurrence',
      'exception',
      'occurrence',
      'occurrence',
      'occurrence',
    ]);
    const view = await t.graph(
      '/me/calendarView?startDateTime=2026-03-20T00:00:00Z&endDateTime=2026-04-01T00:00:00Z',
      megan,
    );
    expect(view.json.value.map((o: { subject: string }) => o.subject)).toEqual(['Weekly sync (moved)']);

    const monthly = await t.graph('/me/events', megan, {
      body: event({
        subject: 'Board',
        start: { dateTime: '2026-01-27T14:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-01-27T15:00:00', timeZone: 'UTC' },
        recurrence: {
          pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['tuesday'], index: 'last' },
          range: { type: 'endDate', startDate: '2026-01-27', endDate: '2026-04-30' },
        },
      }),
    });
    const months = await t.graph(
      `/me/events/${monthly.json.id}/instances?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-12-31T00:00:00Z`,
      megan,
    );
    expect(months.json.value.map((o: { start: { dateTime: string } }) => o.start.dateTime.slice(0, 10))).toEqual([
      '2026-01-27',
      '2026-02-24',
      '2026-03-31',
      '2026-04-28',
    ]);
    const badPattern = await t.graph('/me/events', megan, {
      body: event({
        recurrence: { pattern: { type: 'weekly', interval: 1 }, range: { type: 'noEnd', startDate: '2026-01-01' } },
      }),
    });
    expect(badPattern.status).toBe(400);
  });

  it('dedupes creates by transactionId and filters by a single-value extended property', async () => {
    const prop = 'String {66f5a359-4659-4830-9070-00040ec6ac6e} Name CrmId';
    const body = event({
      subject: 'Deal 42',
      transactionId: 'tx-42',
      singleValueExtendedProperties: [{ id: prop, value: 'deal-42' }],
    });
    const first = await t.graph(`/users/${MEGAN}/events`, app, { body });
    const second = await t.graph(`/users/${MEGAN}/events`, app, { body });
    expect(first.status).toBe(201);
    expect(second.json.id).toBe(first.json.id);
    expect(first.json.transactionId).toBe('tx-42');
    expect(first.json.singleValueExtendedProperties).toBeUndefined();
    const found = await t.graph(
      `/users/${MEGAN}/events?$filter=${encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${prop}' and ep/value eq 'DEAL-42')`)}`,
      app,
    );
    expect(found.status).toBe(200);
    expect(found.json.value.map((e: { id: string }) => e.id)).toEqual([first.json.id]);
    const expanded = await t.graph(
      `/users/${MEGAN}/events/${first.json.id}?$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${prop}')`)}`,
      app,
    );
    expect(expanded.json.singleValueExtendedProperties).toEqual([{ id: prop, value: 'deal-42' }]);
    const none = await t.graph(
      `/users/${MEGAN}/events?$filter=${encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${prop}' and ep/value eq 'other')`)}`,
      app,
    );
    expect(none.json.value).toEqual([]);
    const paged = await t.graph(`/users/${MEGAN}/events?$top=2`, app);
    expect(paged.json.value).toHaveLength(2);
    expect(paged.json['@odata.nextLink']).toMatch(/\$skip=2/);
  });
});

describe('meeting mail', () => {
  const messages = async (upn: string, folder = 'inbox') =>
    (await t.request(`/_devtenant/api/mailboxes/${upn}/messages?folder=${folder}`)).json.value as any[];

  it('sends requests on create and time change, a cancellation on delete, and puts the meeting in the attendee calendar', async () => {
    const before = (await messages(LEE)).length;
    const created = await t.graph(`/users/${MEGAN}/events`, app, {
      body: event({
        subject: 'Kick-off',
        attendees: [
          { emailAddress: { address: LEE, name: 'Lee Gu' }, type: 'required' },
          { emailAddress: { address: 'client@example.org' }, type: 'optional' },
        ],
      }),
    });
    expect(created.status).toBe(201);
    const inbox = await messages(LEE);
    expect(inbox.length).toBe(before + 1);
    expect(inbox[0]).toMatchObject({
      subject: 'Kick-off',
      meetingMessageType: 'meetingRequest',
      meeting: { iCalUId: created.json.iCalUId },
    });
    const external = (await t.request('/_devtenant/api/external-mail')).json.value;
    expect(external[0]).toMatchObject({
      meetingMessageType: 'meetingRequest',
      externalRecipients: ['client@example.org'],
    });
    const graphMessage = await t.graph(`/users/${LEE}/messages/${inbox[0].id}`, app);
    expect(graphMessage.status).toBe(403);

    const leeCalendar = (await t.request(`/_devtenant/api/mailboxes/${LEE}/calendars/default/events`)).json.value;
    const copy = leeCalendar.find((e: { iCalUId: string }) => e.iCalUId === created.json.iCalUId);
    expect(copy).toMatchObject({
      isOrganizer: false,
      subject: 'Kick-off',
      responseStatus: { response: 'notResponded' },
    });
    const bySubject = async (subject: string) =>
      (
        await t.request(
          `/_devtenant/api/mailboxes/${LEE}/calendars/default/events?subject=${encodeURIComponent(subject)}`,
        )
      ).json.value as { id: string }[];
    expect((await bySubject('Kick-off')).map((e) => e.id)).toEqual([copy.id]);
    expect(await bySubject('Kick')).toEqual([]);

    await t.graph(`/users/${MEGAN}/events/${created.json.id}`, app, {
      method: 'PATCH',
      body: { subject: 'Kick-off!' },
    });
    expect((await messages(LEE)).length).toBe(before + 1);
    await t.graph(`/users/${MEGAN}/events/${created.json.id}`, app, {
      method: 'PATCH',
      body: { location: { displayName: 'Room 7' } },
    });
    expect((await messages(LEE)).length).toBe(before + 2);

    expect((await t.graph(`/users/${MEGAN}/events/${created.json.id}`, app, { method: 'DELETE' })).status).toBe(204);
    const last = (await messages(LEE))[0];
    expect(last).toMatchObject({ meetingMessageType: 'meetingCancelled', subject: 'Canceled: Kick-off!' });
    const copyAfter = (await t.request(`/_devtenant/api/mailboxes/${LEE}/calendars/default/events`)).json.value.find(
      (e: { iCalUId: string }) => e.iCalUId === created.json.iCalUId,
    );
    expect(copyAfter.isCancelled).toBe(true);
    expect((await messages(MEGAN, 'sentitems')).filter((m) => m.meetingMessageType).length).toBeGreaterThanOrEqual(3);
  });

  it('sends nothing for an event without attendees', async () => {
    const before = (await messages(LEE)).length + (await t.request('/_devtenant/api/external-mail')).json.value.length;
    await t.graph(`/users/${MEGAN}/events`, app, { body: event({ subject: 'Private' }) });
    const after = (await messages(LEE)).length + (await t.request('/_devtenant/api/external-mail')).json.value.length;
    expect(after).toBe(before);
  });
});
