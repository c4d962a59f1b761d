import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID, FABRIKAM_TENANT_ID } from '../seed/seedTenants.js';
import {
  appGraphToken,
  grantAdminConsent,
  mailReadingApp,
  startTestTenant,
  testApp,
  type HttpResult,
  type TestTenant,
} from '../test/testTenant.js';

// Message delta per mail folder, as the CRM's automatic filing reads it (docs/graph-behaviour.md#message-delta).
let t: TestTenant;
let app: string;
let meganSend: string;
const MEGAN = 'megan.bowen@contoso.onmicrosoft.com';
const DOMAIN = 'contoso.onmicrosoft.com';
const FABRIKAM = 'fabrikam.onmicrosoft.com';

beforeAll(async () => {
  t = await startTestTenant();
  t.tenant.registerApp(mailReadingApp(['Mail.Read', 'Mail.ReadBasic']));
  await grantAdminConsent(t, CONTOSO_TENANT_ID, `admin@${DOMAIN}`);
  app = await appGraphToken(t, CONTOSO_TENANT_ID);
  meganSend = await t.ropc(MEGAN, 'https://graph.microsoft.com/Mail.Send');
});
afterAll(async () => t.close());

const relative = (tenant: TestTenant, link: string) => link.replace(`${tenant.url}/v1.0`, '');

/** Follows a round from its first URL to its deltaLink; `headers` go with the first request only. */
async function round(first: string, token = app, headers: Record<string, string> = {}, tenant = t) {
  const pages: HttpResult[] = [];
  let url = first;
  for (;;) {
    const r = await tenant.graph(url, token, pages.length === 0 ? { headers } : {});
    expect(r.status, r.text).toBe(200);
    pages.push(r);
    const next = r.json['@odata.nextLink'] as string | undefined;
    if (!next) {
      return {
        pages,
        items: pages.flatMap((p) => p.json.value as Record<string, any>[]),
        deltaLink: relative(tenant, r.json['@odata.deltaLink'] as string),
      };
    }
    url = relative(tenant, next);
  }
}

const seed = (upn: string, subjects: string[], receivedDay = (i: number) => `2026-01-0${i + 1}T09:00:00Z`) =>
  t.tenant.seedMessages(
    upn,
    subjects.map((subject, i) => ({ subject, receivedDateTime: receivedDay(i) })),
  );

async function sendFromMegan(to: string, subject: string): Promise<void> {
  const r = await t.graph('/me/sendMail', meganSend, {
    body: { message: { subject, toRecipients: [{ emailAddress: { address: to } }] } },
  });
  expect(r.status).toBe(202);
}

describe('message delta', () => {
  it('pages a folder with odata.maxpagesize, keeps $select and the page size in the links, then reports only changes', async () => {
    const LEE = `lee.gu@${DOMAIN}`;
    const [, second] = seed(LEE, ['One', 'Two', 'Three', 'Four', 'Five']);
    const first = await round(`/users/${LEE}/mailFolders/inbox/messages/delta?$select=subject,isRead`, app, {
      Prefer: 'odata.maxpagesize=2',
    });
    expect(first.pages.map((p) => p.json.value.length)).toEqual([2, 2, 1]);
    expect(first.pages[0]!.headers.get('preference-applied')).toBe('odata.track-changes, odata.maxpagesize=2');
    expect(first.pages[1]!.headers.get('preference-applied')).toBeNull();
    const nextLink = first.pages[0]!.json['@odata.nextLink'] as string;
    expect(nextLink).toMatch(
      new RegExp(`^${t.url}/v1\\.0/users/${LEE}/mailFolders/inbox/messages/delta\\?\\$skiptoken=[^&]+$`),
    );
    expect(first.deltaLink).toMatch(/\/mailFolders\/inbox\/messages\/delta\?\$deltatoken=[^&]+$/);
    expect(first.pages[0]!.json['@odata.context']).toBe(`${t.url}/v1.0/$metadata#Collection(message)`);
    expect(first.items.map((m) => m.subject)).toEqual(['One', 'Two', 'Three', 'Four', 'Five']);
    expect(Object.keys(first.items[0]!).sort()).toEqual(['@odata.etag', '@odata.type', 'id', 'isRead', 'subject']);
    expect(first.items[0]!['@odata.type']).toBe('#microsoft.graph.message');

    // Nothing changed: the next round is empty.
    const idle = await round(first.deltaLink);
    expect(idle.items).toEqual([]);

    // One message is read, one arrives: the next round has exactly those, oldest change first, once each.
    expect((await t.request(`/mail/${LEE}/${encodeURIComponent(second!)}`)).status).toBe(200);
    await sendFromMegan(LEE, 'Six');
    const changes = await round(idle.deltaLink);
    expect(changes.items.map((m) => [m.subject, m.isRead])).toEqual([
      ['Two', true],
      ['Six', false],
    ]);
    expect(changes.items[0]!.id).toBe(second);
    // The read mark gave the message a new change key, as Exchange does.
    const before = first.items.find((m) => m.id === second)!;
    expect(changes.items[0]!['@odata.etag']).not.toBe(before['@odata.etag']);
    expect((await round(changes.deltaLink)).items).toEqual([]);
  });

  it('keeps receivedDateTime ge/gt in the tokens and leaves older messages out of every round', async () => {
    const NESTOR = `nestor.wilke@${DOMAIN}`;
    seed(
      NESTOR,
      ['Old', 'Boundary', 'New'],
      (i) => ['2025-06-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-03-01T08:00:00Z'][i]!,
    );
    const base = `/users/${NESTOR}/mailFolders/Inbox/messages/delta`;
    const ge = await round(`${base}?$filter=receivedDateTime ge 2026-01-01T00:00:00Z&$select=subject`);
    expect(ge.items.map((m) => m.subject)).toEqual(['Boundary', 'New']);
    const gt = await round(`${base}?$filter=receivedDateTime+gt+2026-01-01T00:00:00Z&$select=subject`);
    expect(gt.items.map((m) => m.subject)).toEqual(['New']);
    // A date alone is midnight UTC, as Graph reads it.
    const day = await round(`${base}?$filter=receivedDateTime ge 2026-02-01&$select=subject`);
    expect(day.items.map((m) => m.subject)).toEqual(['New']);

    seed(NESTOR, ['Late old', 'Late new'], (i) => ['2025-12-31T23:59:59Z', '2026-04-01T00:00:00Z'][i]!);
    const next = await round(ge.deltaLink);
    expect(next.items.map((m) => m.subject)).toEqual(['Late new']);
    expect(Object.keys(next.items[0]!)).toContain('subject');
    expect(next.items[0]!.body).toBeUndefined();
  });

  it('keeps Inbox and Sent Items apart, each with its own tokens', async () => {
    const PATTI = `patti.fernandez@${DOMAIN}`;
    const sentStart = await round(`/users/${MEGAN}/mailFolders/SentItems/messages/delta?$select=subject`);
    const inboxStart = await round(`/users/${MEGAN}/mailFolders/inbox/messages/delta?$select=subject`);
    const pattiStart = await round(`/users/${PATTI}/mailFolders/inbox/messages/delta?$select=subject`);
    await sendFromMegan(PATTI, 'To Patti');
    expect((await round(sentStart.deltaLink)).items.map((m) => m.subject)).toEqual(['To Patti']);
    expect((await round(inboxStart.deltaLink)).items).toEqual([]);
    expect((await round(pattiStart.deltaLink)).items.map((m) => m.subject)).toEqual(['To Patti']);

    // A token is bound to its folder and mailbox.
    const wrongFolder = await t.graph(sentStart.deltaLink.replace('/SentItems/', '/inbox/'), app);
    expect(wrongFolder.status).toBe(410);
    const unknownFolder = await t.graph(`/users/${MEGAN}/mailFolders/archive/messages/delta`, app);
    expect(unknownFolder.json.error.code).toBe('ErrorItemNotFound');
  });

  it('answers 410 SyncStateNotFound once the expireDeltaTokens knob has expired the mailbox’s tokens', async () => {
    const ALEX = `alex.wilber@${DOMAIN}`;
    seed(ALEX, ['Kept']);
    const first = await round(`/users/${ALEX}/mailFolders/inbox/messages/delta`);
    t.tenant.knobs.update({ expireDeltaTokens: ALEX });
    const gone = await t.graph(first.deltaLink, app);
    expect(gone.status).toBe(410);
    expect(gone.json.error.code).toBe('SyncStateNotFound');
    expect(gone.json.error.message).toMatch(/^The sync state generation is not found; generation=\d+;\[highest=\d+\]/);
    // Another mailbox's tokens are untouched.
    const other = await round(`/users/${MEGAN}/mailFolders/inbox/messages/delta`);
    t.tenant.knobs.update({ expireDeltaTokens: ALEX });
    expect((await t.graph(other.deltaLink, app)).status).toBe(200);
  });

  it('refuses filters other than receivedDateTime ge/gt, and options it does not implement, with 400', async () => {
    const base = `/users/${MEGAN}/mailFolders/inbox/messages/delta`;
    for (const filter of [
      "subject eq 'x'",
      'receivedDateTime lt 2026-01-01T00:00:00Z',
      "receivedDateTime ge '2026-01-01T00:00:00Z'",
      'receivedDateTime ge soon',
    ]) {
      const r = await t.graph(`${base}?$filter=${encodeURIComponent(filter)}`, app);
      expect(r.status, filter).toBe(400);
      expect(r.json.error).toMatchObject({
        code: 'ErrorInvalidUrlQuery',
        message:
          "The '$filter' parameter value is not supported for 'Messages' resource; only a value of 'receivedDateTime ge value' is supported.",
      });
    }
    expect((await t.graph(`${base}?$orderby=receivedDateTime desc`, app)).status).toBe(400);
    expect((await t.graph(`${base}?changeType=created`, app)).status).toBe(400);
    expect((await t.graph(`${base}?$select=nope`, app)).status).toBe(400);
  });

  it('needs a Mail read permission (403 without), reaches only the own mailbox delegated, and leaves bodies to Mail.Read', async () => {
    // Fabrikam's administrator consented to Mail.ReadBasic (delegated) and to no Mail role for the app itself.
    t.tenant.registerApp(
      testApp({ graphDelegatedPermissions: [...testApp().graphDelegatedPermissions, 'Mail.ReadBasic'] }),
    );
    await grantAdminConsent(t, FABRIKAM_TENANT_ID, `admin@${FABRIKAM}`);
    t.tenant.registerApp(mailReadingApp(['Mail.Read', 'Mail.ReadBasic']));
    const JONAS = `jonas.weber@${FABRIKAM}`;
    t.tenant.seedMessages(JONAS, [{ subject: 'Private', receivedDateTime: '2026-01-01T09:00:00Z' }]);
    const fabrikamApp = await appGraphToken(t, FABRIKAM_TENANT_ID);
    const denied = await t.graph(`/users/${JONAS}/mailFolders/inbox/messages/delta`, fabrikamApp);
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('ErrorAccessDenied');
    const basic = await t.ropc(JONAS, 'https://graph.microsoft.com/Mail.ReadBasic');
    expect((await t.graph(`/users/lena.schmidt@${FABRIKAM}/mailFolders/inbox/messages/delta`, basic)).status).toBe(403);
    const basicRound = await round('/me/mailFolders/inbox/messages/delta', basic);
    expect(basicRound.items[0]).toMatchObject({ subject: 'Private' });
    expect(basicRound.items[0]!.body).toBeUndefined();
    expect(basicRound.items[0]!.bodyPreview).toBeUndefined();

    const DIEGO = `diego.siciliani@${DOMAIN}`;
    seed(DIEGO, ['Full']);
    const full = await t.ropc(DIEGO, 'https://graph.microsoft.com/Mail.Read');
    const fullRound = await round('/me/mailFolders/inbox/messages/delta', full);
    expect(fullRound.items[0]!.body).toEqual({ contentType: 'text', content: 'Full' });
  });

  it('takes the function form delta() and Prefer: outlook.body-content-type="text"', async () => {
    const JOHANNA = `johanna.lorenz@${DOMAIN}`;
    t.tenant.seedMessages(JOHANNA, [
      {
        subject: 'Html',
        receivedDateTime: '2026-02-01T10:00:00Z',
        body: { contentType: 'html', content: '<p>Hi&nbsp;there</p>' },
      },
    ]);
    const fn = await round(`/users/${JOHANNA}/mailFolders/inbox/messages/delta()?$select=body`, app, {
      Prefer: 'outlook.body-content-type="text"',
    });
    expect(fn.pages[0]!.headers.get('preference-applied')).toBe(
      'odata.track-changes, outlook.body-content-type="text"',
    );
    expect(fn.items[0]!.body).toEqual({ contentType: 'text', content: 'Hi there' });
    expect(fn.deltaLink).toMatch(/\/messages\/delta\(\)\?\$deltatoken=/);
    expect((await round(fn.deltaLink)).items).toEqual([]);
  });

  it('takes $top as Outlook does: a cap on the first round (the newest messages), not a page size', async () => {
    const LYNNE = `lynne.robbins@${DOMAIN}`;
    seed(
      LYNNE,
      Array.from({ length: 15 }, (_, i) => `M${i + 1}`),
      (i) => `2026-01-${String(i + 1).padStart(2, '0')}T09:00:00Z`,
    );
    const capped = await round(`/users/${LYNNE}/mailFolders/inbox/messages/delta?$top=12&$select=subject`);
    expect(capped.pages.map((p) => p.json.value.length)).toEqual([10, 2]);
    expect(capped.items.map((m) => m.subject)).toEqual(Array.from({ length: 12 }, (_, i) => `M${i + 4}`));
    // The three older ones never come: they did not change.
    expect((await round(capped.deltaLink)).items).toEqual([]);
  });

  it('reads messages stored before change sequences existed, and sequences new mail after them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'devtenant-legacy-'));
    const stateFile = path.join(dir, 'state.json');
    const adeleId = 'c0a1d2e3-0004-4a00-8000-00000000c004';
    const legacy = {
      id: 'AAMkADlegacy',
      folder: 'inbox',
      subject: 'From last year',
      body: { contentType: 'text', content: 'old' },
      from: { emailAddress: { address: 'customer@example.org' } },
      sender: { emailAddress: { address: 'customer@example.org' } },
      toRecipients: [],
      ccRecipients: [],
      bccRecipients: [],
      replyTo: [],
      sentDateTime: '2025-05-01T09:00:00Z',
      receivedDateTime: '2025-05-01T09:00:00Z',
      createdDateTime: '2025-05-01T09:00:00Z',
      lastModifiedDateTime: '2025-05-01T09:00:00Z',
      isRead: false,
      internetMessageId: '<legacy@example.org>',
      conversationId: 'AAQkADlegacy',
      changeKey: 'legacyKey',
    };
    writeFileSync(
      stateFile,
      JSON.stringify({
        version: 1,
        consents: [],
        mailboxes: { [adeleId]: { userId: adeleId, mailFolders: { inbox: [legacy], sentitems: [] } } },
        externalMail: [],
      }),
    );
    const old = await startTestTenant({ stateFile });
    try {
      old.tenant.registerApp(mailReadingApp(['Mail.Read', 'Mail.ReadBasic']));
      await grantAdminConsent(old, CONTOSO_TENANT_ID, `admin@${DOMAIN}`);
      const token = await appGraphToken(old, CONTOSO_TENANT_ID);
      const ADELE = `adele.vance@${DOMAIN}`;
      const first = await round(
        `/users/${ADELE}/mailFolders/inbox/messages/delta?$select=subject,isRead`,
        token,
        {},
        old,
      );
      expect(first.items.map((m) => m.subject)).toEqual(['From last year']);
      expect((await old.request(`/mail/${ADELE}/AAMkADlegacy`)).status).toBe(200);
      old.tenant.seedMessages(ADELE, [{ subject: 'Seeded', receivedDateTime: '2026-01-01T00:00:00Z' }]);
      const next = await round(first.deltaLink, token, {}, old);
      expect(next.items.map((m) => [m.subject, m.isRead])).toEqual([
        ['From last year', true],
        ['Seeded', false],
      ]);
    } finally {
      await old.close();
    }
  });
});
