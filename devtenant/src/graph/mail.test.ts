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
let appOnly: string;
let meganSend: string;
beforeAll(async () => {
  t = await startTestTenant();
  await grantAdminConsent(t, CONTOSO_TENANT_ID, 'admin@contoso.onmicrosoft.com');
  const cc = await t.token(CONTOSO_TENANT_ID, {
    grant_type: 'client_credentials',
    client_id: TEST_CLIENT_ID,
    client_secret: TEST_SECRET,
    scope: 'https://graph.microsoft.com/.default',
  });
  appOnly = cc.json.access_token;
  meganSend = await t.ropc('megan.bowen@contoso.onmicrosoft.com', 'https://graph.microsoft.com/Mail.Send');
});
afterAll(async () => t.close());

const inbox = async (upn: string, folder = 'inbox') =>
  (await t.request(`/_devtenant/api/mailboxes/${upn}/messages?folder=${folder}`)).json.value;

describe('sendMail', () => {
  it('delivers to local inboxes (any tenant), external mail and Sent Items', async () => {
    const r = await t.graph('/me/sendMail', meganSend, {
      body: {
        message: {
          subject: 'Invitation to the CRM',
          body: {
            contentType: 'HTML',
            content: '<p>Join us: <a href="https://localhost:3000/invite/abc">accept</a></p>',
          },
          toRecipients: [{ emailAddress: { address: 'Lee.Gu@contoso.onmicrosoft.com' } }],
          ccRecipients: [{ emailAddress: { address: 'jonas.weber@fabrikam.onmicrosoft.com', name: 'Jonas' } }],
          bccRecipients: [{ emailAddress: { address: 'partner@example.org' } }],
        },
      },
    });
    expect(r.status).toBe(202);
    expect(r.text).toBe('');

    const [lee] = await inbox('lee.gu@contoso.onmicrosoft.com');
    expect(lee).toMatchObject({
      subject: 'Invitation to the CRM',
      from: { emailAddress: { address: 'megan.bowen@contoso.onmicrosoft.com', name: 'Megan Bowen' } },
      isRead: false,
      bccRecipients: [],
    });
    expect(lee.body.contentType).toBe('html');
    expect(lee.body.content).toContain('<html>');
    expect(lee.body.content).toContain('https://localhost:3000/invite/abc');
    expect(lee.bodyPreview).toBe('Join us: accept');
    expect(lee.internetMessageId).toMatch(/^<.+@contoso\.onmicrosoft\.com>$/);
    expect(await inbox('jonas.weber@fabrikam.onmicrosoft.com')).toHaveLength(1);

    const external = (await t.request('/_devtenant/api/external-mail')).json.value;
    expect(external).toHaveLength(1);
    expect(external[0].externalRecipients).toEqual(['partner@example.org']);

    const [sent] = await inbox('megan.bowen@contoso.onmicrosoft.com', 'sentitems');
    expect(sent.bccRecipients).toEqual([
      { emailAddress: { name: 'partner@example.org', address: 'partner@example.org' } },
    ]);
    expect(await inbox('megan.bowen@contoso.onmicrosoft.com')).toHaveLength(0);
  });

  it('sends as any user with the application role, and skips Sent Items when asked', async () => {
    const r = await t.graph('/users/admin@contoso.onmicrosoft.com/sendMail', appOnly, {
      body: {
        message: {
          subject: 'Plain',
          body: { contentType: 'Text', content: 'Open https://localhost:3000/x now' },
          toRecipients: [{ emailAddress: { address: 'adele.vance@contoso.onmicrosoft.com' } }],
        },
        saveToSentItems: 'false',
      },
    });
    expect(r.status).toBe(202);
    expect(await inbox('admin@contoso.onmicrosoft.com', 'sentitems')).toHaveLength(0);
    const [adele] = await inbox('adele.vance@contoso.onmicrosoft.com');
    expect(adele.body).toEqual({ contentType: 'text', content: 'Open https://localhost:3000/x now' });

    const page = await t.request(`/mail/adele.vance@contoso.onmicrosoft.com/${encodeURIComponent(adele.id)}`);
    expect(page.text).toContain('<a href="https://localhost:3000/x">https://localhost:3000/x</a>');
  });

  it('lets a delegated caller send only as themselves', async () => {
    const r = await t.graph('/users/lee.gu@contoso.onmicrosoft.com/sendMail', meganSend, {
      body: {
        message: { subject: 'x', toRecipients: [{ emailAddress: { address: 'adele.vance@contoso.onmicrosoft.com' } }] },
      },
    });
    expect(r.status).toBe(403);
    expect(r.json.error).toMatchObject({
      code: 'ErrorAccessDenied',
      message: 'Access is denied. Check credentials and try again.',
    });
  });

  it('needs Mail.Send', async () => {
    // Fabrikam's admin has not consented, so a token there carries User.Read only.
    const noScope = await t.ropc('lena.schmidt@fabrikam.onmicrosoft.com', 'https://graph.microsoft.com/User.Read');
    const r = await t.graph('/me/sendMail', noScope, {
      body: { message: { subject: 'x', toRecipients: [{ emailAddress: { address: 'a@b.cd' } }] } },
    });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('ErrorAccessDenied');
  });

  it.each([
    [
      'no recipients',
      { message: { subject: 'x', body: { contentType: 'Text', content: 'y' } } },
      'ErrorInvalidRecipients',
    ],
    [
      'a bad address',
      { message: { subject: 'x', toRecipients: [{ emailAddress: { address: 'not an address' } }] } },
      'ErrorInvalidRecipients',
    ],
    [
      'a bad content type',
      {
        message: {
          subject: 'x',
          body: { contentType: 'Markdown', content: 'y' },
          toRecipients: [{ emailAddress: { address: 'a@b.cd' } }],
        },
      },
      'ErrorInvalidRequest',
    ],
    ['no message', { saveToSentItems: true }, 'ErrorInvalidRequest'],
    ['recipients not a list', { message: { subject: 'x', toRecipients: 'a@b.cd' } }, 'ErrorInvalidRequest'],
  ])('rejects %s with 400', async (_name, body, code) => {
    const r = await t.graph('/me/sendMail', meganSend, { body });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe(code);
    expect(r.json.error.message.length).toBeGreaterThan(10);
  });

  it('rejects invalid JSON', async () => {
    const r = await t.graph('/me/sendMail', meganSend, { body: '{"message":' });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('BadRequest');
  });
});

describe('reading messages', () => {
  it('lists a mailbox with $top, $select and paging (app-only needs Mail.Read)', async () => {
    for (let i = 0; i < 3; i += 1) {
      await t.graph('/me/sendMail', meganSend, {
        body: {
          message: {
            subject: `Note ${i}`,
            toRecipients: [{ emailAddress: { address: 'nestor.wilke@contoso.onmicrosoft.com' } }],
          },
        },
      });
    }
    const reader = await t.ropc('nestor.wilke@contoso.onmicrosoft.com', 'https://graph.microsoft.com/User.Read');
    expect((await t.graph('/me/messages', reader)).status).toBe(403);

    // Only the user's own token with a read scope: grant Mail.Read through the app registration for this check.
    t.tenant.registerApp({
      ...(await import('../test/testTenant.js')).testApp(),
      graphDelegatedPermissions: ['User.Read', 'Mail.Read', 'Mail.Send'],
    });
    await grantAdminConsent(t, CONTOSO_TENANT_ID, 'admin@contoso.onmicrosoft.com');
    const mailReader = await t.ropc('nestor.wilke@contoso.onmicrosoft.com', 'https://graph.microsoft.com/Mail.Read');
    const first = await t.graph('/me/messages?$top=2&$select=subject,from', mailReader);
    expect(first.status).toBe(200);
    expect(first.json.value).toHaveLength(2);
    expect(Object.keys(first.json.value[0]).sort()).toEqual(['@odata.etag', 'from', 'id', 'subject']);
    expect(first.json.value[0].subject).toBe('Note 2');
    expect(first.json['@odata.nextLink']).toMatch(/\$skip=2/);
    const second = await t.graph(first.json['@odata.nextLink'].replace(`${t.url}/v1.0`, ''), mailReader);
    expect(second.json.value.map((m: { subject: string }) => m.subject)).toEqual(['Note 0']);
    expect(second.json['@odata.nextLink']).toBeUndefined();

    const other = await t.graph('/users/lee.gu@contoso.onmicrosoft.com/messages', mailReader);
    expect(other.status).toBe(403);
  });

  it('shows mailboxes in the web view with accessible structure', async () => {
    const home = await t.request('/');
    expect(home.text).toContain('<title>Tenants · devtenant</title>');
    expect(home.text).toContain('<th scope="col">Name</th>');
    expect(home.text).toContain('href="/mail/lee.gu%40contoso.onmicrosoft.com"');
    const list = await t.request('/mail/lee.gu%40contoso.onmicrosoft.com');
    expect(list.text).toContain('Invitation to the CRM');
    const id = /href="\/mail\/lee\.gu%40contoso\.onmicrosoft\.com\/(AAMk[^"]+)"/.exec(list.text)![1]!;
    const message = await t.request(`/mail/lee.gu%40contoso.onmicrosoft.com/${id}`);
    expect(message.text).toContain(
      'sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"',
    );
    expect(message.text).toContain('&lt;base target=&quot;_top&quot;&gt;');
    const sent = await t.request('/mail/megan.bowen%40contoso.onmicrosoft.com?folder=sentitems');
    expect(sent.text).toMatch(/aria-current="page"\s*>Sent Items/);
  });
});
