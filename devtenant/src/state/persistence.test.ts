import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../seed/seedTenants.js';
import { grantAdminConsent, startTestTenant, TEST_CLIENT_ID, TEST_SECRET } from '../test/testTenant.js';

describe('persistence', () => {
  it('keeps consents, mailboxes and the signing key across restarts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'devtenant-state-'));
    const files = { stateFile: path.join(dir, 'state.json'), signingKeyFile: path.join(dir, 'key.json') };
    const first = await startTestTenant(files);
    await grantAdminConsent(first, CONTOSO_TENANT_ID, 'admin@contoso.onmicrosoft.com');
    const token = await first.ropc('megan.bowen@contoso.onmicrosoft.com', 'https://graph.microsoft.com/Mail.Send');
    await first.graph('/me/sendMail', token, {
      body: {
        message: { subject: 'Kept', toRecipients: [{ emailAddress: { address: 'lee.gu@contoso.onmicrosoft.com' } }] },
      },
    });
    const event = await first.graph('/me/events', token, {
      body: {
        subject: 'Kept event',
        start: { dateTime: '2026-02-02T09:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-02-02T10:00:00', timeZone: 'UTC' },
      },
    });
    const delta = await first.graph(
      '/me/calendarView/delta?startDateTime=2026-02-01T00:00:00Z&endDateTime=2026-03-01T00:00:00Z',
      token,
    );
    const deltaLink = String(delta.json['@odata.deltaLink']).replace(`${first.url}/v1.0`, '');
    const contactsToken = await first.ropc(
      'megan.bowen@contoso.onmicrosoft.com',
      'https://graph.microsoft.com/Contacts.ReadWrite',
    );
    const contact = await first.graph('/me/contacts', contactsToken, {
      body: { givenName: 'Kept', surname: 'Contact' },
    });
    const firstKid = (await first.request('/common/discovery/v2.0/keys')).json.keys[0].kid;
    await first.close();
    expect(JSON.parse(readFileSync(files.signingKeyFile, 'utf8'))).toHaveProperty('keyPem');

    const second = await startTestTenant(files);
    try {
      const cc = await second.token(CONTOSO_TENANT_ID, {
        grant_type: 'client_credentials',
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_SECRET,
        scope: 'https://graph.microsoft.com/.default',
      });
      expect(cc.status).toBe(200);
      const inbox = await second.request('/_devtenant/api/mailboxes/lee.gu@contoso.onmicrosoft.com/messages');
      expect(inbox.json.value.map((m: { subject: string }) => m.subject)).toEqual(['Kept']);
      expect((await second.request('/common/discovery/v2.0/keys')).json.keys[0].kid).toBe(firstKid);
      // Calendars persist; delta sync states do not (a restart answers 410 like an evicted state).
      const again = await second.graph(
        `/users/megan.bowen@contoso.onmicrosoft.com/events/${event.json.id}`,
        cc.json.access_token,
      );
      expect(again.json).toMatchObject({ subject: 'Kept event', changeKey: event.json.changeKey });
      const contactAgain = await second.graph(
        `/users/megan.bowen@contoso.onmicrosoft.com/contacts/${contact.json.id}`,
        cc.json.access_token,
      );
      expect(contactAgain.json).toMatchObject({ displayName: 'Kept Contact', changeKey: contact.json.changeKey });
      expect(
        (
          await second.graph(
            deltaLink.replace('/me/', '/users/megan.bowen@contoso.onmicrosoft.com/'),
            cc.json.access_token,
          )
        ).status,
      ).toBe(410);
    } finally {
      await second.close();
    }
  });
});
