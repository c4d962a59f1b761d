import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
const NESTOR = 'nestor.wilke@contoso.onmicrosoft.com';
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
beforeEach(() => {
  t.tenant.knobs.resetFaults();
  t.tenant.knobs.update({ latencyMs: 0 });
});

const createItem = (id: string, subject: string) => ({
  id,
  method: 'POST',
  url: `/users/${NESTOR}/events`,
  headers: { 'Content-Type': 'application/json' },
  body: {
    subject,
    start: { dateTime: '2026-06-01T09:00:00', timeZone: 'UTC' },
    end: { dateTime: '2026-06-01T10:00:00', timeZone: 'UTC' },
  },
});

describe('$batch', () => {
  it('runs 20 requests and counts each against the mailbox; 21 is a 400', async () => {
    await t.request('/_devtenant/api/request-counts/reset', { method: 'POST' });
    const requests = Array.from({ length: 20 }, (_, i) => createItem(String(i + 1), `Batch ${i + 1}`));
    const r = await t.graph('/$batch', app, { body: { requests } });
    expect(r.status).toBe(200);
    expect(r.json.responses).toHaveLength(20);
    expect(r.json.responses.every((x: { status: number }) => x.status === 201)).toBe(true);
    const one = r.json.responses.find((x: { id: string }) => x.id === '7');
    expect(one.body.subject).toBe('Batch 7');
    expect(one.headers['Content-Type']).toContain('application/json');
    const counts = (await t.request('/_devtenant/api/request-counts')).json;
    expect(counts.mailboxes[NESTOR]).toMatchObject({ POST: 20, total: 20 });
    expect(counts.batchRequests).toBe(1);

    const tooMany = await t.graph('/$batch', app, { body: { requests: [...requests, createItem('21', 'x')] } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.code).toBe('BadRequest');
    const dup = await t.graph('/$batch', app, { body: { requests: [createItem('a', 'x'), createItem('A', 'y')] } });
    expect(dup.status).toBe(400);
    const noHeaders = await t.graph('/$batch', app, {
      body: { requests: [{ id: '1', method: 'POST', url: `/users/${NESTOR}/events`, body: {} }] },
    });
    expect(noHeaders.status).toBe(400);
  });

  it('gives an inner 429 its own Retry-After and answers dependents of a failed request with 424', async () => {
    t.tenant.knobs.injectFault({ status: 429, retryAfterSeconds: 3, times: 1, pathContains: '/events', method: 'GET' });
    const r = await t.graph('/$batch', app, {
      body: {
        requests: [
          { id: '1', method: 'GET', url: `/users/${NESTOR}/events?$top=1` },
          { id: '2', method: 'GET', url: `/users/${NESTOR}/calendars` },
        ],
      },
    });
    expect(r.status).toBe(200);
    const throttled = r.json.responses.find((x: { id: string }) => x.id === '1');
    expect(throttled.status).toBe(429);
    expect(throttled.headers['Retry-After']).toBe('3');
    expect(throttled.body.error.code).toBe('TooManyRequests');
    expect(r.json.responses.find((x: { id: string }) => x.id === '2').status).toBe(200);

    const chain = await t.graph('/$batch', app, {
      body: {
        requests: [
          { id: '1', method: 'GET', url: `/users/${NESTOR}/events/does-not-exist` },
          { id: '2', dependsOn: ['1'], method: 'DELETE', url: `/users/${NESTOR}/events/does-not-exist` },
          { ...createItem('3', 'After'), dependsOn: ['2'] },
        ],
      },
    });
    const statuses = Object.fromEntries(
      chain.json.responses.map((x: { id: string; status: number }) => [x.id, x.status]),
    );
    expect(statuses).toEqual({ 1: 404, 2: 424, 3: 424 });

    const ok = await t.graph('/$batch', app, {
      body: {
        requests: [
          createItem('1', 'First'),
          { id: '2', dependsOn: ['1'], method: 'GET', url: `/users/${NESTOR}/calendar` },
        ],
      },
    });
    expect(ok.json.responses.map((x: { status: number }) => x.status)).toEqual([201, 200]);
  });

  it('keeps per-mailbox concurrency for inner requests (Graph forwards 4 at a time) and 429s a fifth concurrent caller', async () => {
    t.tenant.knobs.update({ latencyMs: 150 });
    const requests = Array.from({ length: 8 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: `/users/${NESTOR}/calendar`,
    }));
    const [batch, outside] = await Promise.all([
      t.graph('/$batch', app, { body: { requests } }),
      new Promise((res) => setTimeout(res, 60)).then(() => t.graph(`/users/${NESTOR}/calendar`, app)),
    ]);
    expect(batch.json.responses.every((x: { status: number }) => x.status === 200)).toBe(true);
    expect(outside.status).toBe(429);
    expect(outside.headers.get('retry-after')).toBeTruthy();
  });
});
