import type { Profile, Role } from '../../../common/api/enums.js';
import type { AccessRequest, CrmUser, Invitation } from '../../../common/api/users.js';
import { invitationState } from '../crm/invitations.js';
import type { AccessRequestRow, InvitationRow, UserRow } from '../store/schema.js';

/** A CRM user as the API sends it. */
export function presentUser(user: UserRow): CrmUser {
  return {
    id: user.id,
    name: user.display_name,
    email: user.email,
    // The store keeps these as text; only the contract's values are ever written.
    profile: user.profile as Profile,
    role: user.role as Role,
    status: user.status as CrmUser['status'],
  };
}

/** An invitation as the API sends it, its state as of `now` (a pending one past its date is expired). */
export function presentInvitation(invitation: InvitationRow, now: Date): Invitation {
  return {
    id: invitation.id,
    email: invitation.email,
    name: invitation.display_name,
    source: invitation.source,
    state: invitationState(invitation, now),
    mailSent: invitation.mail_sent_at !== null,
    expiresAt: invitation.expires_at,
    createdAt: invitation.created_at,
  };
}

/** An access request as the API sends it. */
export function presentAccessRequest(request: AccessRequestRow): AccessRequest {
  return {
    id: request.id,
    name: request.display_name,
    email: request.email,
    status: request.status,
    createdAt: request.created_at,
    decidedAt: request.decided_at,
  };
}
