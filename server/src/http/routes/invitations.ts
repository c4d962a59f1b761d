import { Router } from 'express';
import { z } from 'zod';
import { USER_LIMITS } from '../../../../common/fieldLimits.js';
import { acceptInvitation, checkInvitationLink } from '../../crm/acceptInvitation.js';
import { resolveAccountState } from '../../crm/accountState.js';
import { inviteByEmail, inviteDirectoryUsers } from '../../crm/inviteUsers.js';
import { resendInvitation, revokeInvitation } from '../../crm/manageInvitation.js';
import { identityOf } from '../authenticate.js';
import { crmContext, type ServiceDependencies } from '../dependencies.js';
import { languageFromAcceptLanguage } from '../../i18n/language.js';
import { presentAccount } from '../presentAccount.js';

export const inviteBody = z.union([
  z.object({ directoryUserIds: z.array(z.string().min(1).max(100)).min(1).max(200) }).strict(),
  z
    .object({
      email: z.string().trim().email().max(USER_LIMITS.email),
      name: z.string().trim().max(USER_LIMITS.name).optional(),
    })
    .strict(),
]);
export const acceptBody = z.object({ acceptTerms: z.boolean(), token: z.string().min(1).max(200).optional() }).strict();
const checkBody = z.object({ token: z.string().min(1).max(200) }).strict();
const idParam = z.object({ id: z.string().uuid() });

/** Inviting (Office 365 Users and New User), resending, revoking, and accepting invitations. */
export function invitationRoutes(deps: ServiceDependencies): Router {
  const router = Router();

  router.post('/api/invitations', async (req, res) => {
    const body = inviteBody.parse(req.body);
    const language = languageFromAcceptLanguage(req.headers['accept-language']);
    const ctx = crmContext(deps);
    const identity = identityOf(res);
    const outcomes =
      'directoryUserIds' in body
        ? await inviteDirectoryUsers(ctx, identity, body.directoryUserIds, language)
        : [await inviteByEmail(ctx, identity, body, language)];
    res.status(201).json({ outcomes });
  });

  router.post('/api/invitations/accept', async (req, res) => {
    const body = acceptBody.parse(req.body);
    const ctx = crmContext(deps);
    const identity = identityOf(res);
    await acceptInvitation(ctx, identity, body);
    res.json(
      presentAccount(identity, await resolveAccountState(ctx.db, ctx.directory, identity, ctx.now()), undefined),
    );
  });

  // Asked when the pane opens an invitation link, before it shows any terms: 204 when the caller may accept it.
  router.post('/api/invitations/check', async (req, res) => {
    const { token } = checkBody.parse(req.body);
    await checkInvitationLink(crmContext(deps), identityOf(res), token);
    res.status(204).end();
  });

  router.post('/api/invitations/:id/resend', async (req, res) => {
    const { id } = idParam.parse(req.params);
    const sent = await resendInvitation(
      crmContext(deps),
      identityOf(res),
      id,
      languageFromAcceptLanguage(req.headers['accept-language']),
    );
    res.json({ mailSent: sent });
  });

  router.post('/api/invitations/:id/revoke', async (req, res) => {
    const { id } = idParam.parse(req.params);
    await revokeInvitation(crmContext(deps), identityOf(res), id);
    res.status(204).end();
  });

  return router;
}
