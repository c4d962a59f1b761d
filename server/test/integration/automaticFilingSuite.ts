import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBinding } from '../../src/sync/bindings.js';
import { fileSentMessages } from '../../src/sync/mail/filesOnSend.js';
import { runBinding } from '../../src/sync/syncCommands.js';
import { installTenant, joinByInvitation } from '../fixtures.js';
import { inbox, receiveFromOutside, sendFromMailbox } from '../mailboxes.js';
import { startStack, type Stack } from '../stack.js';
import { dropTestSchemas, TEST_DATABASE_URL, type StoreKind } from '../stores.js';

const ADMIN = 'admin@contoso.onmicrosoft.com';
const MEGAN = 'megan.bowen@contoso.onmicrosoft.com';
const FABRIKAM_ADMIN = 'admin@fabrikam.onmicrosoft.com';
const GARTH = 'garth.fort@northwind.example';
const STRANGER = 'someone@elsewhere.example';
/**
 * The add-in's custom properties as Outlook keeps them on a draft and its sent copy: one JSON string property named
 * after the manifest id (the local package's, TEAMS_APP_ID's default).
 */
const draftProperty = (token: string) => ({
  id: 'String {00020329-0000-0000-C000-000000000046} Name cecp-8b1d4f6e-2c7a-4e9b-9f3d-5a6c0e2b7d14',
  value: JSON.stringify({ crmFiling: token }),
});

/**
 * Automatic filing (docs/product-rules.md#r-automatic-filing) through the API and the sync engine, with Graph's
 * message delta played by the local tenant, on the given store. Runs are started by the test (runJobs: false).
 */
export function automaticFilingSuite(kind: StoreKind['name'], available: boolean): void {
  describe.skipIf(!available)(`automatic e-mail filing (${kind})`, () => {
    let stack: Stack;
    let admin: string;
    let megan: string;
    let fabrikam: string;
    let garthId: string;
    const schema = `test_autofile_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;

    const userIdOf = async (token: string) =>
      (await stack.api<{ user: { id: string } }>('/api/me', { token })).body.user.id;
    const run = async (token: string) => {
      const binding = await findBinding(stack.store.db, await userIdOf(token), 'mail');
      await runBinding(stack.deps.sync, binding!.id);
    };
    const filedSubjects = async () =>
      (await stack.store.db.selectFrom('filed_mails').select('subject').orderBy('subject').execute()).map(
        (row) => row.subject,
      );
    const timeline = async (token: string, contactId: string) =>
      (
        await stack.api<{ entries: { kind: string; subject: string }[] }>(
          `/api/contacts/${contactId}/timeline?limit=50`,
          { token },
        )
      ).body.entries;

    beforeAll(async () => {
      stack = await startStack({
        runJobs: false,
        ...(kind === 'postgres' ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema } : {}),
      });
      admin = await installTenant(stack, ADMIN);
      megan = await joinByInvitation(stack, admin, MEGAN);
      fabrikam = await installTenant(stack, FABRIKAM_ADMIN);
      garthId = String(
        (
          await stack.api('/api/contacts', {
            token: admin,
            method: 'POST',
            body: { firstName: 'Garth', lastName: 'Fort', email: GARTH },
          })
        ).body.id,
      );
      // Before filing is turned on: the last 30 days count, older mail does not.
      await receiveFromOutside(stack, { from: GARTH, to: [ADMIN], subject: 'Before turning on', body: 'Hi' });
      stack.tenant.seedMessages(ADMIN, [
        {
          subject: 'Long ago',
          receivedDateTime: new Date(Date.now() - 40 * 86_400_000).toISOString(),
          from: { address: GARTH },
        },
        {
          subject: 'Three weeks ago',
          receivedDateTime: new Date(Date.now() - 21 * 86_400_000).toISOString(),
          from: { address: GARTH },
        },
      ]);
    });
    afterAll(async () => {
      await stack?.close();
      if (kind === 'postgres') await dropTestSchemas(schema);
    });

    it('is off until the user turns it on, and then files the recent mails with contacts', async () => {
      const off = await stack.api<{ enabled: boolean; kind: string }>('/api/sync/mail', { token: admin });
      expect(off.body).toMatchObject({ kind: 'mail', enabled: false });

      const on = await stack.api<{ enabled: boolean; stage: string }>('/api/sync/mail/enable', {
        token: admin,
        method: 'POST',
      });
      expect(on.status).toBe(200);
      expect(on.body).toMatchObject({ enabled: true, stage: 'initial' });
      // Nothing is made in the mailbox: no folder, and Outlook keeps the mails where they are.
      await run(admin);
      expect(await filedSubjects()).toEqual(['Before turning on', 'Three weeks ago']);
      const status = await stack.api<{ stage: string; linkedCount: number; log: { reason: string }[] }>(
        '/api/sync/mail',
        { token: admin },
      );
      expect(status.body.stage).toBe('incremental');
      expect(status.body.linkedCount).toBe(2);
      expect(status.body.log.map((entry) => entry.reason)).toContain('filed on its CRM contacts');
      expect((await timeline(admin, garthId)).map((entry) => entry.subject)).toEqual([
        'Before turning on',
        'Three weeks ago',
      ]);
    });

    it('files received and sent mails with contacts, and leaves out private, colleagues-only and contact-less mail', async () => {
      await receiveFromOutside(stack, { from: GARTH, to: [ADMIN], subject: 'Order 4711', body: 'Please confirm' });
      await receiveFromOutside(stack, {
        from: GARTH,
        to: [ADMIN],
        subject: 'Private note',
        body: 'Just between us',
        sensitivity: 'private',
      });
      await receiveFromOutside(stack, { from: STRANGER, to: [ADMIN], subject: 'Newsletter', body: 'Buy now' });
      await sendFromMailbox(stack, ADMIN, { to: [MEGAN], subject: 'Lunch?', body: 'Colleagues only' });
      await sendFromMailbox(stack, ADMIN, { to: [GARTH], subject: 'Your quote', body: 'Attached soon' });
      await run(admin);
      expect(await filedSubjects()).toEqual(['Before turning on', 'Order 4711', 'Three weeks ago', 'Your quote']);
    });

    it('files nothing twice: a page read again, a mail read in Outlook, a mail taken off its contact', async () => {
      await run(admin);
      expect(await filedSubjects()).toEqual(['Before turning on', 'Order 4711', 'Three weeks ago', 'Your quote']);

      const order = await stack.store.db
        .selectFrom('filed_mails')
        .select('id')
        .where('subject', '=', 'Order 4711')
        .executeTakeFirstOrThrow();
      const removed = await stack.api(`/api/mails/${order.id}/contacts/${garthId}`, {
        token: admin,
        method: 'DELETE',
      });
      expect(removed.status).toBeLessThan(300);
      // Reading it in Outlook changes the message, so the delta hands it over again.
      const message = (await inbox(stack, ADMIN)).find((m) => m.subject === 'Order 4711')!;
      await stack.fetch(`${stack.tenant.url}/mail/${encodeURIComponent(ADMIN)}/${encodeURIComponent(message.id)}`);
      await run(admin);
      expect(await filedSubjects()).toEqual(['Before turning on', 'Three weeks ago', 'Your quote']);
    });

    it('a mail filed by two colleagues is one record, with both as filers', async () => {
      await stack.api('/api/sync/mail/enable', { token: megan, method: 'POST' });
      await run(megan);
      await receiveFromOutside(stack, { from: GARTH, to: [ADMIN, MEGAN], subject: 'To you both', body: 'Hello' });
      await run(admin);
      await run(megan);
      const rows = await stack.store.db
        .selectFrom('filed_mails')
        .innerJoin('filed_mail_filers', 'filed_mail_filers.filed_mail_id', 'filed_mails.id')
        .select(['filed_mails.id', 'filed_mail_filers.user_id'])
        .where('filed_mails.subject', '=', 'To you both')
        .execute();
      expect(new Set(rows.map((row) => row.id)).size).toBe(1);
      expect(rows.map((row) => row.user_id).sort()).toEqual([await userIdOf(admin), await userIdOf(megan)].sort());
    });

    it('never files on another organisation’s contacts', async () => {
      await stack.api('/api/sync/mail/enable', { token: fabrikam, method: 'POST' });
      await receiveFromOutside(stack, { from: GARTH, to: [FABRIKAM_ADMIN], subject: 'To Fabrikam', body: 'Hi' });
      await run(fabrikam);
      expect(await filedSubjects()).not.toContain('To Fabrikam');
    });

    it('an expired delta cursor reads the last 30 days again without filing anything twice', async () => {
      const before = await stack.store.db.selectFrom('filed_mails').select('id').execute();
      expect(stack.tenant.expireDeltaTokens(ADMIN)).toBeGreaterThan(0);
      await receiveFromOutside(stack, { from: GARTH, to: [ADMIN], subject: 'After expiry', body: 'Hi' });
      await run(admin);
      const after = await stack.store.db.selectFrom('filed_mails').select(['id', 'subject']).execute();
      expect(after.length).toBe(before.length + 1);
      expect(after.map((row) => row.subject)).toContain('After expiry');
      const status = await stack.api<{ log: { reason: string }[] }>('/api/sync/mail', { token: admin });
      expect(status.body.log.some((entry) => entry.reason.includes('30'))).toBe(true);
    });

    it('a run that fails mid-page commits nothing of that page, and the next run files it once', async () => {
      // Graph asks to wait longer than a run waits in place: the run ends before the page's transaction opens.
      stack.tenant.knobs.update({ faults: [{ status: 503, retryAfterSeconds: 120, pathContains: '/attachments' }] });
      const binding = (await findBinding(stack.store.db, await userIdOf(admin), 'mail'))!;
      const cursorBefore = binding.delta_link;
      await sendFromMailbox(stack, ADMIN, {
        to: [GARTH],
        subject: 'With a file',
        body: 'See attached',
        attachment: { name: 'quote.pdf', contentBase64: 'JVBERi0xLjQK' },
      });
      await expect(run(admin)).rejects.toThrow();
      expect(await filedSubjects()).not.toContain('With a file');
      const sentItemsCursor = (link: string | null) => (JSON.parse(link ?? '{}') as { sentitems?: string }).sentitems;
      const after = (await findBinding(stack.store.db, binding.user_id, 'mail'))!;
      expect(sentItemsCursor(after.delta_link)).toBe(sentItemsCursor(cursorBefore));
      // The two minutes Graph asked for have passed.
      await stack.store.db.deleteFrom('mailbox_blocks').execute();

      await run(admin);
      await run(admin);
      const filed = await stack.store.db
        .selectFrom('filed_mails')
        .select(['subject', 'attachments'])
        .where('subject', '=', 'With a file')
        .execute();
      expect(filed).toHaveLength(1);
      expect(JSON.parse(filed[0]!.attachments)).toEqual([
        { name: 'quote.pdf', size: 9, contentType: expect.any(String) },
      ]);
    });

    it('turning it off keeps what was filed and files nothing new', async () => {
      const before = await filedSubjects();
      const off = await stack.api<{ enabled: boolean }>('/api/sync/mail/disable', { token: admin, method: 'POST' });
      expect(off.status).toBe(200);
      expect(off.body.enabled).toBe(false);
      await receiveFromOutside(stack, { from: GARTH, to: [ADMIN], subject: 'After turning off', body: 'Hi' });
      await run(admin);
      expect(await filedSubjects()).toEqual(before);
    });

    it('File when sent: the sent copy with the mark is filed on its contacts once; a mark taken back files nothing', async () => {
      const marked = await stack.api<{ token: string; property: string }>('/api/mails/on-send', {
        token: admin,
        method: 'POST',
      });
      expect(marked.status).toBe(201);
      expect(marked.body.property).toBe('crmFiling');
      await sendFromMailbox(stack, ADMIN, {
        to: [GARTH, STRANGER],
        subject: 'Sent with a mark',
        body: 'Filed once sent',
        properties: [draftProperty(marked.body.token)],
      });
      const takenBack = await stack.api<{ token: string }>('/api/mails/on-send', { token: admin, method: 'POST' });
      expect(
        (await stack.api(`/api/mails/on-send/${takenBack.body.token}`, { token: megan, method: 'DELETE' })).status,
      ).toBe(404);
      expect(
        (await stack.api(`/api/mails/on-send/${takenBack.body.token}`, { token: admin, method: 'DELETE' })).status,
      ).toBe(204);
      await sendFromMailbox(stack, ADMIN, {
        to: [GARTH],
        subject: 'Mark taken back',
        body: 'Not filed',
        properties: [draftProperty(takenBack.body.token)],
      });

      await fileSentMessages(stack.deps.sync);
      await fileSentMessages(stack.deps.sync);
      const filed = await stack.store.db
        .selectFrom('filed_mails')
        .select(['subject', 'id'])
        .where('subject', 'in', ['Sent with a mark', 'Mark taken back'])
        .execute();
      expect(filed.map((row) => row.subject)).toEqual(['Sent with a mark']);
      const links = await stack.store.db
        .selectFrom('filed_mail_links')
        .select('contact_id')
        .where('filed_mail_id', '=', filed[0]!.id)
        .execute();
      expect(links.map((link) => link.contact_id)).toEqual([garthId]);
      expect(await stack.store.db.selectFrom('files_on_send').selectAll().execute()).toEqual([]);
    });

    it('File when sent waits for a message not sent yet, asking Sent Items less often as time goes by', async () => {
      const marked = await stack.api<{ token: string }>('/api/mails/on-send', { token: admin, method: 'POST' });
      await fileSentMessages(stack.deps.sync);
      const [waiting] = await stack.store.db
        .selectFrom('files_on_send')
        .selectAll()
        .where('token', '=', marked.body.token)
        .execute();
      expect(waiting?.checks).toBe(1);
      expect(Date.parse(waiting!.next_check_at)).toBeGreaterThan(Date.now() + 10_000);
    });
  });
}
