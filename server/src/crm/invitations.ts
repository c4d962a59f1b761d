import type { Kysely } from 'kysely';
import type { Database, InvitationRow } from '../store/schema.js';
import { normalizeEmail } from './identity.js';

type Db = Kysely<Database>;

/** Invitations are valid for 14 days: long enough for holidays, short enough that a forwarded mail goes stale. */
export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export type InvitationState = 'pending' | 'expired' | 'accepted' | 'revoked';

export function invitationState(invitation: InvitationRow, now: Date): InvitationState {
  if (invitation.status === 'pending' && invitation.expires_at <= now.toISOString()) return 'expired';
  return invitation.status;
}

export function listInvitations(db: Db, organisationId: string): Promise<InvitationRow[]> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function findInvitationById(db: Db, organisationId: string, id: string): Promise<InvitationRow | undefined> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** The newest still-open invitation for an address, in any organisation. */
export function findOpenInvitationForEmail(db: Db, email: string, now: Date): Promise<InvitationRow | undefined> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('email_normalized', '=', normalizeEmail(email))
    .where('status', '=', 'pending')
    .where('expires_at', '>', now.toISOString())
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}
