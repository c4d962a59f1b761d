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
    await first.graph('/me/sendMail', token, { body: { message: { subject: 'Kept', toRecipients: [{ emailAddress: { address: 'lee.gu@contoso.onmicrosoft.com' } }] } } });
    const firstKid = (await first.request('/common/discovery/v2.0/keys')).json.keys[0].kid;
    await first.close();
    expect(JSON.parse(readFileSync(files.signingKeyFile, 'utf8'))).toHaveProperty('keyPem');

    const second = await startTestTenant(files);
    try {
      const cc = await second.token(CONTOSO_TENANT_ID, { grant_type: 'client_credentials', client_id: TEST_CLIENT_ID, client_secret: TEST_SECRET, scope: 'https://graph.microsoft.com/.default' });
      expect(cc.status).toBe(200);
      const inbox = await second.request('/_devtenant/api/mailboxes/lee.gu@contoso.onmicrosoft.com/messages');
      expect(inbox.json.value.map((m: { subject: string }) => m.subject)).toEqual(['Kept']);
      expect((await second.request('/common/discovery/v2.0/keys')).json.keys[0].kid).toBe(firstKid);
    } finally {
      await second.close();
    }
  });
});
