import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID, FABRIKAM_TENANT_ID, SEED_TENANTS } from './seedTenants.js';
import {
  grantAdminConsent,
  startTestTenant,
  TEST_CLIENT_ID,
  TEST_SECRET,
  type TestTenant,
} from '../test/testTenant.js';

describe('generated users for load tests', () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await startTestTenant({ generatedUsersPerTenant: 3 });
  });
  afterAll(async () => t.close());

  const appToken = async (tenantId: string, admin: string) => {
    await grantAdminConsent(t, tenantId, admin);
    return (
      await t.token(tenantId, {
        grant_type: 'client_credentials',
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_SECRET,
        scope: 'https://graph.microsoft.com/.default',
      })
    ).json.access_token as string;
  };

  it('adds that many users with mailboxes to each tenant, beside the seeded ones', async () => {
    const fabrikam = await appToken(FABRIKAM_TENANT_ID, 'admin@fabrikam.onmicrosoft.com');
    const users = (await t.graph('/users?$top=100', fabrikam)).json.value as { userPrincipalName: string }[];
    const seeded = SEED_TENANTS.find((tenant) => tenant.id === FABRIKAM_TENANT_ID)!.users.length;
    expect(users).toHaveLength(seeded + 3);
    expect(users.map((u) => u.userPrincipalName)).toContain('person0003@fabrikam.onmicrosoft.com');
    const contoso = await appToken(CONTOSO_TENANT_ID, 'admin@contoso.onmicrosoft.com');
    const calendar = await t.graph('/users/person0001@contoso.onmicrosoft.com/calendars', contoso, {
      body: { name: 'Load test' },
    });
    expect(calendar.status).toBe(201);
    // Signing in works too (the same password as every seeded account).
    expect(await t.ropc('person0002@contoso.onmicrosoft.com', 'https://graph.microsoft.com/User.Read')).toBeTruthy();
  });
});
