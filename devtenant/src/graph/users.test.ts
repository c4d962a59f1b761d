import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID, FABRIKAM_TENANT_ID } from '../seed/seedTenants.js';
import {
  grantAdminConsent,
  startTestTenant,
  TEST_CLIENT_ID,
  TEST_SECRET,
  type TestTenant,
} from '../test/testTenant.js';

let t: TestTenant;
let readBasic: string;
let userReadOnly: string;
let appOnly: string;
beforeAll(async () => {
  t = await startTestTenant();
  await grantAdminConsent(t, CONTOSO_TENANT_ID, 'admin@contoso.onmicrosoft.com');
  readBasic = await t.ropc('megan.bowen@contoso.onmicrosoft.com', 'https://graph.microsoft.com/User.ReadBasic.All');
  userReadOnly = await t.ropc('jonas.weber@fabrikam.onmicrosoft.com', 'https://graph.microsoft.com/User.Read');
  const cc = await t.token(CONTOSO_TENANT_ID, {
    grant_type: 'client_credentials',
    client_id: TEST_CLIENT_ID,
    client_secret: TEST_SECRET,
    scope: 'https://graph.microsoft.com/.default',
  });
  appOnly = cc.json.access_token;
});
afterAll(async () => t.close());

describe('GET /me and /users/{id}', () => {
  it('returns the signed-in user with Graph headers and the default property set', async () => {
    const r = await t.graph('/me', readBasic, { headers: { 'client-request-id': 'abc-123' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json;odata\.metadata=minimal/);
    expect(r.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get('client-request-id')).toBe('abc-123');
    expect(r.json['@odata.context']).toBe(`${t.url}/v1.0/$metadata#users/$entity`);
    expect(Object.keys(r.json).sort()).toEqual(
      [
        '@odata.context',
        'businessPhones',
        'displayName',
        'givenName',
        'id',
        'jobTitle',
        'mail',
        'mobilePhone',
        'officeLocation',
        'preferredLanguage',
        'surname',
        'userPrincipalName',
      ].sort(),
    );
    expect(r.json).toMatchObject({
      id: 'c0a1d2e3-0002-4a00-8000-00000000c002',
      displayName: 'Megan Bowen',
      mail: 'megan.bowen@contoso.onmicrosoft.com',
      jobTitle: 'Marketing Manager',
    });
  });

  it('refuses /me for app-only tokens', async () => {
    const r = await t.graph('/me', appOnly);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({
      code: 'BadRequest',
      message: '/me request is only valid with delegated authentication flow.',
    });
  });

  it('finds users by id or UPN, with $select', async () => {
    const byUpn = await t.graph(
      '/users/Lee.Gu@contoso.onmicrosoft.com?$select=displayName,accountEnabled,userType',
      appOnly,
    );
    expect(byUpn.status).toBe(200);
    expect(byUpn.json).toEqual({
      '@odata.context': `${t.url}/v1.0/$metadata#users(displayName,accountEnabled,userType)/$entity`,
      displayName: 'Lee Gu',
      accountEnabled: true,
      userType: 'Member',
    });
    const byId = await t.graph('/users/c0a1d2e3-0005-4a00-8000-00000000c005', appOnly);
    expect(byId.json.userPrincipalName).toBe('lee.gu@contoso.onmicrosoft.com');
  });

  it('never shows another tenant (404 Request_ResourceNotFound)', async () => {
    const r = await t.graph('/users/jonas.weber@fabrikam.onmicrosoft.com', appOnly);
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('Request_ResourceNotFound');
    expect(r.json.error.innerError).toMatchObject({ 'request-id': r.headers.get('request-id') });
    const list = await t.graph('/users?$top=999', appOnly);
    expect(
      list.json.value.every((u: { userPrincipalName: string }) =>
        u.userPrincipalName.endsWith('@contoso.onmicrosoft.com'),
      ),
    ).toBe(true);
  });

  it('returns the organization', async () => {
    const r = await t.graph('/organization', userReadOnly);
    expect(r.json.value[0]).toMatchObject({
      id: FABRIKAM_TENANT_ID,
      displayName: 'Fabrikam',
      verifiedDomains: [expect.objectContaining({ name: 'fabrikam.onmicrosoft.com', isDefault: true })],
    });
  });
});

describe('GET /users', () => {
  it('pages with $top and an opaque nextLink to the end', async () => {
    const seen: string[] = [];
    let next: string | undefined = `/users?$top=3&$select=displayName,id`;
    let pages = 0;
    while (next) {
      const r = await t.graph(next.replace(`${t.url}/v1.0`, ''), appOnly);
      expect(r.status).toBe(200);
      pages += 1;
      for (const u of r.json.value) {
        expect(Object.keys(u).sort()).toEqual(['displayName', 'id']);
        seen.push(u.id);
      }
      next = r.json['@odata.nextLink'];
      if (next) {
        expect(next).toMatch(/\$skiptoken=/);
        expect(next).toMatch(/\$top=3/);
      }
    }
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(10);
  });

  it('filters with startswith, eq, and, or', async () => {
    const starts = await t.graph(`/users?$filter=${encodeURIComponent("startswith(displayName,'a')")}`, readBasic);
    expect(starts.json.value.map((u: { displayName: string }) => u.displayName).sort()).toEqual([
      'Adele Vance',
      'Alex Wilber',
    ]);
    const eq = await t.graph(
      `/users?$filter=${encodeURIComponent("mail eq 'LEE.GU@contoso.onmicrosoft.com' or userPrincipalName eq 'lynne.robbins@contoso.onmicrosoft.com'")}`,
      readBasic,
    );
    expect(eq.json.value).toHaveLength(2);
    const and = await t.graph(
      `/users?$filter=${encodeURIComponent("startswith(givenName,'A') and accountEnabled eq true")}`,
      appOnly,
    );
    expect(and.json.value).toHaveLength(2);
    const unsupported = await t.graph(`/users?$filter=${encodeURIComponent("jobTitle eq 'Director'")}`, appOnly);
    expect(unsupported.status).toBe(400);
    expect(unsupported.json.error.code).toBe('Request_UnsupportedQuery');
    expect(unsupported.json.error.message).toContain("property 'jobTitle'");
  });

  it('searches only with ConsistencyLevel: eventual, and counts', async () => {
    const without = await t.graph('/users?$search="displayName:wil"', readBasic);
    expect(without.status).toBe(400);
    expect(without.json.error.code).toBe('Request_UnsupportedQuery');
    const withHeader = await t.graph('/users?$search="displayName:wil"&$count=true&$orderby=displayName', readBasic, {
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect(withHeader.status).toBe(200);
    expect(withHeader.json['@odata.count']).toBe(2);
    expect(withHeader.json.value.map((u: { displayName: string }) => u.displayName)).toEqual([
      'Alex Wilber',
      'Nestor Wilke',
    ]);
  });

  it('rejects $skip and a bad $top', async () => {
    expect((await t.graph('/users?$skip=2', appOnly)).status).toBe(400);
    const top = await t.graph('/users?$top=1000', appOnly);
    expect(top.status).toBe(400);
    expect(top.json.error.message).toContain('between 1 and 999');
  });

  it('shows only the basic profile of others with User.ReadBasic.All', async () => {
    const r = await t.graph('/users/lee.gu@contoso.onmicrosoft.com', readBasic);
    expect(r.json.displayName).toBe('Lee Gu');
    expect(r.json.jobTitle).toBeNull();
  });

  it('needs a directory permission (403 Authorization_RequestDenied)', async () => {
    const r = await t.graph('/users', userReadOnly);
    expect(r.status).toBe(403);
    expect(r.json.error).toMatchObject({
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
  });
});

describe('token validation', () => {
  it.each([
    ['no token', undefined, 'Access token is empty.'],
    ['garbage', 'abc', 'IDX14100'],
  ])('answers 401 InvalidAuthenticationToken for %s', async (_name, token, message) => {
    const r = await t.graph('/me', token);
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('InvalidAuthenticationToken');
    expect(r.json.error.message).toContain(message);
    expect(r.json.error.innerError).toEqual(
      expect.objectContaining({
        date: expect.any(String),
        'request-id': expect.any(String),
        'client-request-id': expect.any(String),
      }),
    );
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses a token for another audience and an expired token', async () => {
    const apiToken = await t.ropc(
      'megan.bowen@contoso.onmicrosoft.com',
      `api://localhost:3000/${TEST_CLIENT_ID}/access_as_user`,
    );
    const wrongAud = await t.graph('/me', apiToken);
    expect(wrongAud.status).toBe(401);
    expect(wrongAud.json.error.code).toBe('InvalidAuthenticationToken');

    t.tenant.knobs.update({ tokenLifetimeSeconds: 1 });
    const shortLived = await t.ropc('megan.bowen@contoso.onmicrosoft.com', 'https://graph.microsoft.com/User.Read');
    t.tenant.knobs.update({ tokenLifetimeSeconds: null });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const expired = await t.graph('/me', shortLived);
    expect(expired.status).toBe(401);
    expect(expired.json.error.message).toBe('Lifetime validation failed, the token is expired.');
  });
});
