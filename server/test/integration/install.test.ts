import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormBrowser } from '../formBrowser.js';
import { startStack, type Stack } from '../stack.js';

const CONTOSO = '4d2c9a61-7e3b-4f8a-9c15-2b6e8d0f3a47';

describe('installing the app for an organisation (docs/product-rules.md#1-installing-for-an-organisation)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  async function consent(installUrl: string, userPrincipalName: string, decision: 'accept' | 'cancel') {
    const browser = new FormBrowser(stack.fetch);
    await browser.open(installUrl);
    await browser.submit('login', userPrincipalName);
    await browser.submit('passwd', stack.tenant.password);
    return decision === 'accept' || browser.html.includes('decision') ? browser.submit('decision', decision) : browser;
  }
  const installations = () => stack.store.db.selectFrom('tenant_installations').selectAll().execute();

  it('tells an ordinary user that the administrator must install first, with no install link', async () => {
    const me = await stack.api('/api/me', { token: await stack.tokenFor('megan.bowen@contoso.onmicrosoft.com') });
    expect(me.body).toMatchObject({
      state: 'not_installed',
      isTenantAdmin: false,
      tenant: { id: CONTOSO, domain: 'contoso.onmicrosoft.com' },
    });
    expect(me.body).not.toHaveProperty('installUrl');
  });

  it('refuses a forged or altered install callback and installs nothing', async () => {
    const forged = await stack.fetch(
      `${stack.serviceUrl}/api/install/callback?admin_consent=True&tenant=${CONTOSO}&state=forged.state`,
    );
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('invalid or has expired');

    const admin = await stack.tokenFor('admin@contoso.onmicrosoft.com');
    const { installUrl } = (await stack.api('/api/me', { token: admin })).body as { installUrl: string };
    const state = new URL(installUrl).searchParams.get('state')!;
    const otherTenant = await stack.fetch(
      `${stack.serviceUrl}/api/install/callback?admin_consent=True&tenant=9b8e7f10-3c2d-4a5b-8e6f-1a2b3c4d5e6f&state=${encodeURIComponent(state)}`,
    );
    expect(otherTenant.status).toBe(400);
    // A genuine state but no consent granted in Microsoft 365: the app-only proof fails.
    const unconsented = await stack.fetch(
      `${stack.serviceUrl}/api/install/callback?admin_consent=True&tenant=${CONTOSO}&state=${encodeURIComponent(state)}`,
    );
    expect(unconsented.status).toBe(403);
    expect(await installations()).toHaveLength(0);
  });

  it('keeps a cancelled consent from installing anything', async () => {
    const admin = await stack.tokenFor('admin@contoso.onmicrosoft.com');
    const { installUrl } = (await stack.api('/api/me', { token: admin })).body as { installUrl: string };
    const page = await consent(installUrl, 'admin@contoso.onmicrosoft.com', 'cancel');
    expect(page.url).toContain('/api/install/callback');
    expect(page.html).toContain('Not installed');
    expect(await installations()).toHaveLength(0);
  });

  it('lets the administrator consent, accept the terms and become Super Admin of a new organisation', async () => {
    const admin = await stack.tokenFor('admin@contoso.onmicrosoft.com');
    const before = await stack.api('/api/me', { token: admin });
    expect(before.body).toMatchObject({ state: 'not_installed', isTenantAdmin: true });
    const installUrl = String(before.body.installUrl);
    expect(installUrl).toMatch(new RegExp(`^${stack.tenant.url}/${CONTOSO}/adminconsent\\?`));

    const page = await consent(installUrl, 'admin@contoso.onmicrosoft.com', 'accept');
    expect(page.status).toBe(200);
    expect(page.html).toContain('is installed for your organisation');
    expect(await installations()).toHaveLength(1);

    expect((await stack.api('/api/me', { token: admin })).body).toMatchObject({ state: 'first_visit' });
    const refused = await stack.api('/api/organisations', {
      token: admin,
      method: 'POST',
      body: { acceptTerms: false },
      language: 'de',
    });
    expect(refused).toMatchObject({
      status: 400,
      body: {
        error: 'terms_not_accepted',
        message: 'Bitte akzeptieren Sie die Geschäftsbedingungen, um fortzufahren.',
      },
    });

    const created = await stack.api('/api/organisations', {
      token: admin,
      method: 'POST',
      body: { acceptTerms: true },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: 'member',
      user: { profile: 'super_admin', email: 'admin@contoso.onmicrosoft.com' },
      organisation: { name: 'Contoso' },
    });
    expect(
      (await stack.api('/api/organisations', { token: admin, method: 'POST', body: { acceptTerms: true } })).status,
    ).toBe(409);
  });

  it('shows a colleague that the company already has an account, and a non-admin cannot create one', async () => {
    const alex = await stack.tokenFor('alex.wilber@contoso.onmicrosoft.com');
    expect((await stack.api('/api/me', { token: alex })).body).toMatchObject({
      state: 'no_access',
      organisation: { name: 'Contoso' },
    });
    const create = await stack.api('/api/organisations', { token: alex, method: 'POST', body: { acceptTerms: true } });
    expect(create.status).toBe(403);
  });

  it('gives Fabrikam its own organisation that shows nothing of Contoso', async () => {
    const admin = await stack.tokenFor('admin@fabrikam.onmicrosoft.com');
    const { installUrl } = (await stack.api('/api/me', { token: admin })).body as { installUrl: string };
    await consent(installUrl, 'admin@fabrikam.onmicrosoft.com', 'accept');
    const created = await stack.api('/api/organisations', {
      token: admin,
      method: 'POST',
      body: { acceptTerms: true },
    });
    expect(created.body).toMatchObject({
      state: 'member',
      organisation: { name: 'Fabrikam' },
      user: { profile: 'super_admin' },
    });
    const users = await stack.api<{ users: { email: string }[] }>('/api/users', { token: admin });
    expect(users.body.users.map((user) => user.email)).toEqual(['admin@fabrikam.onmicrosoft.com']);
    const directory = await stack.api<{ users: { email: string }[] }>('/api/directory-users', { token: admin });
    expect(directory.body.users.length).toBeGreaterThan(0);
    expect(directory.body.users.every((user) => user.email.endsWith('@fabrikam.onmicrosoft.com'))).toBe(true);
  });

  it('rejects malformed bodies with a clear 400 and changes nothing', async () => {
    const lee = await stack.tokenFor('lee.gu@contoso.onmicrosoft.com');
    const malformed = await stack.api('/api/organisations', {
      token: lee,
      method: 'POST',
      body: '{"acceptTerms": tru',
    });
    expect(malformed).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const wrongType = await stack.api('/api/account-links', {
      token: lee,
      method: 'POST',
      body: { email: 'not-an-email', password: '' },
    });
    expect(wrongType.status).toBe(400);
    expect(String(wrongType.body.message)).toContain('email');
  });
});
