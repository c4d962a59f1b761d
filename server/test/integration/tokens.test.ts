import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../stack.js';
import { TokenForge } from '../tokenForge.js';

const CONTOSO = '4d2c9a61-7e3b-4f8a-9c15-2b6e8d0f3a47';
const FABRIKAM = '9b8e7f10-3c2d-4a5b-8e6f-1a2b3c4d5e6f';

describe('every /api route refuses a wrong token with 401 and changes nothing', () => {
  let stack: Stack;
  let forge: TokenForge;
  let good: string;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    stack = await startStack();
    forge = new TokenForge(stack.signingKeyFile);
    good = await stack.tokenFor('admin@contoso.onmicrosoft.com');
  });
  afterAll(() => stack?.close());

  it('accepts the token the tenant issued, and the same claims re-signed with its key', async () => {
    expect((await stack.api('/api/me', { token: good })).status).toBe(200);
    expect((await stack.api('/api/me', { token: await forge.resign(good, {}) })).status).toBe(200);
  });

  const cases: [string, () => Promise<string | undefined>, string][] = [
    ['missing', async () => undefined, 'unauthenticated'],
    ['not a JWT', async () => 'not-a-token', 'invalid_token'],
    ['expired', () => forge.resign(good, { iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }), 'token_expired'],
    ['not yet valid', () => forge.resign(good, { nbf: now() + 3600, exp: now() + 7200 }), 'invalid_token'],
    [
      'for another audience',
      () => forge.resign(good, { aud: '00000003-0000-0000-c000-000000000000' }),
      'invalid_token',
    ],
    [
      'from another issuer',
      () => forge.resign(good, { iss: `https://login.example.com/${CONTOSO}/v2.0` }),
      'invalid_token',
    ],
    ['of another tenant presented as this one', () => forge.resign(good, { tid: FABRIKAM }), 'invalid_token'],
    ['without the access_as_user scope', () => forge.resign(good, { scp: 'User.Read' }), 'invalid_token'],
    ['a v1.0 token', () => forge.resign(good, { ver: '1.0' }), 'invalid_token'],
    ['unsigned (alg none)', async () => TokenForge.unsigned(good), 'invalid_token'],
    ['signed by an unknown key', () => TokenForge.signedByUnknownKey(good), 'invalid_token'],
    [
      'with a tampered payload',
      async () => {
        const [h, , s] = good.split('.');
        return `${h}.${Buffer.from(JSON.stringify({ ...decodeJwt(good), oid: 'someone-else' })).toString('base64url')}.${s}`;
      },
      'invalid_token',
    ],
  ];

  it.each(cases)('%s', async (_name, makeToken, code) => {
    const token = await makeToken();
    const before = await stack.store.db.selectFrom('tenant_installations').selectAll().execute();
    const me = await stack.api('/api/me', token === undefined ? {} : { token });
    expect(me.status).toBe(401);
    expect(me.body.error).toBe(code);
    expect(String(me.body.message)).toMatch(/sign/i);
    expect(me.headers.get('www-authenticate')).toMatch(/^Bearer/);

    const create = await stack.api('/api/organisations', {
      method: 'POST',
      body: { acceptTerms: true },
      ...(token === undefined ? {} : { token }),
    });
    expect(create.status).toBe(401);
    expect(await stack.store.db.selectFrom('organisations').selectAll().execute()).toHaveLength(0);
    expect(await stack.store.db.selectFrom('tenant_installations').selectAll().execute()).toEqual(before);
  });

  it('refuses a Graph token presented to the API', async () => {
    const response = await stack.fetch(`${stack.tenant.url}/organizations/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: '3f6c1e2a-9d84-4b7e-a5c3-7e2d9f1b6a08',
        client_secret: stack.clientSecret,
        username: 'admin@contoso.onmicrosoft.com',
        password: stack.tenant.password,
        scope: 'https://graph.microsoft.com/User.Read',
      }).toString(),
    });
    const graphToken = ((await response.json()) as { access_token: string }).access_token;
    expect((await stack.api('/api/me', { token: graphToken })).status).toBe(401);
  });

  it('says it in German to a German user', async () => {
    const me = await stack.api('/api/me', { language: 'de-DE,de;q=0.9,en;q=0.8' });
    expect(me.body.message).toBe('Bitte melden Sie sich zuerst an.');
  });
});
