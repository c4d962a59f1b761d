import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID, GLOBAL_ADMIN_ROLE_TEMPLATE_ID } from '../seed/seedTenants.js';
import { API_SCOPE, startTestTenant, TEST_CLIENT_ID, type TestTenant } from '../test/testTenant.js';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(async () => t.close());

describe('OpenID discovery', () => {
  it.each([
    [CONTOSO_TENANT_ID, CONTOSO_TENANT_ID, `/${CONTOSO_TENANT_ID}/v2.0`],
    ['contoso.onmicrosoft.com', CONTOSO_TENANT_ID, `/${CONTOSO_TENANT_ID}/v2.0`],
    ['common', 'common', '/{tenantid}/v2.0'],
    ['organizations', 'organizations', '/{tenantid}/v2.0'],
  ])('serves the document for %s', async (segment, pathTenant, issuerPath) => {
    const r = await t.request(`/${segment}/v2.0/.well-known/openid-configuration`);
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.json).toMatchObject({
      issuer: `${t.url}${issuerPath}`,
      authorization_endpoint: `${t.url}/${pathTenant}/oauth2/v2.0/authorize`,
      token_endpoint: `${t.url}/${pathTenant}/oauth2/v2.0/token`,
      jwks_uri: `${t.url}/${pathTenant}/discovery/v2.0/keys`,
      end_session_endpoint: `${t.url}/${pathTenant}/oauth2/v2.0/logout`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: expect.arrayContaining(['client_secret_post', 'client_secret_basic']),
      scopes_supported: expect.arrayContaining(['openid', 'offline_access']),
      msgraph_host: new URL(t.url).host,
    });
    expect(r.json.claims_supported).toContain('preferred_username');
    expect('tenant_region_scope' in r.json && 'cloud_instance_name' in r.json).toBe(true);
  });

  it('answers an unknown tenant like Entra', async () => {
    const r = await t.request('/nowhere.example/v2.0/.well-known/openid-configuration');
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('invalid_tenant');
    expect(r.json.error_codes).toEqual([90002]);
    expect(r.json.error_description).toMatch(/^AADSTS90002: /);
  });

  it('serves instance discovery with this host as the only alias', async () => {
    const endpoint = `${t.url}/contoso.onmicrosoft.com/oauth2/v2.0/authorize`;
    const r = await t.request(
      `/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(endpoint)}`,
    );
    expect(r.status).toBe(200);
    expect(r.json.tenant_discovery_endpoint).toBe(
      `${t.url}/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration`,
    );
    expect(r.json.metadata[0].aliases).toEqual([new URL(t.url).host]);
  });

  it('publishes keys that verify the tokens it issues', async () => {
    const keys = await t.request(`/${CONTOSO_TENANT_ID}/discovery/v2.0/keys`);
    const jwk = keys.json.keys[0];
    expect(jwk).toMatchObject({ kty: 'RSA', use: 'sig', e: 'AQAB', issuer: `${t.url}/{tenantid}/v2.0` });
    expect(jwk.kid).toBe(jwk.x5t);
    expect(jwk.x5c).toHaveLength(1);

    const token = await t.ropc('admin@contoso.onmicrosoft.com', `${API_SCOPE} openid profile`);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: jwk.kid });
    const { payload } = await jwtVerify(token, createLocalJWKSet(keys.json), {
      issuer: `${t.url}/${CONTOSO_TENANT_ID}/v2.0`,
      audience: TEST_CLIENT_ID,
    });
    expect(payload).toMatchObject({
      tid: CONTOSO_TENANT_ID,
      oid: 'c0a1d2e3-0001-4a00-8000-00000000c001',
      preferred_username: 'admin@contoso.onmicrosoft.com',
      name: 'Contoso Admin',
      scp: 'access_as_user',
      azp: TEST_CLIENT_ID,
      ver: '2.0',
      wids: [GLOBAL_ADMIN_ROLE_TEMPLATE_ID],
    });
    expect(typeof payload.sub).toBe('string');
    expect(payload.sub).not.toBe(payload.oid);
    const lifetime = payload.exp! - payload.iat!;
    expect(lifetime).toBeGreaterThanOrEqual(3600);
    expect(lifetime).toBeLessThanOrEqual(5400);
    expect(payload.nbf).toBeLessThanOrEqual(payload.iat!);
    expect(typeof payload.uti).toBe('string');
  });

  it('issues v1-shaped Graph tokens', async () => {
    const keys = await t.request('/common/discovery/v2.0/keys');
    const token = await t.ropc('megan.bowen@contoso.onmicrosoft.com', 'https://graph.microsoft.com/User.Read');
    const { payload } = await jwtVerify(token, createLocalJWKSet(keys.json), {
      issuer: `${t.url}/${CONTOSO_TENANT_ID}/`,
      audience: 'https://graph.microsoft.com',
    });
    expect(payload).toMatchObject({
      ver: '1.0',
      appid: TEST_CLIENT_ID,
      upn: 'megan.bowen@contoso.onmicrosoft.com',
      unique_name: 'megan.bowen@contoso.onmicrosoft.com',
      idtyp: 'user',
    });
    expect(String(payload.scp).split(' ')).toContain('User.Read');
    expect(payload.wids).toBeUndefined();
  });

  it('honours the tokenLifetimeSeconds knob', async () => {
    t.tenant.knobs.update({ tokenLifetimeSeconds: 120 });
    try {
      const r = await t.token('organizations', {
        grant_type: 'password',
        client_id: TEST_CLIENT_ID,
        client_secret: 'test-secret-value',
        username: 'lee.gu@contoso.onmicrosoft.com',
        password: t.tenant.password,
        scope: API_SCOPE,
      });
      expect(r.json.expires_in).toBe(120);
    } finally {
      t.tenant.knobs.update({ tokenLifetimeSeconds: null });
    }
  });
});
