import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.js';
import { invitationMail } from '../mail/invitationMail.js';
import { mailLanguage, type Language } from '../i18n/language.js';
import type { InvitationRow, InvitationSource } from '../store/schema.js';
import { links, type CrmContext } from './context.js';
import { normalizeEmail, type MicrosoftIdentity } from './identity.js';
import { findOpenInvitationForEmail, INVITATION_LIFETIME_MS } from './invitations.js';
import { requireMember, type Member } from './member.js';
import { requirePaidEdition, requirePermission } from './permissions.js';
import { newLinkSecret } from './secrets.js';
import { findUserByEmail } from './users.js';

export type InviteResult = 'invited' | 'already_member' | 'already_invited' | 'not_in_directory' | 'mail_failed';

export interface InviteOutcome {
  email: string;
  name: string;
  result: InviteResult;
  invitationId?: string;
}

interface Invitee {
  email: string;
  name: string | null;
  language: string | null;
  source: InvitationSource;
}

/** "Office 365 Users" > Add Users > Save: invites the selected directory users of the caller's own tenant. */
export async function inviteDirectoryUsers(
  ctx: CrmContext,
  identity: MicrosoftIdentity,
  directoryUserIds: string[],
  senderLanguage: Language,
): Promise<InviteOutcome[]> {
  const member = await requireManager(ctx, identity);
  requirePaidEdition(member.organisation);
  const directory = new Map((await ctx.directory.listUsers(identity)).map((user) => [user.id, user]));
  const outcomes: InviteOutcome[] = [];
  for (const id of new Set(directoryUserIds)) {
    const user = directory.get(id);
    const email = user?.mail ?? user?.userPrincipalName;
    if (!user || !email) {
      outcomes.push({ email: id, name: id, result: 'not_in_directory' });
      continue;
    }
    outcomes.push(
      await invite(
        ctx,
        identity,
        member,
        { email, name: user.displayName, language: user.preferredLanguage, source: 'office365' },
        senderLanguage,
      ),
    );
  }
  return outcomes;
}

/** New User: invites anyone by e-mail address, whether or not they use Microsoft 365. */
export async function inviteByEmail(
  ctx: CrmContext,
  identity: MicrosoftIdentity,
  invitee: { email: string; name?: string | undefined },
  senderLanguage: Language,
): Promise<InviteOutcome> {
  const member = await requireManager(ctx, identity);
  return invite(
    ctx,
    identity,
    member,
    { email: invitee.email.trim(), name: invitee.name?.trim() || null, language: null, source: 'email' },
    senderLanguage,
  );
}

export async function requireManager(ctx: CrmContext, identity: MicrosoftIdentity): Promise<Member> {
  const member = await requireMember(ctx.db, identity);
  requirePermission(member.user, 'manage_users');
  return member;
}

async function invite(
  ctx: CrmContext,
  identity: MicrosoftIdentity,
  member: Member,
  invitee: Invitee,
  senderLanguage: Language,
): Promise<InviteOutcome> {
  const name = invitee.name ?? invitee.email;
  if (await findUserByEmail(ctx.db, invitee.email)) return { email: invitee.email, name, result: 'already_member' };
  const open = await findOpenInvitationForEmail(ctx.db, invitee.email, ctx.now());
  if (open && open.organisation_id === member.organisation.id)
    return { email: invitee.email, name, result: 'already_invited', invitationId: open.id };

  const now = ctx.now();
  const { secret, hash } = newLinkSecret();
  const invitation: InvitationRow = {
    id: randomUUID(),
    organisation_id: member.organisation.id,
    email: invitee.email,
    email_normalized: normalizeEmail(invitee.email),
    display_name: invitee.name,
    language: invitee.language,
    source: invitee.source,
    token_hash: hash,
    status: 'pending',
    mail_sent_at: null,
    invited_by_user_id: member.user.id,
    expires_at: new Date(now.getTime() + INVITATION_LIFETIME_MS).toISOString(),
    created_at: now.toISOString(),
    decided_at: null,
  };
  // Stored before the mail goes out: if sending fails or the process dies, the invitation is listed as not sent and can be resent.
  await ctx.db.insertInto('invitations').values(invitation).execute();
  const sent = await sendInvitationMail(ctx, identity, member, invitation, secret, senderLanguage);
  return { email: invitee.email, name, result: sent ? 'invited' : 'mail_failed', invitationId: invitation.id };
}

/** Sends (or resends) the invitation mail with the link's secret; records when it went out. */
export async function sendInvitationMail(
  ctx: CrmContext,
  identity: MicrosoftIdentity,
  member: Member,
  invitation: InvitationRow,
  secret: string,
  senderLanguage: Language,
): Promise<boolean> {
  const language = mailLanguage(invitation.language, senderLanguage);
  const mail = invitationMail(language, {
    brand: ctx.brand,
    organisationName: member.organisation.name,
    inviterName: member.user.display_name,
    link: links.invitation(ctx.publicUrl, secret),
    expiresAt: new Date(invitation.expires_at),
  });
  try {
    await ctx.mailer.send(identity, {
      to: [{ address: invitation.email, ...(invitation.display_name ? { name: invitation.display_name } : {}) }],
      ...mail,
    });
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
  await ctx.db
    .updateTable('invitations')
    .set({ mail_sent_at: ctx.now().toISOString() })
    .where('id', '=', invitation.id)
    .execute();
  return true;
}
