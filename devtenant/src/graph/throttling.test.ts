import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../seed/seedTenants.js';
import { grantAdminConsent, startTestTenant, type TestTenant } from '../test/testTenant.js';

let t: TestTenant;
let token: string;
beforeAll(async () => {
  t = await startTestTenant();
  await grantAdminConsent(t, CONTOSO_TENANT_ID, 'admin@contoso.onmicrosoft.com');
  token = await t.ropc('megan.bowen@contoso.onmicrosoft.com', 'https://graph.microsoft.com/Mail.Send');
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.request('/_devtenant/api/reset-faults', { method: 'POST' });
  await t.request('/_devtenant/api/knobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs: 0 }),
  });
});

const send = () =>
  t.graph('/me/sendMail', token, {
    body: {
      message: { subject: 'x', toRecipients: [{ emailAddress: { address: 'lee.gu@contoso.onmicrosoft.com' } }] },
    },
  });
const knobs = (body: unknown) =>
  t.request('/_devtenant/api/knobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('knobs', () => {
  it('adds latency to Graph requests', async () => {
    await knobs({ latencyMs: 150 });
    const started = Date.now();
    expect((await t.graph('/me', token)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('throttles the fifth concurrent request on one mailbox with 429 ApplicationThrottled', async () => {
    await knobs({ latencyMs: 300 });
    const results = await Promise.all(Array.from({ length: 6 }, () => send()));
    const throttled = results.filter((r) => r.status === 429);
    expect(results.filter((r) => r.status === 202)).toHaveLength(4);
    expect(throttled).toHaveLength(2);
    expect(throttled[0]!.json.error.code).toBe('ApplicationThrottled');
    expect(throttled[0]!.headers.get('retry-after')).toBe('1');
    // Another mailbox is not affected; the slots free up afterwards.
    await knobs({ latencyMs: 0 });
    expect((await send()).status).toBe(202);
  });

  it("injects 429 with Retry-After in Graph's body shape, then 503, matching the path", async () => {
    const set = await knobs({
      faults: [
        { status: 429, retryAfterSeconds: 2, times: 2, pathContains: '/sendMail' },
        { status: 503, retryAfterSeconds: 5, times: 1 },
      ],
    });
    expect(set.json.faults).toHaveLength(2);
    const me = await t.graph('/me', token);
    expect(me.status).toBe(503);
    expect(me.headers.get('retry-after')).toBe('5');
    const first = await send();
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('2');
    expect(first.json.error).toMatchObject({
      code: 'TooManyRequests',
      message: 'Please retry again later.',
      innerError: { code: '429', message: 'Please retry after', status: '429' },
    });
    expect((await send()).status).toBe(429);
    expect((await send()).status).toBe(202);
    expect((await t.request('/_devtenant/api/knobs')).json.faults).toEqual([]);
  });

  it('injects 504 and can reset the queue', async () => {
    t.tenant.knobs.injectFault({ status: 504, times: 3 });
    expect((await t.graph('/me', token)).status).toBe(504);
    expect((await t.request('/_devtenant/api/reset-faults', { method: 'POST' })).status).toBe(204);
    expect((await t.graph('/me', token)).status).toBe(200);
  });

  it('validates knob updates', async () => {
    const r = await knobs({ faults: [{ status: 500 }] });
    expect(r.status).toBe(400);
  });
});
