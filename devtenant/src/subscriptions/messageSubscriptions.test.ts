import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../seed/seedTenants.js';
import { consentedMailApp, startTestTenant, type TestTenant } from '../test/testTenant.js';
import { startWebhookListener, type WebhookListener } from '../test/webhookListener.js';

// Message change notifications, which tell the CRM's filing that a mail arrived or was sent.
let t: TestTenant;
let app: string;
let hook: WebhookListener;
let meganSend: string;
const MEGAN = 'megan.bowen@contoso.onmicrosoft.com';
const LEE = 'lee.gu@contoso.onmicrosoft.com';
let meganId: string;
let leeId: string;

beforeAll(async () => {
  t = await startTestTenant();
  app = await consentedMailApp(t, CONTOSO_TENANT_ID, 'admin@contoso.onmicrosoft.com');
  meganSend = await t.ropc(MEGAN, 'https://graph.microsoft.com/Mail.Send');
  hook = await startWebhookListener(t.certs);
  meganId = (await t.graph(`/users/${MEGAN}`, app)).json.id;
  leeId = (await t.graph(`/users/${LEE}`, app)).json.id;
  t.tenant.knobs.update({ notificationDelayMs: 30 });
});
afterAll(async () => {
  await t.close();
  await hook.close();
});
beforeEach(() => {
  hook.received.length = 0;
});

const subscribe = (resource: string, path: string, changeType = 'created,updated', token = app) =>
  t.graph('/subscriptions', token, {
    body: {
      changeType,
      notificationUrl: `${hook.url}${path}`,
      resource,
      expirationDateTime: new Date(Date.now() + 60 * 60_000).toISOString(),
      clientState: 'filing-state',
    },
  });

async function send(to: string, subject: string): Promise<void> {
  const r = await t.graph('/me/sendMail', meganSend, {
    body: { message: { subject, toRecipients: [{ emailAddress: { address: to } }] } },
  });
  expect(r.status).toBe(202);
}

const newest = async (upn: string, folder: string) =>
  (await t.graph(`/users/${upn}/mailFolders/${folder}/messages?$top=1&$select=subject`, app)).json.value[0];

describe('message subscriptions', () => {
  it('notify a mailbox-wide subscription of a mail sent to its user (created), then of its read mark (updated)', async () => {
    const s = await subscribe(`users/${leeId}/messages`, '/lee');
    expect(s.status, s.text).toBe(201);
    await send(LEE, 'Quote');
    await hook.waitFor(() => hook.notifications('/lee').length >= 1);
    const message = await newest(LEE, 'inbox');
    expect(message.subject).toBe('Quote');
    expect(hook.notifications('/lee')).toEqual([
      {
        subscriptionId: s.json.id,
        subscriptionExpirationDateTime: s.json.expirationDateTime,
        changeType: 'created',
        resource: `Users/${leeId}/Messages/${message.id}`,
        resourceData: {
          '@odata.type': '#Microsoft.Graph.Message',
          '@odata.id': `Users/${leeId}/Messages/${message.id}`,
          '@odata.etag': message['@odata.etag'],
          id: message.id,
        },
        clientState: 'filing-state',
        tenantId: CONTOSO_TENANT_ID,
      },
    ]);

    // Opening it in the web view reads it: an `updated` notification with the new etag.
    expect((await t.request(`/mail/${LEE}/${encodeURIComponent(message.id)}`)).status).toBe(200);
    await hook.waitFor(() => hook.notifications('/lee').length >= 2);
    const updated = hook.notifications('/lee')[1];
    const reread = await newest(LEE, 'inbox');
    expect(updated).toMatchObject({ changeType: 'updated', resourceData: { id: message.id } });
    expect(updated.resourceData['@odata.etag']).toBe(reread['@odata.etag']);
    expect(reread['@odata.etag']).not.toBe(message['@odata.etag']);

    // Renewal and deletion work as for events.
    const renewed = await t.graph(`/subscriptions/${s.json.id}`, app, {
      method: 'PATCH',
      body: { expirationDateTime: new Date(Date.now() + 120 * 60_000).toISOString() },
    });
    expect(renewed.status).toBe(200);
    expect((await t.graph(`/subscriptions/${s.json.id}`, app, { method: 'DELETE' })).status).toBe(204);
    await send(LEE, 'After the end');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(hook.notifications('/lee')).toHaveLength(2);
  });

  it('notify a Sent Items subscription of the sender’s copy and not of incoming mail', async () => {
    const sent = await subscribe(`users/${meganId}/mailFolders('sentitems')/messages`, '/sent', 'created');
    expect(sent.status, sent.text).toBe(201);
    // The path form of the folder, in another case, watches the Inbox; it tells when the incoming mail has come.
    const inbox = await subscribe(`users/${MEGAN}/mailFolders/Inbox/messages`, '/inbox', 'created');
    expect(inbox.status, inbox.text).toBe(201);

    await send(LEE, 'Sent by Megan');
    await hook.waitFor(() => hook.notifications('/sent').length >= 1);
    const copy = await newest(MEGAN, 'sentitems');
    expect(copy.subject).toBe('Sent by Megan');
    expect(hook.notifications('/sent')).toMatchObject([
      { changeType: 'created', resource: `Users/${meganId}/Messages/${copy.id}` },
    ]);

    await send(MEGAN, 'Megan to herself');
    await hook.waitFor(() => hook.notifications('/inbox').length >= 1);
    const incoming = await newest(MEGAN, 'inbox');
    expect(hook.notifications('/inbox').map((n) => n.resourceData.id)).toEqual([incoming.id]);
    // Her own mail also lands in her Sent Items: that copy, and only that one, reaches /sent.
    await hook.waitFor(() => hook.notifications('/sent').length >= 2);
    const sentIds = hook.notifications('/sent').map((n) => n.resourceData.id);
    expect(sentIds).not.toContain(incoming.id);
    expect(sentIds[1]).toBe((await newest(MEGAN, 'sentitems')).id);
  });

  it('refuses an unknown folder (404) and a caller without a Mail read permission (403)', async () => {
    const unknown = await subscribe(`users/${leeId}/mailFolders/archive/messages`, '/x');
    expect(unknown.status).toBe(404);
    const single = await subscribe(`users/${leeId}/messages/AAMkADx`, '/x');
    expect(single.status).toBe(400);
    expect(single.json.error.code).toBe('ExtensionError');
    // A delegated token of the CRM's registration carries no Mail scope (only Mail.Send).
    const denied = await subscribe('me/messages', '/x', 'created', meganSend);
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('ErrorAccessDenied');
  });
});
