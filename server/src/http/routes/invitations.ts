import { Router } from 'express';
import { recordIdParams } from '../../../../common/api/records.js';
import { acceptInvitationBody, checkInvitationBody, inviteBody } from '../../../../common/api/users.js';
import { acceptInvitation, checkInvitationLink } from '../../crm/acceptInvitation.js';
import { resolveAccountState } from '../../crm/accountState.js';
import { inviteByEmail, inviteDirectoryUsers } from '../../crm/inviteUsers.js';
import { resendInvitation, revokeInvitation } from '../../crm/manageInvitation.js';
import { identityOf } from '../authenticate.js';
import { crmContext, type ServiceDependencies } from '../dependencies.js';
import { languageFromAcceptLanguage } from '../../i18n/language.js';
import { presentAccount } from '../presentAccount.js';

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
    const body = acceptInvitationBody.parse(req.body);
    const ctx = crmContext(deps);
    const identity = identityOf(res);
    await acceptInvitation(ctx, identity, body);
    res.json(
      presentAccount(identity, await resolveAccountState(ctx.db, ctx.directory, identity, ctx.now()), undefined),
    );
  });

  // Asked when the pane opens an invitation link, before it shows any terms: 204 when the caller may accept it.
  router.post('/api/invitations/check', async (req, res) => {
    const { token } = checkInvitationBody.parse(req.body);
    await checkInvitationLink(crmContext(deps), identityOf(res), token);
    res.status(204).end();
  });

  router.post('/api/invitations/:id/resend', async (req, res) => {
    const { id } = recordIdParams.parse(req.params);
    const sent = await resendInvitation(
      crmContext(deps),
      identityOf(res),
      id,
      languageFromAcceptLanguage(req.headers['accept-language']),
    );
    res.json({ mailSent: sent });
  });

  router.post('/api/invitations/:id/revoke', async (req, res) => {
    const { id } = recordIdParams.parse(req.params);
    await revokeInvitation(crmContext(deps), identityOf(res), id);
    res.status(204).end();
  });

  return router;
}
