import type { SeedTenant, SeedUser } from './seedTenants.js';

/**
 * The seed with `perTenant` more users in each tenant (person0001@<domain>, …), for load tests that need many
 * mailboxes; ids are fixed by tenant and number, so a restart finds the same mailboxes.
 */
export function withGeneratedUsers(tenants: readonly SeedTenant[], perTenant: number): SeedTenant[] {
  if (!Number.isInteger(perTenant) || perTenant < 0 || perTenant > 10_000)
    throw new Error(`generated users per tenant must be a whole number from 0 to 10000, got ${perTenant}`);
  return tenants.map((tenant, t) => ({
    ...tenant,
    users: [
      ...tenant.users,
      ...Array.from({ length: perTenant }, (_, i): SeedUser => {
        const n = String(i + 1).padStart(4, '0');
        return {
          id: `9e000000-${String(t + 1).padStart(4, '0')}-4000-8000-${String(i + 1).padStart(12, '0')}`,
          userPrincipalName: `person${n}@${tenant.domain}`,
          displayName: `Person ${n}`,
          givenName: 'Person',
          surname: n,
          jobTitle: 'Sales Representative',
          department: 'Sales',
          officeLocation: null,
          mobilePhone: null,
          businessPhones: [],
          preferredLanguage: 'en-US',
          isGlobalAdmin: false,
        };
      }),
    ],
  }));
}
