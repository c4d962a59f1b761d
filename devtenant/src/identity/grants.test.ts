import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID, FABRIKAM_TENANT_ID } from '../seed/seedTenants.js';
import {
  API_SCOPE,
  formOf,
  grantAdminConsent,
  signInThroughPages,
  startTestTenant,
  TEST_CLIENT_ID,
  TEST_SECRET,
  WEB_REDIRECT,
  type TestTenant,
} from '../test/testTenant.js';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(async () => t.close());

const clientCredentials = (tenant: string, auth: 'body' | 'basic' = 'body', secret = TEST_SECRET) =>
  auth === 'body'
    ? t.token(tenant, {
        grant_type: 'client_credentials',
        client_id: TEST_CLIENT_ID,
        client_secret: secret,
        scope: 'https://graph.microsoft.com/.default',
      })
    : t.token(
        tenant,
        { grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' },
        {
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(TEST_CLIENT_ID)}:${encodeURIComponent(secret)}`).toString('base64')}`,
        },
      );

const obo = (assertion: string, scope: string) =>
  t.token(
    'organizations',
    {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      client_id: TEST_CLIENT_ID,
      client_secret: TEST_SECRET,
      assertion,
      scope,
      requested_token_use: 'on_behalf_of',
      client_info: '1',
    },
    { 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001' },
  );

describe('password grant (ROPC)', () => {
  it('issues tokens for a seeded account and refuses a wrong password', async () => {
    const ok = await t.token('contoso.onmicrosoft.com', {
      grant_type: 'password',
      client_id: TEST_CLIENT_ID,
      username: 'adele.vance@contoso.onmicrosoft.com',
      password: t.tenant.password,
      scope: `${API_SCOPE} openid profile offline_access`,
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ token_type: 'Bearer', scope: `${API_SCOPE} openid profile` });
    expect(ok.json.expires_in).toBe(ok.json.ext_expires_in);
    expect(ok.json.id_token && ok.json.refresh_token && ok.json.client_info).toBeTruthy();

    const bad = await t.token('organizations', {
      grant_type: 'password',
      client_id: TEST_CLIENT_ID,
      username: 'adele.vance@contoso.onmicrosoft.com',
      password: 'x',
      scope: API_SCOPE,
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'invalid_grant', error_codes: [50126] });

    const otherTenant = await t.token('fabrikam.onmicrosoft.com', {
      grant_type: 'password',
      client_id: TEST_CLIENT_ID,
      username: 'adele.vance@contoso.onmicrosoft.com',
      password: t.tenant.password,
      scope: API_SCOPE,
    });
    expect(otherTenant.json.error_codes).toEqual([50034]);
  });

  it('rejects a wrong client secret with 401 invalid_client', async () => {
    const r = await t.token('organizations', {
      grant_type: 'password',
      client_id: TEST_CLIENT_ID,
      client_secret: 'wrong',
      username: 'lee.gu@contoso.onmicrosoft.com',
      password: t.tenant.password,
      scope: API_SCOPE,
    });
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
  });

  it('rejects an unknown client like Entra', async () => {
    const r = await t.token(CONTOSO_TENANT_ID, {
      grant_type: 'password',
      client_id: '00000000-1111-2222-3333-444444444444',
      username: 'lee.gu@contoso.onmicrosoft.com',
      password: t.tenant.password,
      scope: API_SCOPE,
    });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('unauthorized_client');
    expect(r.json.error_description).toMatch(
      /^AADSTS700016: Application with identifier '00000000-1111-2222-3333-444444444444' was not found in the directory 'Contoso'/,
    );
  });
});

describe('refresh token grant', () => {
  it('returns new tokens and a new refresh token, for another resource too', async () => {
    const first = await t.token('organizations', {
      grant_type: 'password',
      client_id: TEST_CLIENT_ID,
      client_secret: TEST_SECRET,
      username: 'nestor.wilke@contoso.onmicrosoft.com',
      password: t.tenant.password,
      scope: `${API_SCOPE} offline_access`,
    });
    const refreshed = await t.token('organizations', {
      grant_type: 'refresh_token',
      client_id: TEST_CLIENT_ID,
      client_secret: TEST_SECRET,
      refresh_token: first.json.refresh_token,
      scope: 'https://graph.microsoft.com/User.Read offline_access',
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.refresh_token).toBeTruthy();
    expect(refreshed.json.refresh_token).not.toBe(first.json.refresh_token);
    expect(decodeJwt(refreshed.json.access_token)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      upn: 'nestor.wilke@contoso.onmicrosoft.com',
    });

    const garbage = await t.token('organizations', {
      grant_type: 'refresh_token',
      client_id: TEST_CLIENT_ID,
      client_secret: TEST_SECRET,
      refresh_token: 'nope',
      scope: API_SCOPE,
    });
    expect(garbage.status).toBe(400);
    expect(garbage.json.error).toBe('invalid_grant');
  });
});

describe('admin consent, client credentials and on-behalf-of', () => {
  it('refuses app-only tokens before consent and grants them after the admin accepts', async () => {
    const before = await clientCredentials(CONTOSO_TENANT_ID);
    expect(before.status).toBe(400);
    expect(before.json.error).toBe('unauthorized_client');
    expect(before.json.error_codes).toEqual([700016]);
    expect(before.json.error_description).toMatch(
      /^AADSTS700016: Application with identifier '6a1f0c3e-2b7d-4e59-9c84-3d2e1f0a9b17' was not found in the directory/,
    );

    const browser = t.browser();
    const consentPage = await signInThroughPages(
      browser,
      `/${CONTOSO_TENANT_ID}/adminconsent?client_id=${TEST_CLIENT_ID}&redirect_uri=${encodeURIComponent(WEB_REDIRECT)}&state=xyz`,
      'admin@contoso.onmicrosoft.com',
      t.tenant.password,
    );
    expect(consentPage.text).toContain('<title>Permissions requested</title>');
    expect(consentPage.text).toContain('CRM Test App');
    expect(consentPage.text).toContain('Mail.Send');
    expect(consentPage.text).toContain('User.Read.All');
    expect(consentPage.text).toContain('>Accept</button>');
    expect(consentPage.text).toContain('>Cancel</button>');
    const interaction = /name="interaction" value="([^"]+)"/.exec(consentPage.text)![1]!;
    const accepted = await browser.post(`/${CONTOSO_TENANT_ID}/adminconsent/decision`, {
      interaction,
      decision: 'accept',
    });
    expect(accepted.status).toBe(302);
    const location = new URL(accepted.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(WEB_REDIRECT);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      admin_consent: 'True',
      tenant: CONTOSO_TENANT_ID,
      state: 'xyz',
    });

    const after = await clientCredentials(CONTOSO_TENANT_ID, 'basic');
    expect(after.status).toBe(200);
    expect(after.json.refresh_token).toBeUndefined();
    const claims = decodeJwt(after.json.access_token);
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: CONTOSO_TENANT_ID,
      appid: TEST_CLIENT_ID,
      idtyp: 'app',
      ver: '1.0',
    });
    expect(claims.roles).toEqual(['User.Read.All', 'Mail.Send', 'Calendars.ReadWrite', 'Contacts.ReadWrite']);
    expect(claims.scp).toBeUndefined();

    expect((await clientCredentials(FABRIKAM_TENANT_ID)).json.error_codes).toEqual([700016]);
    expect((await clientCredentials(CONTOSO_TENANT_ID, 'body', 'wrong')).status).toBe(401);

    const consents = await t.request('/_devtenant/api/consents');
    expect(consents.json.value).toEqual([
      expect.objectContaining({
        tenantId: CONTOSO_TENANT_ID,
        clientId: TEST_CLIENT_ID,
        grantedBy: 'admin@contoso.onmicrosoft.com',
      }),
    ]);
  });

  it('exchanges an API token on behalf of a user within the consented scopes', async () => {
    const apiToken = await t.ropc(
      'patti.fernandez@contoso.onmicrosoft.com',
      `${API_SCOPE} openid profile offline_access`,
    );
    const r = await obo(apiToken, 'https://graph.microsoft.com/Mail.Send offline_access');
    expect(r.status).toBe(200);
    expect(r.json.refresh_token).toBeTruthy();
    const claims = decodeJwt(r.json.access_token);
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      upn: 'patti.fernandez@contoso.onmicrosoft.com',
      appid: TEST_CLIENT_ID,
      ver: '1.0',
    });
    expect(String(claims.scp).split(' ')).toEqual(expect.arrayContaining(['Mail.Send', 'User.ReadBasic.All']));
  });

  it('answers consent_required where the admin has not consented', async () => {
    const apiToken = await t.ropc('jonas.weber@fabrikam.onmicrosoft.com', API_SCOPE);
    const r = await obo(apiToken, 'https://graph.microsoft.com/Mail.Send offline_access');
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({
      error: 'invalid_grant',
      error_codes: [65001],
      suberror: 'consent_required',
      correlation_id: 'c0ffee00-0000-4000-8000-000000000001',
    });
    expect(r.json.error_description).toMatch(
      /^AADSTS65001: The user or administrator has not consented to use the application with ID '6a1f0c3e-2b7d-4e59-9c84-3d2e1f0a9b17' named 'CRM Test App'/,
    );
    // What users may consent to alone still works.
    expect((await obo(apiToken, 'https://graph.microsoft.com/User.Read')).status).toBe(200);
  });

  it('refuses assertions that are not for this app', async () => {
    const graphToken = await t.ropc('lee.gu@contoso.onmicrosoft.com', 'https://graph.microsoft.com/User.Read');
    const r = await obo(graphToken, 'https://graph.microsoft.com/User.Read');
    expect(r.status).toBe(400);
    expect(r.json.error_codes).toEqual([50013]);
    const garbage = await obo('not-a-token', 'https://graph.microsoft.com/User.Read');
    expect(garbage.json.error).toBe('invalid_grant');
  });

  it('shows "Need admin approval" to a non-admin and changes nothing', async () => {
    const browser = t.browser();
    const page = await signInThroughPages(
      browser,
      `/${FABRIKAM_TENANT_ID}/adminconsent?client_id=${TEST_CLIENT_ID}&redirect_uri=${encodeURIComponent(WEB_REDIRECT)}&state=s`,
      'lena.schmidt@fabrikam.onmicrosoft.com',
      t.tenant.password,
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain('Need admin approval');
    expect(page.text).not.toContain('>Accept</button>');
    const forged = await browser.post(`/${FABRIKAM_TENANT_ID}/adminconsent/decision`, {
      interaction: formOf(page.text).interaction,
      decision: 'accept',
    });
    expect(forged.status).toBe(400);
    expect((await clientCredentials(FABRIKAM_TENANT_ID)).status).toBe(400);
  });

  it('redirects a cancelled consent with access_denied and records nothing', async () => {
    const browser = t.browser();
    const page = await signInThroughPages(
      browser,
      `/${FABRIKAM_TENANT_ID}/v2.0/adminconsent?client_id=${TEST_CLIENT_ID}&scope=https://graph.microsoft.com/.default&redirect_uri=${encodeURIComponent(WEB_REDIRECT)}&state=c`,
      'admin@fabrikam.onmicrosoft.com',
      t.tenant.password,
    );
    const interaction = /name="interaction" value="([^"]+)"/.exec(page.text)![1]!;
    const cancelled = await browser.post(`/${FABRIKAM_TENANT_ID}/adminconsent/decision`, {
      interaction,
      decision: 'cancel',
    });
    const params = new URL(cancelled.headers.get('location')!).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      error: 'access_denied',
      error_subcode: 'cancel',
      error_description: 'AADSTS65004: User declined to consent to access the app.',
      state: 'c',
    });
    expect((await clientCredentials(FABRIKAM_TENANT_ID)).status).toBe(400);
  });

  it('revokes a consent through the inspection API', async () => {
    await grantAdminConsent(t, FABRIKAM_TENANT_ID, 'admin@fabrikam.onmicrosoft.com');
    expect((await clientCredentials(FABRIKAM_TENANT_ID)).status).toBe(200);
    const removed = await t.request(`/_devtenant/api/consents/${FABRIKAM_TENANT_ID}/${TEST_CLIENT_ID}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    expect((await clientCredentials(FABRIKAM_TENANT_ID)).status).toBe(400);
  });
});
