import { Router } from 'express';
import { z } from 'zod';
import { listAccessRequests } from '../../crm/accessRequests.js';
import { invitationState, listInvitations } from '../../crm/invitations.js';
import { requireManager } from '../../crm/inviteUsers.js';
import { isPaidEdition } from '../../crm/permissions.js';
import { identityOf } from '../authenticate.js';
import { crmContext, type ServiceDependencies } from '../dependencies.js';

const directoryQuery = z.object({ search: z.string().max(100).optional() });

/** Settings > Setup > Users & Control > Users: CRM users, invitations, access requests, and the tenant's directory. */
export function userRoutes(deps: ServiceDependencies): Router {
  const router = Router();

  router.get('/api/users', async (_req, res) => {
    const ctx = crmContext(deps);
    const { organisation } = await requireManager(ctx, identityOf(res));
    const [users, invitations, requests] = await Promise.all([
      ctx.db
        .selectFrom('users')
        .selectAll()
        .where('organisation_id', '=', organisation.id)
        .orderBy('display_name')
        .execute(),
      listInvitations(ctx.db, organisation.id),
      listAccessRequests(ctx.db, organisation.id),
    ]);
    const now = ctx.now();
    res.json({
      organisation: { name: organisation.name, edition: organisation.edition, paid: isPaidEdition(organisation) },
      users: users.map((user) => ({
        id: user.id,
        name: user.display_name,
        email: user.email,
        profile: user.profile,
        status: user.status,
      })),
      invitations: invitations.map((invitation) => ({
        id: invitation.id,
        email: invitation.email,
        name: invitation.display_name,
        source: invitation.source,
        state: invitationState(invitation, now),
        mailSent: invitation.mail_sent_at !== null,
        expiresAt: invitation.expires_at,
        createdAt: invitation.created_at,
      })),
      accessRequests: requests.map((request) => ({
        id: request.id,
        name: request.display_name,
        email: request.email,
        status: request.status,
        createdAt: request.created_at,
        decidedAt: request.decided_at,
      })),
    });
  });

  router.get('/api/directory-users', async (req, res) => {
    const { search } = directoryQuery.parse(req.query);
    const ctx = crmContext(deps);
    const identity = identityOf(res);
    const { organisation } = await requireManager(ctx, identity);
    const [directory, users, invitations] = await Promise.all([
      ctx.directory.listUsers(identity, search),
      ctx.db.selectFrom('users').select(['email_normalized']).execute(),
      listInvitations(ctx.db, organisation.id),
    ]);
    const members = new Set(users.map((user) => user.email_normalized));
    const now = ctx.now();
    const invited = new Set(
      invitations.filter((i) => invitationState(i, now) === 'pending').map((i) => i.email_normalized),
    );
    res.json({
      users: directory
        .filter((user) => !members.has((user.mail ?? user.userPrincipalName).toLowerCase()))
        .map((user) => ({
          id: user.id,
          name: user.displayName,
          email: user.mail ?? user.userPrincipalName,
          jobTitle: user.jobTitle,
          invited: invited.has((user.mail ?? user.userPrincipalName).toLowerCase()),
        })),
    });
  });

  return router;
}
