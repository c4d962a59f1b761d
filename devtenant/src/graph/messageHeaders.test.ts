import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../seed/seedTenants.js';
import { consentedMailApp, startTestTenant, type TestTenant } from '../test/testTenant.js';

// Custom internet headers: Graph finds a received message by one, never the sender's copy in Sent Items, which has no
// internet headers (docs/graph-behaviour.md#custom-internet-headers).
let t: TestTenant;
let app: string;
let meganSend: string;
const MEGAN = 'megan.bowen@contoso.onmicrosoft.com';
const LEE = 'lee.gu@contoso.onmicrosoft.com';
const HEADER_ID = 'String {00020386-0000-0000-C000-000000000046} Name x-crm-filing';

beforeAll(async () => {
  t = await startTestTenant();
  app = await consentedMailApp(t, CONTOSO_TENANT_ID, 'admin@contoso.onmicrosoft.com');
  meganSend = await t.ropc(MEGAN, 'https://graph.microsoft.com/Mail.Send');
});
afterAll(async () => t.close());

/** Megan sends to Lee as the app (Mail.Send application), with the given custom headers. */
async function send(subject: string, headers?: { name: string; value: string }[]) {
  return t.graph(`/users/${MEGAN}/sendMail`, app, {
    body: {
      message: {
        subject,
        body: { contentType: 'Text', content: 'Dear Lee, the offer is attached.' },
        toRecipients: [{ emailAddress: { address: LEE } }],
        ...(headers ? { internetMessageHeaders: headers } : {}),
      },
    },
  });
}

const byHeader = (id: string, value: string) =>
  encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${id}' and ep/value eq '${value}')`);

async function subjectsIn(upn: string, folder: string, query = ''): Promise<string[]> {
  const r = await t.graph(`/users/${upn}/mailFolders/${folder}/messages?$top=100&$select=subject${query}`, app);
  expect(r.status, r.text).toBe(200);
  return r.json.value.map((m: { subject: string }) => m.subject);
}

describe('custom internet headers on sendMail', () => {
  it('finds the received copy by its header, and no message without it or with another value', async () => {
    expect((await send('Offer with header', [{ name: 'x-crm-filing', value: 'abc' }])).status).toBe(202);
    expect((await send('Offer without header')).status).toBe(202);
    expect((await send('Offer with another value', [{ name: 'x-crm-filing', value: 'abd' }])).status).toBe(202);
    expect((await send('Offer with another header', [{ name: 'x-other', value: 'abc' }])).status).toBe(202);
    expect(await subjectsIn(LEE, 'inbox')).toHaveLength(4);

    const found = await subjectsIn(LEE, 'inbox', `&$filter=${byHeader(HEADER_ID, 'abc')}`);
    expect(found).toEqual(['Offer with header']);
    // The same in the mailbox as a whole.
    const all = await t.graph(`/users/${LEE}/messages?$filter=${byHeader(HEADER_ID, 'abc')}&$select=subject`, app);
    expect(all.json.value.map((m: { subject: string }) => m.subject)).toEqual(['Offer with header']);
  });

  it('does not find the sender’s copy in Sent Items by a header', async () => {
    expect((await send('Sent with header', [{ name: 'x-crm-filing', value: 'sent-1' }])).status).toBe(202);
    expect(await subjectsIn(MEGAN, 'sentitems')).toContain('Sent with header');
    expect(await subjectsIn(MEGAN, 'sentitems', `&$filter=${byHeader(HEADER_ID, 'sent-1')}`)).toEqual([]);
    const all = await t.graph(`/users/${MEGAN}/messages?$filter=${byHeader(HEADER_ID, 'sent-1')}&$select=subject`, app);
    expect(all.status, all.text).toBe(200);
    expect(all.json.value).toEqual([]);
    expect(await subjectsIn(LEE, 'inbox', `&$filter=${byHeader(HEADER_ID, 'sent-1')}`)).toEqual(['Sent with header']);
  });

  it('matches the header name in any case, and takes any() in either case and quotes doubled', async () => {
    expect((await send('Upper-case header', [{ name: 'X-CRM-Filing', value: "O'Brien-1" }])).status).toBe(202);
    const filter = encodeURIComponent(
      `singleValueExtendedProperties/any(p: p/id eq '${HEADER_ID.replace('x-crm-filing', 'x-CRM-filing')}' and p/value eq 'O''Brien-1')`,
    );
    expect(await subjectsIn(LEE, 'inbox', `&$filter=${filter}`)).toEqual(['Upper-case header']);
  });

  it('puts the header on the recipient’s copy too, whether sent as the app or from /me', async () => {
    expect((await send('To Lee as the app', [{ name: 'x-crm-filing', value: 'for-lee-1' }])).status).toBe(202);
    const fromMe = await t.graph('/me/sendMail', meganSend, {
      body: {
        message: {
          subject: 'To Lee from Megan',
          toRecipients: [{ emailAddress: { address: LEE } }],
          internetMessageHeaders: [{ name: 'X-Crm-Filing', value: 'for-lee-2' }],
        },
      },
    });
    expect(fromMe.status, fromMe.text).toBe(202);
    expect(await subjectsIn(LEE, 'inbox', `&$filter=${byHeader(HEADER_ID, 'for-lee-1')}`)).toEqual([
      'To Lee as the app',
    ]);
    expect(await subjectsIn(LEE, 'inbox', `&$filter=${byHeader(HEADER_ID, 'for-lee-2')}`)).toEqual([
      'To Lee from Megan',
    ]);
    expect(await subjectsIn(MEGAN, 'sentitems', `&$filter=${byHeader(HEADER_ID, 'for-lee-2')}`)).toEqual([]);
  });

  it('lists internetMessageHeaders only when selected, and only on a received copy', async () => {
    expect((await send('Selected headers', [{ name: 'x-crm-filing', value: 'sel-1' }])).status).toBe(202);
    const filter = `$filter=${byHeader(HEADER_ID, 'sel-1')}`;
    const received = await t.graph(`/users/${LEE}/mailFolders/inbox/messages?${filter}`, app);
    const id = received.json.value[0].id as string;
    expect(received.json.value[0].internetMessageHeaders).toBeUndefined();

    const selected = await t.graph(`/users/${LEE}/messages/${id}?$select=subject,internetMessageHeaders`, app);
    expect(selected.status, selected.text).toBe(200);
    expect(selected.json.internetMessageHeaders).toContainEqual({ name: 'x-crm-filing', value: 'sel-1' });
    expect(selected.json.internetMessageHeaders).toContainEqual({ name: 'MIME-Version', value: '1.0' });

    // Graph has no internet headers on the copy in Sent Items.
    const sent = await t.graph(`/users/${MEGAN}/mailFolders/sentitems/messages?$top=1&$select=subject`, app);
    expect(sent.json.value[0].subject).toBe('Selected headers');
    const sentRead = await t.graph(
      `/users/${MEGAN}/messages/${sent.json.value[0].id}?$select=subject,internetMessageHeaders`,
      app,
    );
    expect(sentRead.json).toMatchObject({ subject: 'Selected headers' });
    expect(sentRead.json).not.toHaveProperty('internetMessageHeaders');
  });

  it('reads the header as an extended property with $expand, and leaves it out where the message has none', async () => {
    expect((await send('Expanded', [{ name: 'x-crm-filing', value: 'exp-1' }])).status).toBe(202);
    expect((await send('Not expanded')).status).toBe(202);
    const list = await t.graph(`/users/${LEE}/mailFolders/inbox/messages?$top=2&$select=subject`, app);
    const [plain, stamped] = list.json.value as { id: string; subject: string }[];
    expect([plain!.subject, stamped!.subject]).toEqual(['Not expanded', 'Expanded']);
    const expand = `$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${HEADER_ID}')`)}`;

    const read = await t.graph(`/users/${LEE}/messages/${stamped!.id}?$select=subject&${expand}`, app);
    expect(read.status, read.text).toBe(200);
    expect(read.json.singleValueExtendedProperties).toEqual([{ id: HEADER_ID, value: 'exp-1' }]);
    const none = await t.graph(`/users/${LEE}/messages/${plain!.id}?$select=subject&${expand}`, app);
    expect(none.status).toBe(200);
    expect(none.json).not.toHaveProperty('singleValueExtendedProperties');

    // The sender's copy of the stamped message has no internet headers to read.
    const sent = await t.graph(`/users/${MEGAN}/mailFolders/sentitems/messages?$top=2&$select=subject`, app);
    const sentStamped = (sent.json.value as { id: string; subject: string }[])[1]!;
    expect(sentStamped.subject).toBe('Expanded');
    const sentRead = await t.graph(`/users/${MEGAN}/messages/${sentStamped.id}?$select=subject&${expand}`, app);
    expect(sentRead.status, sentRead.text).toBe(200);
    expect(sentRead.json).not.toHaveProperty('singleValueExtendedProperties');
  });

  it('refuses a header that is not an x- header, and sends nothing', async () => {
    const sentBefore = (await subjectsIn(MEGAN, 'sentitems')).length;
    const inboxBefore = (await subjectsIn(LEE, 'inbox')).length;
    const r = await send('Refused', [
      { name: 'x-crm-filing', value: 'refused-1' },
      { name: 'In-Reply-To', value: '<abc@contoso.com>' },
    ]);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({
      code: 'InvalidInternetMessageHeader',
      message: "The internet message header name 'In-Reply-To' should start with 'x-' or 'X-'.",
    });
    expect(await subjectsIn(MEGAN, 'sentitems')).toHaveLength(sentBefore);
    expect(await subjectsIn(LEE, 'inbox')).toHaveLength(inboxBefore);
  });

  it('refuses more than five headers and an empty list', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `x-h${i}`, value: String(i) }));
    for (const headers of [six, []]) {
      const r = await send('Too many', headers);
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('InvalidInternetMessageHeaderCollection');
    }
    expect((await send('Five', six.slice(0, 5))).status).toBe(202);
  });

  it('refuses a message filter the local tenant does not play instead of ignoring it', async () => {
    const r = await t.graph(
      `/users/${MEGAN}/mailFolders/sentitems/messages?$filter=${encodeURIComponent("subject eq 'Expanded'")}`,
      app,
    );
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('ErrorInvalidUrlQueryFilter');
  });
});
