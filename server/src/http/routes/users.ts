import { Router } from 'express';
import { z } from 'zod';
import { listAccessRequests } from '../../crm/accessRequests.js';
import { invitationState, listInvitations } from '../../crm/invitations.js';
import { requireManager } from '../../crm/inviteUsers.js';
import { PROFILES, ROLES } from '../../crm/identity.js';
import { changeUserAccess, deactivateUser, reactivateUser } from '../../crm/manageUsers.js';
import { isPaidEdition } from '../../crm/permissions.js';
import type { UserRow } from '../../store/schema.js';
import { stopSyncsOfDeactivatedUser } from '../../sync/syncCommands.js';
import { identityOf } from '../authenticate.js';
import { crmContext, type ServiceDependencies } from '../dependencies.js';

const directoryQuery = z.object({ search: z.string().max(100).optional() });
const userParams = z.object({ id: z.string().min(1).max(100) });
const accessChange = z
  .object({ profile: z.enum(PROFILES).optional(), role: z.enum(ROLES).optional() })
  .strict()
  .refine((change) => change.profile !== undefined || change.role !== undefined, 'profile or role is required');

function presentUser(user: UserRow) {
  return {
    id: user.id,
    name: user.display_name,
    email: user.email,
    profile: user.profile,
    role: user.role,
    status: user.status,
  };
}

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
      users: users.map(presentUser),
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

  router.patch('/api/users/:id', async (req, res) => {
    const { id } = userParams.parse(req.params);
    const change = accessChange.parse(req.body);
    res.json(presentUser(await changeUserAccess(crmContext(deps), identityOf(res), id, change)));
  });

  router.post('/api/users/:id/deactivate', async (req, res) => {
    const { id } = userParams.parse(req.params);
    const user = await deactivateUser(crmContext(deps), identityOf(res), id);
    await stopSyncsOfDeactivatedUser(deps.sync, user);
    res.json(presentUser(user));
  });

  router.post('/api/users/:id/activate', async (req, res) => {
    const { id } = userParams.parse(req.params);
    res.json(presentUser(await reactivateUser(crmContext(deps), identityOf(res), id)));
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
