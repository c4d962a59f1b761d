/** A tenant-wide admin consent to an app (Entra's oauth2PermissionGrant "AllPrincipals" + app role assignments). */
export interface ConsentGrant {
  tenantId: string;
  clientId: string;
  delegatedScopes: string[];
  applicationRoles: string[];
  grantedAt: string;
  grantedBy: string;
}

/** Admin consents, kept in the persisted state. */
export class ConsentStore {
  constructor(
    private readonly grants: ConsentGrant[],
    private readonly persist: () => void,
  ) {}

  find(tenantId: string, clientId: string): ConsentGrant | undefined {
    const c = clientId.toLowerCase();
    return this.grants.find((g) => g.tenantId === tenantId && g.clientId.toLowerCase() === c);
  }

  all(): ConsentGrant[] {
    return [...this.grants];
  }

  grant(grant: ConsentGrant): void {
    this.revoke(grant.tenantId, grant.clientId);
    this.grants.push(grant);
    this.persist();
  }

  revoke(tenantId: string, clientId: string): boolean {
    const c = clientId.toLowerCase();
    const index = this.grants.findIndex((g) => g.tenantId === tenantId && g.clientId.toLowerCase() === c);
    if (index < 0) return false;
    this.grants.splice(index, 1);
    this.persist();
    return true;
  }
}
