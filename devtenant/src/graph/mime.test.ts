import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const sendMime = (body: string) => t.graph('/me/sendMail', token, { headers: { 'content-type': 'text/plain' }, body });

describe('sendMail with MIME', () => {
  it('stores the HTML part as the body, keeps the text part, and decodes RFC 2047 subject and names', async () => {
    const subject = `=?UTF-8?B?${b64('Grüße aus München')}?=`;
    const mime = [
      'From: Megan Bowen <megan.bowen@contoso.onmicrosoft.com>',
      'To: =?UTF-8?Q?J=C3=BCrgen_Lee?= <lee.gu@contoso.onmicrosoft.com>, "Partner, External" <partner@example.org>',
      `Subject: ${subject}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative;',
      ' boundary="b1_xyz"',
      '',
      'This is a multi-part message in MIME format.',
      '--b1_xyz',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
      '',
      b64('Hallo Jürgen,\r\nbitte bestätigen.'),
      '--b1_xyz',
      'Content-Type: text/html; charset="utf-8"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<p>Hallo J=C3=BCrgen, bitte <a href=3D"https://localhost:3000/x">best=C3=A4tigen</a>.=',
      '</p>',
      '--b1_xyz--',
      '',
    ].join('\r\n');
    const r = await sendMime(b64(mime));
    expect(r.status).toBe(202);
    const [lee] = (await t.request('/_devtenant/api/mailboxes/lee.gu@contoso.onmicrosoft.com/messages')).json.value;
    expect(lee.subject).toBe('Grüße aus München');
    expect(lee.body.contentType).toBe('html');
    expect(lee.body.content).toContain('<p>Hallo Jürgen, bitte <a href="https://localhost:3000/x">bestätigen</a>.</p>');
    expect(lee.textBody).toBe('Hallo Jürgen,\r\nbitte bestätigen.');
    expect(lee.toRecipients).toEqual([
      { emailAddress: { address: 'lee.gu@contoso.onmicrosoft.com', name: 'Jürgen Lee' } },
      { emailAddress: { address: 'partner@example.org', name: 'Partner, External' } },
    ]);
    const external = (await t.request('/_devtenant/api/external-mail')).json.value;
    expect(external[0].externalRecipients).toEqual(['partner@example.org']);
  });

  it('accepts a single text part and rejects malformed base64 with ErrorMimeContentInvalidBase64String', async () => {
    const plain =
      'To: lee.gu@contoso.onmicrosoft.com\r\nSubject: Plain\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nÄrger? Nein.\r\n';
    expect((await sendMime(b64(plain))).status).toBe(202);
    const [lee] = (await t.request('/_devtenant/api/mailboxes/lee.gu@contoso.onmicrosoft.com/messages')).json.value;
    expect(lee).toMatchObject({ subject: 'Plain', body: { contentType: 'text', content: 'Ärger? Nein.\r\n' } });
    const bad = await sendMime('this is not base64!');
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: 'ErrorMimeContentInvalidBase64String',
      message: 'Invalid base64 string for MIME content.',
    });
    const noRecipients = await sendMime(b64('Subject: none\r\n\r\nbody'));
    expect(noRecipients.status).toBe(400);
  });
});
