import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../seed/seedTenants.js';
import {
  grantAdminConsent,
  startTestTenant,
  TEST_CLIENT_ID,
  TEST_SECRET,
  type TestTenant,
} from '../test/testTenant.js';
import { RequestBudget } from './middleware/requestBudget.js';

describe('the request budget of one app + mailbox (rolling window)', () => {
  const limits = { requests: 4, windowSeconds: 10 };
  const seconds = (s: number) => s * 1000;

  it('lets the budget through, then says to wait until the oldest request leaves the window', () => {
    const budget = new RequestBudget(() => limits);
    for (const at of [0, 1, 2, 3]) expect(budget.take('app|mailbox', seconds(at))).toEqual({ allowed: true });
    // The throttled request counts as well: the next fits once the requests at 0 s and 1 s have left.
    expect(budget.take('app|mailbox', seconds(4))).toEqual({ allowed: false, retryAfterMs: seconds(7) });
    expect(budget.take('app|other-mailbox', seconds(4))).toEqual({ allowed: true });
  });

  it('rolls: no 10 s anywhere holds more than the budget, unlike a fixed window at its boundary', () => {
    const budget = new RequestBudget(() => limits);
    for (const at of [8, 9]) expect(budget.take('k', seconds(at)).allowed).toBe(true);
    // A fixed window starting at 10 s would allow four more here; the rolling one still counts 8 s and 9 s.
    for (const at of [10, 11]) expect(budget.take('k', seconds(at)).allowed).toBe(true);
    expect(budget.take('k', seconds(12))).toEqual({ allowed: false, retryAfterMs: seconds(7) });
    expect(budget.take('k', seconds(19)).allowed).toBe(true);
  });

  it('counts throttled requests too, so retrying before Retry-After only makes the wait longer', () => {
    const budget = new RequestBudget(() => limits);
    for (const at of [0, 1, 2, 3]) budget.take('k', seconds(at));
    expect(budget.take('k', seconds(4))).toEqual({ allowed: false, retryAfterMs: seconds(7) });
    expect(budget.take('k', seconds(4.5))).toEqual({ allowed: false, retryAfterMs: seconds(7.5) });
    expect(budget.take('k', seconds(11.9)).allowed).toBe(false);
    // Waiting out the last Retry-After is enough.
    expect(budget.take('k', seconds(4.5 + 7.5 + 1)).allowed).toBe(true);
  });
});

describe('Graph answers 429 over the request budget', () => {
  let t: TestTenant;
  let app: string;
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

  it('has the real budget by default: 10,000 requests in 10 minutes', () => {
    expect(t.tenant.knobs.snapshot().requestBudget).toEqual({ requests: 10_000, windowSeconds: 600 });
  });

  it('as TooManyRequests with a Retry-After in seconds, per mailbox; directory reads do not count', async () => {
    const set = await t.request('/_devtenant/api/knobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requestBudget: { requests: 3, windowSeconds: 30 } }),
    });
    expect(set.json.requestBudget).toEqual({ requests: 3, windowSeconds: 30 });
    await t.request('/_devtenant/api/request-counts/reset', { method: 'POST' });
    const calendars = (upn: string) => t.graph(`/users/${upn}/calendars`, app);
    for (let i = 0; i < 3; i += 1) expect((await calendars('lee.gu@contoso.onmicrosoft.com')).status).toBe(200);
    const throttled = await calendars('lee.gu@contoso.onmicrosoft.com');
    expect(throttled.status).toBe(429);
    expect(throttled.json.error).toMatchObject({
      code: 'TooManyRequests',
      message: 'Please retry again later.',
      innerError: { code: '429', message: 'Please retry after', status: '429' },
    });
    const retryAfter = Number(throttled.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(25);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect((await calendars('adele.vance@contoso.onmicrosoft.com')).status).toBe(200);
    expect((await t.graph('/users/lee.gu@contoso.onmicrosoft.com', app)).status).toBe(200);
    expect((await t.request('/_devtenant/api/request-counts')).json.throttled).toBe(1);
    const invalid = await t.request('/_devtenant/api/knobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requestBudget: { requests: 0, windowSeconds: 30 } }),
    });
    expect(invalid.status).toBe(400);
  });

  it('counts each request inside $batch; the items over it get their own 429 with Retry-After', async () => {
    t.tenant.knobs.update({ requestBudget: { requests: 5, windowSeconds: 30 } });
    const requests = Array.from({ length: 8 }, (_, i) => ({
      id: String(i + 1),
      method: 'GET',
      url: '/users/nestor.wilke@contoso.onmicrosoft.com/calendars',
    }));
    const batch = await t.graph('/$batch', app, { body: { requests } });
    expect(batch.status).toBe(200);
    const responses = batch.json.responses as { status: number; headers: Record<string, string>; body: any }[];
    expect(responses.filter((r) => r.status === 200)).toHaveLength(5);
    const throttled = responses.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(3);
    for (const item of throttled) {
      expect(Number(item.headers['Retry-After'])).toBeGreaterThan(0);
      expect(item.body.error.code).toBe('TooManyRequests');
    }
  });
});
