import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../seed/seedTenants.js';
import { grantAdminConsent, startTestTenant, testApp, type TestTenant } from '../test/testTenant.js';

// What a CRM needs to file a message: read it by id with its ids, sensitivity and attachment names, as text.
let t: TestTenant;
let meganSend: string;
let leeRead: string;
let leeBasic: string;
let jonasBasic: string;
const LEE = 'lee.gu@contoso.onmicrosoft.com';
const JONAS = 'jonas.weber@fabrikam.onmicrosoft.com';

beforeAll(async () => {
  t = await startTestTenant();
  // The CRM's registration asks for Mail.Read to file messages (scripts/localAppRegistration.ts).
  t.tenant.registerApp(testApp({ graphDelegatedPermissions: [...testApp().graphDelegatedPermissions, 'Mail.Read'] }));
  await grantAdminConsent(t, CONTOSO_TENANT_ID, 'admin@contoso.onmicrosoft.com');
  // Fabrikam's administrator has not consented: a token there carries User.Read only.
  jonasBasic = await t.ropc(JONAS, 'https://graph.microsoft.com/User.Read');
  meganSend = await t.ropc('megan.bowen@contoso.onmicrosoft.com', 'https://graph.microsoft.com/Mail.Send');
  leeRead = await t.ropc(LEE, 'https://graph.microsoft.com/Mail.Read https://graph.microsoft.com/User.Read');
  leeBasic = await t.ropc(LEE, 'https://graph.microsoft.com/User.Read');
});
afterAll(async () => t.close());

const PDF_BYTES = Buffer.from('%PDF-1.4 offer for Fabrikam').toString('base64');

async function sendToLee(message: Record<string, unknown>): Promise<void> {
  const r = await t.graph('/me/sendMail', meganSend, {
    body: { message: { toRecipients: [{ emailAddress: { address: LEE } }], ...message } },
  });
  expect(r.status).toBe(202);
}

async function newestInLee(): Promise<{ id: string; internetMessageId: string; conversationId: string }> {
  const list = await t.graph('/me/mailFolders/inbox/messages?$top=1', leeRead);
  return list.json.value[0];
}

describe('reading a message to file it', () => {
  it('gives sensitivity, hasAttachments and the ids with $select, and attachment metadata without content', async () => {
    await sendToLee({
      subject: 'Offer',
      body: { contentType: 'HTML', content: '<p>Dear Lee,</p><p>the offer &amp; terms are attached.</p>' },
      sensitivity: 'Confidential',
      attachments: [
        {
          '@odata.type': '#microsoft.graph.fileAttachment',
          name: 'offer.pdf',
          contentType: 'application/pdf',
          contentBytes: PDF_BYTES,
        },
      ],
    });
    const { id } = await newestInLee();
    const r = await t.graph(
      `/me/messages/${id}?$select=subject,sensitivity,hasAttachments,internetMessageId,conversationId,from`,
      leeRead,
    );
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      subject: 'Offer',
      sensitivity: 'confidential',
      hasAttachments: true,
      from: { emailAddress: { address: 'megan.bowen@contoso.onmicrosoft.com' } },
    });
    expect(r.json.internetMessageId).toMatch(/^<.+@contoso\.onmicrosoft\.com>$/);
    expect(r.json.conversationId).toMatch(/^AAQk/);
    expect(r.json.body).toBeUndefined();

    const meta = await t.graph(`/me/messages/${id}/attachments?$select=name,size,contentType`, leeRead);
    expect(meta.status).toBe(200);
    expect(meta.json.value).toEqual([
      {
        '@odata.type': '#microsoft.graph.fileAttachment',
        id: expect.any(String),
        name: 'offer.pdf',
        size: Buffer.from(PDF_BYTES, 'base64').length,
        contentType: 'application/pdf',
      },
    ]);
    const full = await t.graph(`/me/messages/${id}/attachments`, leeRead);
    expect(full.json.value[0].contentBytes).toBe(PDF_BYTES);
    // Attachments need Mail.Read, which a User.Read token lacks.
    await sendToLee({ subject: 'For Jonas too', ccRecipients: [{ emailAddress: { address: JONAS } }] });
    const [atJonas] = (await t.request(`/_devtenant/api/mailboxes/${JONAS}/messages`)).json.value;
    expect((await t.graph(`/me/messages/${atJonas.id}/attachments`, jonasBasic)).status).toBe(403);
  });

  it('reduces an HTML body to text when asked with Prefer: outlook.body-content-type="text"', async () => {
    await sendToLee({
      subject: 'Prices',
      body: { contentType: 'HTML', content: '<p>Hello&nbsp;Lee,</p><p>prices &lt;below&gt;</p><script>x()</script>' },
    });
    const { id } = await newestInLee();
    const asText = await t.graph(`/me/messages/${id}?$select=body`, leeRead, {
      headers: { Prefer: 'outlook.body-content-type="text"' },
    });
    expect(asText.headers.get('preference-applied')).toBe('outlook.body-content-type="text"');
    expect(asText.json.body).toEqual({ contentType: 'text', content: 'Hello Lee,\nprices <below>' });
    const asHtml = await t.graph(`/me/messages/${id}?$select=body`, leeRead);
    expect(asHtml.json.body.contentType).toBe('html');
    expect(asHtml.headers.get('preference-applied')).toBeNull();
  });

  it('finds a message under its folder and not under another; a normal message has no attachments', async () => {
    await sendToLee({ subject: 'Plain', body: { contentType: 'Text', content: 'x' } });
    const { id } = await newestInLee();
    const inInbox = await t.graph(`/me/mailFolders/Inbox/messages/${id}?$select=sensitivity,hasAttachments`, leeRead);
    expect(inInbox.json).toMatchObject({ sensitivity: 'normal', hasAttachments: false });
    expect((await t.graph(`/me/mailFolders/sentitems/messages/${id}`, leeRead)).json.error.code).toBe(
      'ErrorItemNotFound',
    );
    expect((await t.graph(`/me/messages/${id}/attachments`, leeRead)).json.value).toEqual([]);
  });

  it('refuses an unknown sensitivity and an attachment that is not base64', async () => {
    const bad = await t.graph('/me/sendMail', meganSend, {
      body: { message: { subject: 'x', sensitivity: 'secret', toRecipients: [{ emailAddress: { address: LEE } }] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('ErrorInvalidRequest');
    const badFile = await t.graph('/me/sendMail', meganSend, {
      body: {
        message: {
          subject: 'x',
          toRecipients: [{ emailAddress: { address: LEE } }],
          attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'a', contentBytes: 'not base64!' }],
        },
      },
    });
    expect(badFile.status).toBe(400);
  });
});

describe('translateExchangeIds', () => {
  it("turns Office.js's EWS id into the REST id Graph reads the message by", async () => {
    await sendToLee({ subject: 'Translate me', body: { contentType: 'Text', content: 'x' } });
    const { id } = await newestInLee();
    // Office.js gives the standard base64 spelling; force a '-' and '_' so both replacements show.
    const restId = `${id}-_`;
    const ewsId = `${id.replace(/-/g, '/').replace(/_/g, '+')}/+`;
    const r = await t.graph('/me/translateExchangeIds', leeBasic, {
      body: { inputIds: [ewsId, 'not an id'], sourceIdType: 'ewsId', targetIdType: 'restId' },
    });
    expect(r.status).toBe(200);
    expect(r.json.value).toEqual([
      { sourceId: ewsId, targetId: restId },
      { sourceId: 'not an id', errorDetails: { code: 'ErrorInvalidIdMalformed', message: 'Id is malformed.' } },
    ]);
    const real = await t.graph('/me/translateExchangeIds', leeBasic, {
      body: { inputIds: [id.replace(/-/g, '/').replace(/_/g, '+')], sourceIdType: 'ewsId', targetIdType: 'restId' },
    });
    const read = await t.graph(`/me/messages/${real.json.value[0].targetId}?$select=subject`, leeRead);
    expect(read.json.subject).toBe('Translate me');
  });

  it('refuses more than 1,000 ids, unknown formats and app-only callers', async () => {
    const many = await t.graph('/me/translateExchangeIds', leeBasic, {
      body: { inputIds: Array.from({ length: 1001 }, () => 'AAMk'), sourceIdType: 'ewsId', targetIdType: 'restId' },
    });
    expect(many.status).toBe(400);
    const unknown = await t.graph('/me/translateExchangeIds', leeBasic, {
      body: { inputIds: ['AAMk'], sourceIdType: 'ewsId', targetIdType: 'owaId' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe('ErrorInvalidRequest');
  });
});

describe('the web view sends mail for a test to make a conversation', () => {
  it('receives a mail from an outside address, and a reply stays in its conversation', async () => {
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const sent = await t.request(
      '/mail/external/send',
      form({ from: 'garth@fabrikam.example', fromName: 'Garth Fort', to: LEE, subject: 'Order 42', body: 'Hi Lee' }),
    );
    expect(sent.status).toBe(303);
    const incoming = await t.graph(
      '/me/mailFolders/inbox/messages?$top=1&$select=subject,from,conversationId,internetMessageId',
      leeRead,
    );
    expect(incoming.json.value[0]).toMatchObject({
      subject: 'Order 42',
      from: { emailAddress: { address: 'garth@fabrikam.example', name: 'Garth Fort' } },
    });
    expect(incoming.json.value[0].internetMessageId).toMatch(/@fabrikam\.example>$/);

    const replied = await t.request(
      `/mail/${encodeURIComponent(LEE)}/${encodeURIComponent(incoming.json.value[0].id)}/reply`,
      form({ body: 'Thanks, Garth' }),
    );
    expect(replied.status).toBe(303);
    const [reply] = (await t.request(`/_devtenant/api/mailboxes/${LEE}/messages?folder=sentitems`)).json.value;
    expect(reply).toMatchObject({
      subject: 'RE: Order 42',
      conversationId: incoming.json.value[0].conversationId,
      toRecipients: [{ emailAddress: { address: 'garth@fabrikam.example' } }],
    });

    const refused = await t.request('/mail/external/send', form({ from: 'nobody', to: LEE, subject: 'x' }));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('role="alert"');
  });
});
