import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../seed/seedTenants.js';
import { consentedMailApp, startTestTenant, type TestTenant } from '../test/testTenant.js';

// Extended properties set on a message by sendMail, as an Outlook add-in's custom properties are: an item property,
// kept on the sender's copy in Sent Items and never on a recipient's (docs/graph-behaviour.md#add-in-custom-properties).
let t: TestTenant;
let app: string;
let meganSend: string;
const MEGAN = 'megan.bowen@contoso.onmicrosoft.com';
const LEE = 'lee.gu@contoso.onmicrosoft.com';
const CECP_ID = 'String {00020329-0000-0000-C000-000000000046} Name cecp-8b1d4f6e-2c7a-4e9b-9f3d-5a6c0e2b7d14';
const HEADER_ID = 'String {00020386-0000-0000-C000-000000000046} Name x-crm-filing';
const FILING = '{"crmFiling":"abc"}';

beforeAll(async () => {
  t = await startTestTenant();
  app = await consentedMailApp(t, CONTOSO_TENANT_ID, 'admin@contoso.onmicrosoft.com');
  meganSend = await t.ropc(MEGAN, 'https://graph.microsoft.com/Mail.Send');
});
afterAll(async () => t.close());

/** Megan sends to Lee as the app (Mail.Send application); `more` is merged into the message. */
async function send(subject: string, more: Record<string, unknown> = {}) {
  return t.graph(`/users/${MEGAN}/sendMail`, app, {
    body: {
      message: {
        subject,
        body: { contentType: 'Text', content: 'Dear Lee, the offer is attached.' },
        toRecipients: [{ emailAddress: { address: LEE } }],
        ...more,
      },
    },
  });
}

const stamped = (value: string, id = CECP_ID) => ({ singleValueExtendedProperties: [{ id, value }] });

const byProperty = (id: string, value: string) =>
  `&$filter=${encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${id}' and ep/value eq '${value}')`)}`;

async function subjectsIn(upn: string, folder: string, query = ''): Promise<string[]> {
  const r = await t.graph(`/users/${upn}/mailFolders/${folder}/messages?$top=100&$select=subject${query}`, app);
  expect(r.status, r.text).toBe(200);
  return r.json.value.map((m: { subject: string }) => m.subject);
}

describe('single-value extended properties on sendMail', () => {
  it('finds the sender’s copy in Sent Items by an add-in custom property, and only that message', async () => {
    expect((await send('Filed offer', stamped(FILING))).status).toBe(202);
    expect((await send('Unfiled offer')).status).toBe(202);
    expect((await send('Other filing', stamped('{"crmFiling":"abd"}'))).status).toBe(202);

    expect(await subjectsIn(MEGAN, 'sentitems', byProperty(CECP_ID, FILING))).toEqual(['Filed offer']);
    expect(await subjectsIn(MEGAN, 'sentitems', byProperty(CECP_ID, '{"crmFiling":"abz"}'))).toEqual([]);
    // The mailbox as a whole finds it too.
    const all = await t.graph(`/users/${MEGAN}/messages?$select=subject${byProperty(CECP_ID, FILING)}`, app);
    expect(all.status, all.text).toBe(200);
    expect(all.json.value.map((m: { subject: string }) => m.subject)).toEqual(['Filed offer']);
  });

  it('does not put the property on the recipient’s copy', async () => {
    expect((await send('Filed for Lee', stamped('{"crmFiling":"lee-1"}'))).status).toBe(202);
    expect(await subjectsIn(LEE, 'inbox')).toContain('Filed for Lee');
    expect(await subjectsIn(LEE, 'inbox', byProperty(CECP_ID, '{"crmFiling":"lee-1"}'))).toEqual([]);
    const all = await t.graph(
      `/users/${LEE}/messages?$select=subject${byProperty(CECP_ID, '{"crmFiling":"lee-1"}')}`,
      app,
    );
    expect(all.json.value).toEqual([]);
  });

  it('matches the GUID in any case but the name exactly, and takes it from /me/sendMail too', async () => {
    const fromMe = await t.graph('/me/sendMail', meganSend, {
      body: {
        message: {
          subject: 'Filed from Megan',
          toRecipients: [{ emailAddress: { address: LEE } }],
          ...stamped('{"crmFiling":"me-1"}'),
        },
      },
    });
    expect(fromMe.status, fromMe.text).toBe(202);
    const lowerGuid = CECP_ID.replace('C000', 'c000');
    expect(await subjectsIn(MEGAN, 'sentitems', byProperty(lowerGuid, '{"crmFiling":"me-1"}'))).toEqual([
      'Filed from Megan',
    ]);
    const upperName = CECP_ID.replace('cecp-', 'CECP-');
    expect(await subjectsIn(MEGAN, 'sentitems', byProperty(upperName, '{"crmFiling":"me-1"}'))).toEqual([]);
  });

  it('finds the Sent Items copy by its property but not by its x- header, which only the recipient has', async () => {
    const r = await send('Stamped both ways', {
      ...stamped('{"crmFiling":"both-1"}'),
      internetMessageHeaders: [{ name: 'x-crm-filing', value: 'both-1' }],
    });
    expect(r.status, r.text).toBe(202);
    expect(await subjectsIn(MEGAN, 'sentitems', byProperty(CECP_ID, '{"crmFiling":"both-1"}'))).toEqual([
      'Stamped both ways',
    ]);
    expect(await subjectsIn(MEGAN, 'sentitems', byProperty(HEADER_ID, 'both-1'))).toEqual([]);
    expect(await subjectsIn(LEE, 'inbox', byProperty(HEADER_ID, 'both-1'))).toEqual(['Stamped both ways']);
  });

  it('reads the property with $expand on the Sent Items copy, and leaves it out where there is none', async () => {
    expect((await send('Expand me', stamped('{"crmFiling":"exp-1"}'))).status).toBe(202);
    const expand = `$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${CECP_ID}')`)}`;
    const [sent] = (await t.graph(`/users/${MEGAN}/mailFolders/sentitems/messages?$top=1&$select=subject`, app)).json
      .value as { id: string; subject: string }[];
    expect(sent!.subject).toBe('Expand me');
    const read = await t.graph(`/users/${MEGAN}/messages/${sent!.id}?$select=subject&${expand}`, app);
    expect(read.status, read.text).toBe(200);
    expect(read.json.singleValueExtendedProperties).toEqual([{ id: CECP_ID, value: '{"crmFiling":"exp-1"}' }]);

    const [received] = (await t.graph(`/users/${LEE}/mailFolders/inbox/messages?$top=1&$select=subject`, app)).json
      .value as { id: string; subject: string }[];
    expect(received!.subject).toBe('Expand me');
    const none = await t.graph(`/users/${LEE}/messages/${received!.id}?$select=subject&${expand}`, app);
    expect(none.status, none.text).toBe(200);
    expect(none.json).not.toHaveProperty('singleValueExtendedProperties');
  });

  it('refuses a malformed property list, and sends nothing', async () => {
    const sentBefore = (await subjectsIn(MEGAN, 'sentitems')).length;
    const inboxBefore = (await subjectsIn(LEE, 'inbox')).length;
    const cases: [unknown, string][] = [
      [{ id: CECP_ID, value: 'x' }, 'ErrorInvalidProperty'],
      [[{ id: 'cecp-8b1d4f6e', value: 'x' }], 'ErrorInvalidProperty'],
      [[{ id: 'String {00020329-0000-0000-C000} Name cecp-x', value: 'x' }], 'ErrorInvalidProperty'],
      [[{ value: 'x' }], 'ErrorInvalidProperty'],
      [[{ id: CECP_ID, value: 42 }], 'ErrorInvalidExtendedPropertyValue'],
      [[{ id: CECP_ID }], 'ErrorInvalidExtendedPropertyValue'],
      [Array.from({ length: 21 }, (_, i) => ({ id: `${CECP_ID}-${i}`, value: 'x' })), 'ErrorInvalidProperty'],
    ];
    for (const [list, code] of cases) {
      const r = await send('Refused', { singleValueExtendedProperties: list });
      expect(r.status, JSON.stringify(list).slice(0, 80)).toBe(400);
      expect(r.json.error.code).toBe(code);
    }
    expect(await subjectsIn(MEGAN, 'sentitems')).toHaveLength(sentBefore);
    expect(await subjectsIn(LEE, 'inbox')).toHaveLength(inboxBefore);
    // Twenty, and a numeric id and a property tag, are taken.
    const twenty = Array.from({ length: 20 }, (_, i) => ({ id: `${CECP_ID}-${i}`, value: 'x' }));
    expect((await send('Twenty', { singleValueExtendedProperties: twenty })).status).toBe(202);
    const other = [
      { id: 'Integer {00062008-0000-0000-C000-000000000046} Id 0x8503', value: '1' },
      { id: 'String 0x0037001F', value: 'subject' },
    ];
    expect((await send('Other forms', { singleValueExtendedProperties: other })).status).toBe(202);
  });
});
