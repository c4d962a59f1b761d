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
const LEE = 'lee.gu@contoso.onmicrosoft.com';
let calendarId: string;
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
  calendarId = (await t.graph(`/users/${LEE}/calendars`, app, { body: { name: 'CRM sync' } })).json.id;
});
afterAll(async () => t.close());

const base = () => `/users/${LEE}/calendars/${calendarId}`;
const at = (day: string, hour = 9) => ({
  start: { dateTime: `${day}T${String(hour).padStart(2, '0')}:00:00`, timeZone: 'UTC' },
  end: { dateTime: `${day}T${String(hour + 1).padStart(2, '0')}:00:00`, timeZone: 'UTC' },
});
const create = async (subject: string, day: string, extra: Record<string, unknown> = {}) =>
  (await t.graph(`${base()}/events`, app, { body: { subject, ...at(day), ...extra } })).json;
const local = (link: string) => link.replace(`${t.url}/v1.0`, '');

/** Follows nextLinks to the deltaLink; returns every item and the pages seen. */
async function round(first: string, headers: Record<string, string> = {}) {
  const items: any[] = [];
  const pages: any[] = [];
  let next: string | undefined = first;
  while (next) {
    const r = await t.graph(next, app, { headers });
    expect(r.status).toBe(200);
    pages.push(r);
    items.push(...r.json.value);
    next = r.json['@odata.nextLink'] ? local(r.json['@odata.nextLink']) : undefined;
    if (!next) return { items, pages, deltaLink: local(r.json['@odata.deltaLink']) };
  }
  throw new Error('unreachable');
}

describe('calendarView/delta for one calendar', () => {
  it('pages the initial round, then returns changes, removals and out-of-window @removed; old or expired tokens are 410', async () => {
    const a = await create('A', '2026-02-02');
    const b = await create('B', '2026-02-03');
    const c = await create('C', '2026-02-04');
    await create('Outside', '2027-06-01');
    const series = await create('Daily', '2026-02-10', {
      recurrence: {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'numbered', startDate: '2026-02-10', numberOfOccurrences: 3 },
      },
    });

    const window = 'startDateTime=2026-02-01T00:00:00Z&endDateTime=2026-03-01T00:00:00Z';
    const initial = await round(`${base()}/calendarView/delta?${window}`, { prefer: 'odata.maxpagesize=2' });
    expect(initial.pages[0].headers.get('preference-applied')).toContain('odata.track-changes');
    expect(initial.pages.length).toBe(4);
    expect(initial.pages[0].json['@odata.nextLink']).toMatch(/\/calendarView\/delta\?\$skiptoken=/);
    expect(initial.pages[0].json['@odata.context']).toContain('$metadata#Collection(event)');
    expect(initial.deltaLink).toMatch(new RegExp(`/users/${LEE}/calendars/.+/calendarView/delta\\?\\$deltatoken=`));
    // Occurrences come bare (id, type, seriesMasterId, start, end), as Graph's do; their master carries the rest.
    expect(initial.items.map((i) => i.subject)).toEqual(['A', 'B', 'C', 'Daily', undefined, undefined, undefined]);
    expect(Object.keys(initial.items.find((i) => i.type === 'occurrence')).sort()).toEqual([
      '@odata.etag',
      '@odata.type',
      'end',
      'id',
      'seriesMasterId',
      'start',
      'type',
    ]);
    expect(initial.items.map((i) => i.type).sort()).toEqual([
      'occurrence',
      'occurrence',
      'occurrence',
      'seriesMaster',
      'singleInstance',
      'singleInstance',
      'singleInstance',
    ]);
    expect(initial.items[0]['@odata.type']).toBe('#microsoft.graph.event');
    expect(initial.items.every((i) => i['@odata.etag'])).toBe(true);

    // Nothing changed: an empty final page.
    const quiet = await round(initial.deltaLink);
    expect(quiet.items).toEqual([]);

    await t.graph(`/users/${LEE}/events/${a.id}`, app, { method: 'PATCH', body: { subject: 'A2' } });
    await t.graph(`/users/${LEE}/events/${b.id}`, app, { method: 'DELETE' });
    await t.graph(`/users/${LEE}/events/${c.id}`, app, { method: 'PATCH', body: at('2028-05-01') });
    const d = await create('D', '2026-02-20');
    const later = await create('Later', '2026-09-09');
    const changes = await round(quiet.deltaLink);
    const byId = new Map(changes.items.map((i) => [i.id, i]));
    expect(byId.get(a.id)).toMatchObject({ subject: 'A2' });
    expect(byId.get(d.id)).toMatchObject({ subject: 'D' });
    expect(byId.get(b.id)).toEqual({
      '@odata.type': '#microsoft.graph.event',
      id: b.id,
      '@removed': { reason: 'deleted' },
    });
    expect(byId.get(c.id)['@removed']).toEqual({ reason: 'deleted' });
    // Documented quirk: a new event outside the window also comes as @removed.
    expect(byId.get(later.id)['@removed']).toEqual({ reason: 'deleted' });
    expect(changes.items).toHaveLength(5);

    // An edited occurrence comes back as an exception (with its series, whose change key moved).
    const instances = (await t.graph(`/users/${LEE}/events/${series.id}/instances?${window}`, app)).json.value;
    await t.graph(`/users/${LEE}/events/${instances[1].id}`, app, {
      method: 'PATCH',
      body: { subject: 'Daily (special)' },
    });
    await t.graph(`/users/${LEE}/events/${instances[2].id}`, app, { method: 'DELETE' });
    const seriesChanges = await round(changes.deltaLink);
    expect(seriesChanges.items.find((i) => i.id === instances[1].id)).toMatchObject({
      type: 'exception',
      subject: 'Daily (special)',
    });
    expect(seriesChanges.items.find((i) => i.id === instances[2].id)).toMatchObject({
      '@removed': { reason: 'deleted' },
    });

    // Replaying the latest link works; links three generations old are gone.
    expect((await t.graph(seriesChanges.deltaLink, app)).status).toBe(200);
    const stale = await t.graph(initial.deltaLink, app);
    expect(stale.status).toBe(410);
    expect(stale.json.error.code).toBe('SyncStateNotFound');
    expect(stale.json.error.message).toMatch(/^The sync state generation is not found; generation=\d+;\[highest=\d+\]/);

    // The knob expires every token of the mailbox.
    const fresh = await round(`${base()}/calendarView/delta?${window}`);
    const expire = await t.request('/_devtenant/api/knobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ expireDeltaTokens: LEE }),
    });
    expect(expire.status).toBe(200);
    const gone = await t.graph(fresh.deltaLink, app);
    expect(gone.status).toBe(410);
    expect(gone.json.error.code).toBe('SyncStateNotFound');
    expect(t.tenant.expireDeltaTokens()).toBe(0);
  });

  it('serves the default calendar at /calendarView/delta, can start with an empty page, and rejects windows over 5 years', async () => {
    await t.graph(`/users/${LEE}/events`, app, { body: { subject: 'Default one', ...at('2026-02-05') } });
    t.tenant.knobs.update({ deltaEmptyFirstPage: true });
    try {
      const first = await t.graph(
        `/users/${LEE}/calendarView/delta?startDateTime=2026-02-01T00:00:00Z&endDateTime=2026-03-01T00:00:00Z`,
        app,
      );
      expect(first.json.value).toEqual([]);
      expect(first.json['@odata.nextLink']).toBeDefined();
      const all = await round(local(first.json['@odata.nextLink']));
      expect(all.items.map((i) => i.subject)).toEqual(['Default one']);
    } finally {
      t.tenant.knobs.update({ deltaEmptyFirstPage: false });
    }
    const tooLong = await t.graph(
      `${base()}/calendarView/delta?startDateTime=2020-01-01T00:00:00Z&endDateTime=2026-01-01T00:00:00Z`,
      app,
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error).toMatchObject({
      code: 'ErrorInvalidRequest',
      message: expect.stringContaining('Maximum number of years: 5'),
    });
    const noWindow = await t.graph(`${base()}/calendarView/delta`, app);
    expect(noWindow.status).toBe(400);
    const zoned = await t.graph(
      `/users/${LEE}/calendarView/delta?startDateTime=2026-02-05T10:30:00%2B01:00&endDateTime=2026-02-06T00:00:00%2B01:00`,
      app,
      { headers: { prefer: 'outlook.timezone="Tokyo Standard Time"' } },
    );
    expect(zoned.json.value[0].start).toEqual({
      dateTime: '2026-02-05T18:00:00.0000000',
      timeZone: 'Tokyo Standard Time',
    });
  });

  it('takes the function form delta() and query parameter names in any case, as Graph does', async () => {
    await create('Function form', '2028-08-02');
    const lower = 'startdatetime=2028-08-01T00:00:00Z&enddatetime=2028-08-30T00:00:00Z';
    const canonical = await round(
      `${base()}/calendarView/delta?startDateTime=2028-08-01T00:00:00Z&endDateTime=2028-08-30T00:00:00Z`,
    );
    const asFunction = await round(`${base()}/calendarView/delta()?${lower}`);
    expect(asFunction.items.map((i) => i.subject)).toEqual(['Function form']);
    expect(asFunction.items).toHaveLength(canonical.items.length);
    const later = await create('After the round', '2028-08-03');
    const changes = await round(asFunction.deltaLink.replace('$deltatoken', '$DeltaToken'));
    expect(changes.items.map((i) => i.id)).toEqual([later.id]);
    const view = await t.graph(
      `${base()}/calendarView?STARTDATETIME=2028-08-01T00:00:00Z&EndDateTime=2028-08-30T00:00:00Z`,
      app,
    );
    expect(view.status).toBe(200);
    expect(view.json.value.map((i: { subject: string }) => i.subject)).toEqual(['Function form', 'After the round']);
    const noWindow = await t.graph(`${base()}/calendarView/delta()?startdatetime=2028-08-01T00:00:00Z`, app);
    expect(noWindow.status).toBe(400);
    expect(noWindow.json.error.code).toBe('ErrorInvalidParameter');
  });

  it('with the knob, gives a series begun before the window as bare occurrences without its master', async () => {
    const weekly = {
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        range: { type: 'noEnd', startDate: '2028-09-04' },
      },
    };
    const before = await create('Begun before', '2028-09-04', weekly);
    const inside = await create('Begun inside', '2028-10-02', weekly);
    const window = 'startDateTime=2028-10-01T00:00:00Z&endDateTime=2028-10-31T00:00:00Z';
    const masters = (items: any[]) => items.filter((i) => i.type === 'seriesMaster').map((i) => i.subject);
    const occurrencesOf = (items: any[], master: string) =>
      items.filter((i) => i.type === 'occurrence' && i.seriesMasterId === master).length;

    expect(masters((await round(`${base()}/calendarView/delta?${window}`)).items).sort()).toEqual([
      'Begun before',
      'Begun inside',
    ]);
    t.tenant.knobs.update({ seriesBeforeWindowWithoutMaster: true });
    try {
      const initial = await round(`${base()}/calendarView/delta?${window}`);
      expect(masters(initial.items)).toEqual(['Begun inside']);
      expect(occurrencesOf(initial.items, before.id)).toBe(5);
      // A change of that series shows as changed occurrences only.
      await t.graph(`/users/${LEE}/events/${before.id}`, app, { method: 'PATCH', body: { subject: 'Renamed' } });
      const changes = await round(initial.deltaLink);
      expect(masters(changes.items)).toEqual([]);
      expect(occurrencesOf(changes.items, before.id)).toBe(5);
      expect(occurrencesOf(changes.items, inside.id)).toBe(0);
    } finally {
      t.tenant.knobs.update({ seriesBeforeWindowWithoutMaster: false });
    }
  });
});
