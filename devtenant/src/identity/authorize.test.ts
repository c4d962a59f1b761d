import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../seed/seedTenants.js';
import {
  API_SCOPE,
  formOf,
  pkcePair,
  redirectParams,
  signInThroughPages,
  SPA_ORIGIN,
  SPA_REDIRECT,
  startTestTenant,
  TEST_CLIENT_ID,
  type TestTenant,
} from '../test/testTenant.js';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(async () => t.close());

function authorizeUrl(
  p: { tenant?: string; challenge?: string; redirectUri?: string; extra?: Record<string, string> } = {},
): string {
  const params = new URLSearchParams({
    client_id: TEST_CLIENT_ID,
    response_type: 'code',
    redirect_uri: p.redirectUri ?? SPA_REDIRECT,
    response_mode: 'fragment',
    scope: `${API_SCOPE} openid profile offline_access`,
    state: 'state-123',
    nonce: 'nonce-456',
    client_info: '1',
    ...(p.challenge ? { code_challenge: p.challenge, code_challenge_method: 'S256' } : {}),
    ...p.extra,
  });
  return `/${p.tenant ?? 'organizations'}/oauth2/v2.0/authorize?${params.toString()}`;
}

const redeem = (code: string, verifier: string, origin: string | undefined = SPA_ORIGIN) =>
  t.token(
    'organizations',
    {
      grant_type: 'authorization_code',
      client_id: TEST_CLIENT_ID,
      code,
      code_verifier: verifier,
      redirect_uri: SPA_REDIRECT,
      scope: `${API_SCOPE} openid profile offline_access`,
      client_info: '1',
      'x-client-SKU': 'msal.js.browser',
      'x-client-VER': '4.0.0',
    },
    origin ? { origin } : {},
  );

describe('authorization code + PKCE through the pages', () => {
  it('goes picker → password → code → tokens, once', async () => {
    const browser = t.browser();
    const { verifier, challenge } = pkcePair();
    const picker = await browser.get(authorizeUrl({ challenge }));
    expect(picker.status).toBe(200);
    expect(picker.text).toContain('<title>Sign in to your account</title>');
    expect(picker.text).toContain('Pick an account');
    // Accounts of every tenant for organizations; each button is named by its e-mail.
    expect(picker.text).toContain('aria-label="megan.bowen@contoso.onmicrosoft.com"');
    expect(picker.text).toContain('aria-label="jonas.weber@fabrikam.onmicrosoft.com"');

    const form = formOf(picker.text);
    const passwordPage = await browser.post(form.action, {
      interaction: form.interaction,
      login: 'megan.bowen@contoso.onmicrosoft.com',
    });
    expect(passwordPage.text).toContain('<label for="passwd">Password</label>');
    expect(passwordPage.text).toContain('>Sign in</button>');

    const wrong = await browser.post(form.action, {
      interaction: form.interaction,
      login: 'megan.bowen@contoso.onmicrosoft.com',
      passwd: 'nope',
    });
    expect(wrong.status).toBe(200);
    expect(wrong.text).toContain('Your account or password is incorrect');
    expect(wrong.text).toContain('AADSTS50126');
    expect(browser.hasSession()).toBe(false);

    const done = await browser.post(form.action, {
      interaction: form.interaction,
      login: 'megan.bowen@contoso.onmicrosoft.com',
      passwd: t.tenant.password,
    });
    expect(done.status).toBe(302);
    expect(done.headers.get('set-cookie')).toMatch(/devtenant_session=.+; Path=\/; Secure; HttpOnly; SameSite=None/);
    const location = done.headers.get('location')!;
    expect(location.startsWith(`${SPA_REDIRECT}#`)).toBe(true);
    const params = redirectParams(location);
    expect(params.get('state')).toBe('state-123');
    const clientInfo = JSON.parse(Buffer.from(params.get('client_info')!, 'base64url').toString());
    expect(clientInfo).toEqual({ uid: 'c0a1d2e3-0002-4a00-8000-00000000c002', utid: CONTOSO_TENANT_ID });

    const code = params.get('code')!;
    const badVerifier = await redeem(code, pkcePair().verifier);
    expect(badVerifier.status).toBe(400);
    expect(badVerifier.json).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });

    const tokens = await redeem(code, verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
    expect(tokens.json).toMatchObject({ token_type: 'Bearer', scope: `${API_SCOPE} openid profile` });
    expect(tokens.json.refresh_token).toBeTruthy();
    expect(tokens.json.client_info).toBe(params.get('client_info'));
    const id = decodeJwt(tokens.json.id_token);
    expect(id).toMatchObject({
      aud: TEST_CLIENT_ID,
      nonce: 'nonce-456',
      preferred_username: 'megan.bowen@contoso.onmicrosoft.com',
      tid: CONTOSO_TENANT_ID,
    });
    expect(decodeJwt(tokens.json.access_token)).toMatchObject({
      aud: TEST_CLIENT_ID,
      scp: 'access_as_user',
      azpacr: '0',
    });

    const reused = await redeem(code, verifier);
    expect(reused.status).toBe(400);
    expect(reused.json).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
    expect(reused.json.error_description).toMatch(/^AADSTS54005: /);
    expect(Object.keys(reused.json)).toEqual(
      expect.arrayContaining(['error', 'error_description', 'error_codes', 'timestamp', 'trace_id', 'correlation_id']),
    );

    // The session now signs in silently, also in a hidden iframe.
    const silent = await browser.get(authorizeUrl({ challenge, extra: { prompt: 'none' } }));
    expect(silent.status).toBe(302);
    expect(silent.headers.get('x-frame-options')).toBeNull();
    expect(redirectParams(silent.headers.get('location')).get('code')).toBeTruthy();
  });

  it('answers prompt=none without a session with login_required on the redirect', async () => {
    const r = await t.browser().get(authorizeUrl({ challenge: pkcePair().challenge, extra: { prompt: 'none' } }));
    expect(r.status).toBe(302);
    const params = redirectParams(r.headers.get('location'));
    expect(params.get('error')).toBe('login_required');
    expect(params.get('error_description')).toMatch(/^AADSTS50058: /);
    expect(params.get('state')).toBe('state-123');
  });

  it('skips the picker with login_hint and supports query mode', async () => {
    const browser = t.browser();
    const { verifier, challenge } = pkcePair();
    const page = await browser.get(
      authorizeUrl({
        challenge,
        extra: { login_hint: 'lena.schmidt@fabrikam.onmicrosoft.com', response_mode: 'query' },
      }),
    );
    expect(page.text).toContain('Enter password');
    const form = formOf(page.text);
    const done = await browser.post(form.action, {
      interaction: form.interaction,
      login: 'lena.schmidt@fabrikam.onmicrosoft.com',
      passwd: t.tenant.password,
    });
    const location = new URL(done.headers.get('location')!);
    expect(location.hash).toBe('');
    const tokens = await redeem(location.searchParams.get('code')!, verifier);
    expect(decodeJwt(tokens.json.access_token).tid).toBe('9b8e7f10-3c2d-4a5b-8e6f-1a2b3c4d5e6f');
  });

  it('shows only the tenant’s accounts for a tenant authority', async () => {
    const r = await t
      .browser()
      .get(authorizeUrl({ tenant: 'fabrikam.onmicrosoft.com', challenge: pkcePair().challenge }));
    expect(r.text).toContain('jonas.weber@fabrikam.onmicrosoft.com');
    expect(r.text).not.toContain('megan.bowen@contoso.onmicrosoft.com');
  });

  it('refuses an unregistered redirect_uri with an error page, not a redirect', async () => {
    const r = await t
      .browser()
      .get(authorizeUrl({ redirectUri: 'https://evil.example/cb', challenge: pkcePair().challenge }));
    expect(r.status).toBe(400);
    expect(r.headers.get('location')).toBeNull();
    expect(r.text).toContain('AADSTS50011');
  });

  it('requires PKCE for SPA redirect URIs', async () => {
    const r = await t.browser().get(authorizeUrl());
    expect(r.status).toBe(302);
    expect(redirectParams(r.headers.get('location')).get('error_description')).toMatch(/^AADSTS9002325: /);
  });

  it('answers CORS preflight only for SPA origins', async () => {
    const ok = await t.request('/organizations/oauth2/v2.0/token', {
      method: 'OPTIONS',
      headers: {
        origin: SPA_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,client-request-id',
      },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
    expect(ok.headers.get('access-control-allow-headers')).toContain('client-request-id');
    const other = await t.request('/organizations/oauth2/v2.0/token', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('signs out and forgets the session', async () => {
    const browser = t.browser();
    await signInThroughPages(
      browser,
      authorizeUrl({ challenge: pkcePair().challenge }),
      'alex.wilber@contoso.onmicrosoft.com',
      t.tenant.password,
    );
    const out = await browser.get(
      `/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(`${SPA_ORIGIN}/`)}`,
    );
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toBe(`${SPA_ORIGIN}/`);
    const silent = await browser.get(authorizeUrl({ challenge: pkcePair().challenge, extra: { prompt: 'none' } }));
    expect(redirectParams(silent.headers.get('location')).get('error')).toBe('login_required');
  });
});
