import { randomUUID } from 'node:crypto';
import type { MicrosoftIdentity } from '../src/crm/identity.js';
import { normalizeEmail } from '../src/crm/identity.js';
import type { Store } from '../src/store/database.js';
import type { NewUserRow, OrganisationRow } from '../src/store/schema.js';

export const CONTOSO_TENANT_ID = '4d2c9a61-7e3b-4f8a-9c15-2b6e8d0f3a47';
export const FABRIKAM_TENANT_ID = '9b8e7f10-3c2d-4a5b-8e6f-1a2b3c4d5e6f';

export function anIdentity(overrides: Partial<MicrosoftIdentity> = {}): MicrosoftIdentity {
  return {
    tenantId: CONTOSO_TENANT_ID,
    objectId: randomUUID(),
    name: 'Contoso Admin',
    email: 'admin@contoso.onmicrosoft.com',
    isTenantAdmin: true,
    accessToken: 'not-used-by-the-store',
    ...overrides,
  };
}

export async function anOrganisation(store: Store, overrides: Partial<OrganisationRow> = {}): Promise<OrganisationRow> {
  const organisation: OrganisationRow = {
    id: randomUUID(),
    name: 'Northwind Traders',
    tenant_id: null,
    edition: 'professional',
    created_at: new Date().toISOString(),
    ...overrides,
  };
  await store.db.insertInto('organisations').values(organisation).execute();
  return organisation;
}

export async function aUser(
  store: Store,
  organisationId: string,
  overrides: Partial<NewUserRow> = {},
): Promise<NewUserRow> {
  const email = overrides.email ?? `user-${randomUUID().slice(0, 8)}@northwind.example`;
  const user: NewUserRow = {
    id: randomUUID(),
    organisation_id: organisationId,
    email,
    email_normalized: normalizeEmail(email),
    display_name: 'Test User',
    profile: 'standard',
    status: 'active',
    tenant_id: null,
    object_id: null,
    password_hash: null,
    language: null,
    terms_accepted_at: null,
    created_at: new Date().toISOString(),
    ...overrides,
  };
  await store.db.insertInto('users').values(user).execute();
  return user;
}
