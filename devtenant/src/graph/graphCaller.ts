import type { AppRegistration } from '../directory/appRegistration.js';
import type { DirectoryUser, Tenant } from '../directory/directory.js';
import { includesIgnoreCase } from '../identity/graphPermissions.js';

/** Who is calling Graph, from a validated token. */
export interface GraphCaller {
  tenant: Tenant;
  appId: string;
  app?: AppRegistration;
  /** Set for delegated tokens. */
  user?: DirectoryUser;
  scopes: string[];
  roles: string[];
}

/** True when the caller holds any of the delegated scopes (delegated token) or application roles (app-only). */
export function hasPermission(caller: GraphCaller, p: { delegated: string[]; application: string[] }): boolean {
  if (caller.user) return caller.scopes.some((s) => includesIgnoreCase(p.delegated, s));
  return caller.roles.some((r) => includesIgnoreCase(p.application, r));
}
