/** Shapes of the service's API as the add-in uses them. */

export interface ClientConfig {
  brand: string;
  clientId: string;
  authority: string;
  knownAuthorities: string[];
  apiScope: string;
}

export interface Tenant {
  id: string;
  domain: string;
}

export interface BasicUser {
  name: string;
  email: string;
}

export type Profile = 'super_admin' | 'administrator' | 'standard';
export type Edition = 'free' | 'standard' | 'professional' | 'enterprise';

export type Me =
  | { state: 'not_installed'; user: BasicUser; tenant: Tenant; isTenantAdmin: boolean; installUrl?: string }
  | { state: 'first_visit'; user: BasicUser; tenant: Tenant }
  | { state: 'no_access'; user: BasicUser; tenant: Tenant; organisation: { name: string } }
  | {
      state: 'member';
      user: BasicUser & { id: string; profile: Profile };
      organisation: { id: string; name: string; edition: Edition };
    };

export type MeState = Me['state'];
