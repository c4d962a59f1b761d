import type { SeedTenant, SeedUser } from '../seed/seedTenants.js';
import type { AppRegistration } from './appRegistration.js';

export interface DirectoryUser extends SeedUser {
  tenantId: string;
  mail: string;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  createdDateTime: string;
  usageLocation: string;
}

export interface Tenant {
  id: string;
  domain: string;
  displayName: string;
  countryLetterCode: string;
  users: DirectoryUser[];
}

/** How the `{tenant}` segment of an identity URL was understood. */
export type TenantSegment = { kind: 'tenant'; tenant: Tenant } | { kind: 'common' } | { kind: 'organizations' };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** Tenants, their users and the registered apps: the read side of the local Entra directory. */
export class Directory {
  readonly tenants: Tenant[];
  private readonly apps = new Map<string, AppRegistration>();

  constructor(seed: readonly SeedTenant[], apps: AppRegistration[]) {
    this.tenants = seed.map((t) => ({
      id: t.id,
      domain: t.domain,
      displayName: t.displayName,
      countryLetterCode: t.countryLetterCode,
      users: t.users.map((u) => ({
        ...u,
        businessPhones: [...u.businessPhones],
        tenantId: t.id,
        mail: u.userPrincipalName,
        accountEnabled: true,
        userType: 'Member' as const,
        createdDateTime: '2024-01-15T09:00:00Z',
        usageLocation: t.countryLetterCode,
      })),
    }));
    for (const app of apps) this.registerApp(app);
  }

  registerApp(app: AppRegistration): void {
    this.apps.set(app.clientId.toLowerCase(), { ...app });
  }

  app(clientId: string | undefined): AppRegistration | undefined {
    return clientId ? this.apps.get(clientId.toLowerCase()) : undefined;
  }

  allApps(): AppRegistration[] {
    return [...this.apps.values()];
  }

  tenant(idOrDomain: string): Tenant | undefined {
    const key = idOrDomain.toLowerCase();
    return this.tenants.find((t) => t.id === key || t.domain === key);
  }

  resolveSegment(segment: string): TenantSegment | undefined {
    const key = segment.toLowerCase();
    if (key === 'common') return { kind: 'common' };
    if (key === 'organizations') return { kind: 'organizations' };
    const tenant = this.tenant(key);
    return tenant ? { kind: 'tenant', tenant } : undefined;
  }

  /** Users that may sign in through this segment: one tenant's, or everyone's for common/organizations. */
  usersFor(segment: TenantSegment): DirectoryUser[] {
    return segment.kind === 'tenant' ? segment.tenant.users : this.tenants.flatMap((t) => t.users);
  }

  userByUpn(upn: string): DirectoryUser | undefined {
    const key = upn.toLowerCase();
    for (const t of this.tenants) {
      const found = t.users.find((u) => u.userPrincipalName.toLowerCase() === key);
      if (found) return found;
    }
    return undefined;
  }

  /** Finds a mailbox owner by SMTP address, across all local tenants. */
  userByMail(address: string): DirectoryUser | undefined {
    const key = address.toLowerCase();
    for (const t of this.tenants) {
      const found = t.users.find((u) => u.mail.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key);
      if (found) return found;
    }
    return undefined;
  }

  userById(userId: string): DirectoryUser | undefined {
    for (const t of this.tenants) {
      const found = t.users.find((u) => u.id === userId);
      if (found) return found;
    }
    return undefined;
  }

  /** A user of one tenant by object id or user principal name (Graph's `/users/{id | userPrincipalName}`). */
  userInTenant(tenantId: string, idOrUpn: string): DirectoryUser | undefined {
    const tenant = this.tenant(tenantId);
    if (!tenant) return undefined;
    const key = idOrUpn.toLowerCase();
    return tenant.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key);
  }
}
