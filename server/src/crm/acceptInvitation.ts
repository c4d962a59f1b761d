import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.js';
import type { InvitationRow } from '../store/schema.js';
import type { CrmContext } from './context.js';
import { normalizeEmail, type MicrosoftIdentity } from './identity.js';
import { findInvitationByTokenHash, findOpenInvitationForEmail, invitationState } from './invitations.js';
import { hashLinkSecret } from './secrets.js';
import { findUserByEmail, findUserByIdentity } from './users.js';

export interface AcceptInvitationInput {
  acceptTerms: boolean;
  /** The secret from the e-mail's link; without it, the open invitation for the caller's own address. */
  token?: string | undefined;
}

/**
 * Accepting an invitation on the terms page: joins its organisation as a Standard user. The invitation is bound
 * to its address, used once, and expires; each refusal says which of these it was.
 */
export async function acceptInvitation(
  ctx: CrmContext,
  identity: MicrosoftIdentity,
  input: AcceptInvitationInput,
): Promise<void> {
  const now = ctx.now();
  const invitation = await usableInvitation(ctx, identity, input.token, now);
  if (!input.acceptTerms) throw new AppError('terms_not_accepted');

  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('invitations')
      .set({ status: 'accepted', decided_at: now.toISOString() })
      .where('id', '=', invitation.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('invitation_used');
    await trx
      .insertInto('users')
      .values({
        id: randomUUID(),
        organisation_id: invitation.organisation_id,
        email: identity.email,
        email_normalized: normalizeEmail(identity.email),
        display_name: identity.name,
        profile: 'standard',
        status: 'active',
        tenant_id: identity.tenantId,
        object_id: identity.objectId,
        password_hash: null,
        language: invitation.language,
        terms_accepted_at: now.toISOString(),
        created_at: now.toISOString(),
      })
      .execute();
  });
}

/**
 * Whether the caller could accept the invitation behind a link, asked before the terms are shown so that someone
 * who opened a colleague's link learns it at once. Refuses exactly as accepting would; reveals nothing about the
 * invitation (not even whose it is) beyond that refusal.
 */
export async function checkInvitationLink(ctx: CrmContext, identity: MicrosoftIdentity, token: string): Promise<void> {
  await usableInvitation(ctx, identity, token, ctx.now());
}

async function usableInvitation(
  ctx: CrmContext,
  identity: MicrosoftIdentity,
  token: string | undefined,
  now: Date,
): Promise<InvitationRow> {
  const invitation = token
    ? await findInvitationByTokenHash(ctx.db, hashLinkSecret(token))
    : await findOpenInvitationForEmail(ctx.db, identity.email, now);
  if (!invitation) throw new AppError('invitation_not_found');
  checkUsable(invitation, now);
  if (normalizeEmail(identity.email) !== invitation.email_normalized)
    throw new AppError('invitation_other_address', invitation.id);
  if (
    (await findUserByIdentity(ctx.db, identity.tenantId, identity.objectId)) ||
    (await findUserByEmail(ctx.db, identity.email))
  ) {
    throw new AppError('already_member');
  }
  return invitation;
}

function checkUsable(invitation: InvitationRow, now: Date): void {
  switch (invitationState(invitation, now)) {
    case 'accepted':
      throw new AppError('invitation_used');
    case 'revoked':
      throw new AppError('invitation_revoked');
    case 'expired':
      throw new AppError('invitation_expired');
    case 'pending':
      return;
  }
}
