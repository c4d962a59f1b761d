import { AppError } from '../errors.js';
import type { Language } from '../i18n/language.js';
import type { CrmContext } from './context.js';
import type { MicrosoftIdentity } from './identity.js';
import { findInvitationById, INVITATION_LIFETIME_MS, invitationState } from './invitations.js';
import { requireManager, sendInvitationMail } from './inviteUsers.js';
import { newLinkSecret } from './secrets.js';

/** Resend: a new link (the old one stops working) and a new expiry, for a pending or expired invitation. */
export async function resendInvitation(
  ctx: CrmContext,
  identity: MicrosoftIdentity,
  invitationId: string,
  senderLanguage: Language,
): Promise<boolean> {
  const member = await requireManager(ctx, identity);
  const invitation = await findInvitationById(ctx.db, member.organisation.id, invitationId);
  if (!invitation) throw new AppError('invitation_not_found');
  const state = invitationState(invitation, ctx.now());
  if (state === 'accepted') throw new AppError('invitation_used');
  if (state === 'revoked') throw new AppError('invitation_revoked');
  const { secret, hash } = newLinkSecret();
  const expiresAt = new Date(ctx.now().getTime() + INVITATION_LIFETIME_MS).toISOString();
  const updated = await ctx.db
    .updateTable('invitations')
    .set({ token_hash: hash, expires_at: expiresAt, mail_sent_at: null })
    .where('id', '=', invitation.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('invitation_used');
  return sendInvitationMail(
    ctx,
    identity,
    member,
    { ...invitation, token_hash: hash, expires_at: expiresAt },
    secret,
    senderLanguage,
  );
}

/** Revoke: the link stops working at once; an accepted invitation cannot be revoked (remove the user instead). */
export async function revokeInvitation(
  ctx: CrmContext,
  identity: MicrosoftIdentity,
  invitationId: string,
): Promise<void> {
  const member = await requireManager(ctx, identity);
  const invitation = await findInvitationById(ctx.db, member.organisation.id, invitationId);
  if (!invitation) throw new AppError('invitation_not_found');
  if (invitation.status === 'accepted') throw new AppError('invitation_used');
  await ctx.db
    .updateTable('invitations')
    .set({ status: 'revoked', decided_at: ctx.now().toISOString() })
    .where('id', '=', invitation.id)
    .where('status', '=', 'pending')
    .execute();
}
