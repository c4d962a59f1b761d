import { Router } from 'express';
import { directoryUsersQuery, userAccessChangeBody, userIdParams } from '../../../../common/api/users.js';
import type { Edition } from '../../../../common/api/enums.js';
import type { DirectoryUser, UsersOverview } from '../../../../common/api/users.js';
import { listAccessRequests } from '../../crm/accessRequests.js';
import { invitationState, listInvitations } from '../../crm/invitations.js';
import { requireManager } from '../../crm/inviteUsers.js';
import { changeUserAccess, deactivateUser, reactivateUser } from '../../crm/manageUsers.js';
import { isPaidEdition } from '../../crm/permissions.js';
import { stopSyncsOfDeactivatedUser } from '../../sync/syncCommands.js';
import { identityOf } from '../authenticate.js';
import { crmContext, type ServiceDependencies } from '../dependencies.js';
import { presentAccessRequest, presentInvitation, presentUser } from '../presentUsers.js';

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
      organisation: {
        name: organisation.name,
        edition: organisation.edition as Edition,
        paid: isPaidEdition(organisation),
      },
      users: users.map(presentUser),
      invitations: invitations.map((invitation) => presentInvitation(invitation, now)),
      accessRequests: requests.map(presentAccessRequest),
    } satisfies UsersOverview);
  });

  router.patch('/api/users/:id', async (req, res) => {
    const { id } = userIdParams.parse(req.params);
    const change = userAccessChangeBody.parse(req.body);
    res.json(presentUser(await changeUserAccess(crmContext(deps), identityOf(res), id, change)));
  });

  router.post('/api/users/:id/deactivate', async (req, res) => {
    const { id } = userIdParams.parse(req.params);
    const user = await deactivateUser(crmContext(deps), identityOf(res), id);
    await stopSyncsOfDeactivatedUser(deps.sync, user);
    res.json(presentUser(user));
  });

  router.post('/api/users/:id/activate', async (req, res) => {
    const { id } = userIdParams.parse(req.params);
    res.json(presentUser(await reactivateUser(crmContext(deps), identityOf(res), id)));
  });

  router.get('/api/directory-users', async (req, res) => {
    const { search } = directoryUsersQuery.parse(req.query);
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
    } satisfies { users: DirectoryUser[] });
  });

  return router;
}
