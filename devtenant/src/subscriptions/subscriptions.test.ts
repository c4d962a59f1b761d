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
import { postWebhook } from './webhookClient.js';

let t: TestTenant;
let app: string;
let hook: WebhookListener;
const ADELE = 'adele.vance@contoso.onmicrosoft.com';
let adeleId: string;
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
  hook = await startWebhookListener(t.certs);
  adeleId = (await t.graph(`/users/${ADELE}`, app)).json.id;
  calendarId = (await t.graph(`/users/${ADELE}/calendars`, app, { body: { name: 'CRM' } })).json.id;
  t.tenant.knobs.update({ notificationDelayMs: 50, notificationRetryDelaysMs: [100, 200] });
});
afterAll(async () => {
  await t.close();
  await hook.close();
});
beforeEach(() => {
  hook.received.length = 0;
  hook.mode = 'ok';
  hook.failNext = 0;
});

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const subscribe = (over: Record<string, unknown> = {}) =>
  t.graph('/subscriptions', app, {
    body: {
      changeType: 'created,updated,deleted',
      notificationUrl: `${hook.url}/notify?tenant=contoso`,
      lifecycleNotificationUrl: `${hook.url}/lifecycle`,
      resource: `users/${adeleId}/calendars/${calendarId}/events`,
      expirationDateTime: inMinutes(60),
      clientState: 'secret-state',
      ...over,
    },
  });
const createEvent = (subject: string, path = `/users/${ADELE}/calendars/${calendarId}/events`) =>
  t.graph(path, app, {
    body: {
      subject,
      start: { dateTime: '2026-05-01T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-05-01T10:00:00', timeZone: 'UTC' },
    },
  });

describe('subscriptions', () => {
  it('validates the endpoint, then POSTs created/updated/deleted notifications with clientState to a real HTTPS listener', async () => {
    const r = await subscribe();
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      changeType: 'created,updated,deleted',
      clientState: 'secret-state',
      applicationId: TEST_CLIENT_ID,
      latestSupportedTlsVersion: 'v1_2',
      includeResourceData: false,
    });
    const validations = hook.received.filter((p) => p.query.has('validationToken'));
    expect(validations.map((v) => v.path)).toEqual(['/notify', '/lifecycle']);
    expect(validations[0]!.contentType).toContain('text/plain');
    expect(validations[0]!.query.get('tenant')).toBe('contoso');
    expect(validations[0]!.query.get('validationToken')).toMatch(
      /^Validation: Testing client application reachability/,
    );

    const ev = (await createEvent('Notify me')).json;
    await hook.waitFor(() => hook.notifications('/notify').length >= 1);
    const [n] = hook.notifications('/notify');
    expect(n).toEqual({
      subscriptionId: r.json.id,
      subscriptionExpirationDateTime: r.json.expirationDateTime,
      changeType: 'created',
      resource: `Users/${adeleId}/Events/${ev.id}`,
      resourceData: {
        '@odata.type': '#Microsoft.Graph.Event',
        '@odata.id': `Users/${adeleId}/Events/${ev.id}`,
        '@odata.etag': ev['@odata.etag'],
        id: ev.id,
      },
      clientState: 'secret-state',
      tenantId: CONTOSO_TENANT_ID,
    });
    await t.graph(`/users/${ADELE}/events/${ev.id}`, app, { method: 'PATCH', body: { subject: 'Changed' } });
    await t.graph(`/users/${ADELE}/events/${ev.id}`, app, { method: 'DELETE' });
    await hook.waitFor(() => hook.notifications('/notify').length >= 3);
    expect(hook.notifications('/notify').map((x) => x.changeType)).toEqual(['created', 'updated', 'deleted']);

    // Events of another calendar are not covered by a per-calendar subscription.
    await createEvent('Default calendar', `/users/${ADELE}/events`);
    await new Promise((res) => setTimeout(res, 200));
    expect(hook.notifications('/notify')).toHaveLength(3);
    expect((await t.graph(`/subscriptions/${r.json.id}`, app, { method: 'DELETE' })).status).toBe(204);
    expect((await t.graph(`/subscriptions/${r.json.id}`, app)).status).toBe(404);
  });

  it('fails creation when the handshake fails, caps the lifetime at 4230 minutes and checks clientState and URL', async () => {
    hook.mode = 'fail';
    const failed = await subscribe();
    expect(failed.status).toBe(400);
    expect(failed.json.error).toMatchObject({
      code: 'ValidationError',
      message:
        'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
    });
    hook.mode = 'wrong-token';
    expect((await subscribe()).json.error.message).toContain('must exactly match validationToken');
    hook.mode = 'ok';
    const tooLong = await subscribe({ expirationDateTime: inMinutes(4320) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error).toMatchObject({
      code: 'ExtensionError',
      message: 'Subscription expiration can only be 4230 minutes in the future.',
    });
    expect((await subscribe({ clientState: 'x'.repeat(129) })).status).toBe(400);
    expect((await subscribe({ notificationUrl: 'http://localhost:1/notify' })).status).toBe(400);
    expect((await subscribe({ resource: `users/${adeleId}/events/abc` })).status).toBe(400);
    expect((await t.graph('/subscriptions', app)).json.value).toEqual([]);
  });

  it('renews, reauthorizes, sends lifecycle notifications and stops delivering once expired', async () => {
    const s = (await subscribe({ resource: `users/${ADELE}/events` })).json;
    const renewed = await t.graph(`/subscriptions/${s.id}`, app, {
      method: 'PATCH',
      body: { expirationDateTime: inMinutes(4200) },
    });
    expect(renewed.status).toBe(200);
    expect(Date.parse(renewed.json.expirationDateTime)).toBeGreaterThan(Date.parse(s.expirationDateTime));
    expect(
      (await t.graph(`/subscriptions/${s.id}`, app, { method: 'PATCH', body: { expirationDateTime: inMinutes(5000) } }))
        .status,
    ).toBe(400);

    const lc = await t.request(`/_devtenant/api/subscriptions/${s.id}/lifecycle`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lifecycleEvent: 'reauthorizationRequired' }),
    });
    expect(lc.status).toBe(202);
    await hook.waitFor(() => hook.notifications('/lifecycle').length >= 1);
    expect(hook.notifications('/lifecycle')[0]).toEqual({
      subscriptionId: s.id,
      subscriptionExpirationDateTime: renewed.json.expirationDateTime,
      tenantId: CONTOSO_TENANT_ID,
      clientState: 'secret-state',
      lifecycleEvent: 'reauthorizationRequired',
    });
    // Paused until reauthorized.
    await createEvent('While paused', `/users/${ADELE}/events`);
    await new Promise((res) => setTimeout(res, 150));
    expect(hook.notifications('/notify')).toHaveLength(0);
    expect((await t.graph(`/subscriptions/${s.id}/reauthorize`, app, { method: 'POST' })).status).toBe(204);
    await createEvent('After reauthorize', `/users/${ADELE}/events`);
    await hook.waitFor(() => hook.notifications('/notify').length >= 1);

    await t.request(`/_devtenant/api/subscriptions/${s.id}/lifecycle`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lifecycleEvent: 'missed' }),
    });
    await hook.waitFor(() => hook.notifications('/lifecycle').some((n) => n.lifecycleEvent === 'missed'));

    expect((await t.request(`/_devtenant/api/subscriptions/${s.id}/expire`, { method: 'POST' })).status).toBe(204);
    const before = hook.notifications('/notify').length;
    await createEvent('After expiry', `/users/${ADELE}/events`);
    await new Promise((res) => setTimeout(res, 150));
    expect(hook.notifications('/notify')).toHaveLength(before);
    expect((await t.graph(`/subscriptions/${s.id}`, app)).status).toBe(404);

    const removed = (await subscribe()).json;
    await t.request(`/_devtenant/api/subscriptions/${removed.id}/lifecycle`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lifecycleEvent: 'subscriptionRemoved' }),
    });
    await hook.waitFor(() => hook.notifications('/lifecycle').some((n) => n.lifecycleEvent === 'subscriptionRemoved'));
    expect((await t.graph(`/subscriptions/${removed.id}`, app)).status).toBe(404);
  });

  it('retries failed deliveries with backoff, and the knobs drop or duplicate notifications', async () => {
    const s = (await subscribe()).json;
    hook.failNext = 2;
    await createEvent('Retried');
    await hook.waitFor(() => hook.notifications('/notify').length >= 3, 3000);
    const attempts = (await t.request('/_devtenant/api/notifications')).json.value.filter(
      (d: { kind: string; subscriptionIds: string[] }) => d.kind === 'change' && d.subscriptionIds.includes(s.id),
    );
    expect(attempts.map((a: { status: number }) => a.status)).toEqual([500, 500, 202]);

    hook.received.length = 0;
    await t.request('/_devtenant/api/knobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ dropNextNotifications: 1 }),
    });
    await createEvent('Dropped');
    await createEvent('Kept');
    await hook.waitFor(() => hook.notifications('/notify').length >= 1);
    await new Promise((res) => setTimeout(res, 150));
    expect(hook.notifications('/notify')).toHaveLength(1);

    hook.received.length = 0;
    t.tenant.knobs.update({ duplicateNotifications: true });
    try {
      const ev = (await createEvent('Twice')).json;
      await hook.waitFor(() => hook.notifications('/notify').length >= 2);
      expect(hook.notifications('/notify').map((n) => n.resourceData.id)).toEqual([ev.id, ev.id]);
    } finally {
      t.tenant.knobs.update({ duplicateNotifications: false });
    }
    const inspected = (await t.request(`/_devtenant/api/mailboxes/${ADELE}/subscriptions`)).json.value;
    expect(inspected.map((x: { id: string }) => x.id)).toContain(s.id);
  });

  it("trusts webhooks through the local CA, or (without one) exactly the tenant's own certificate", async () => {
    const init = { headers: { 'content-type': 'application/json' }, body: '{}', timeoutMs: 3000 };
    expect((await postWebhook(`${hook.url}/notify`, init, { caCertPem: t.certs.caCertPem })).status).toBe(202);
    expect((await postWebhook(`${hook.url}/notify`, init, { ownCertPem: t.certs.certPem })).status).toBe(202);
    const other = await startTestTenant();
    try {
      await expect(postWebhook(`${hook.url}/notify`, init, { ownCertPem: other.certs.certPem })).rejects.toThrow();
    } finally {
      await other.close();
    }
  });
});
