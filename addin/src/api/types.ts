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
      state: 'invited';
      user: BasicUser;
      tenant: Tenant;
      organisation: { name: string };
      invitation: { id: string; expiresAt: string };
    }
  | { state: 'request_pending'; user: BasicUser; tenant: Tenant; organisation: { name: string }; request: OwnAccessRequest }
  | { state: 'request_declined'; user: BasicUser; tenant: Tenant; organisation: { name: string }; request: OwnAccessRequest }
  | {
      state: 'member';
      user: BasicUser & { id: string; profile: Profile };
      organisation: { id: string; name: string; edition: Edition };
    };

export type MeState = Me['state'];

export type AccessRequestStatus = 'pending' | 'approved' | 'declined';

/** The caller's own latest access request, as /api/me shows it. */
export interface OwnAccessRequest {
  id: string;
  status: AccessRequestStatus;
  createdAt: string;
  decidedAt: string | null;
}

/** POST /api/access-requests: the new /api/me plus how many managers the request mail reached. */
export type RequestAccessResult = Me & { notified: number; mailFailed: number };

export interface CrmUser {
  id: string;
  name: string;
  email: string;
  profile: Profile | (string & {});
  status: string;
}

export type InvitationState = 'pending' | 'expired' | 'accepted' | 'revoked';

export interface Invitation {
  id: string;
  email: string;
  name: string | null;
  source: 'office365' | 'email';
  state: InvitationState;
  mailSent: boolean;
  expiresAt: string;
  createdAt: string;
}

export interface AccessRequest {
  id: string;
  name: string;
  email: string;
  status: AccessRequestStatus;
  createdAt: string;
  decidedAt: string | null;
}

/** GET /api/users: Settings > Setup > Users & Control > Users. */
export interface UsersOverview {
  organisation: { name: string; edition: Edition; paid: boolean };
  users: CrmUser[];
  invitations: Invitation[];
  accessRequests: AccessRequest[];
}

/** A tenant directory user who is not a CRM user yet (GET /api/directory-users). */
export interface DirectoryUser {
  id: string;
  name: string;
  email: string;
  jobTitle: string | null;
  invited: boolean;
}

export type InviteResult = 'invited' | 'already_member' | 'already_invited' | 'not_in_directory' | 'mail_failed';

export interface InviteOutcome {
  email: string;
  name: string;
  result: InviteResult;
  invitationId?: string;
}
