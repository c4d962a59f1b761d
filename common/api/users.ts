import { z } from 'zod';
import { USER_LIMITS } from '../fieldLimits.js';
import { accessRequestStatusSchema } from './account.js';
import { EDITIONS, PROFILES, ROLES } from './enums.js';

/** A CRM user as Settings > Users lists them. */
export const crmUserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    profile: z.enum(PROFILES),
    role: z.enum(ROLES),
    status: z.enum(['active', 'inactive']),
  })
  .meta({ id: 'CrmUser' });
export type CrmUser = z.infer<typeof crmUserSchema>;

export const invitationStateSchema = z.enum(['pending', 'expired', 'accepted', 'revoked']);
export type InvitationState = z.infer<typeof invitationStateSchema>;

export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    source: z.enum(['office365', 'email']),
    state: invitationStateSchema,
    mailSent: z.boolean(),
    expiresAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof invitationSchema>;

/** An access request as its approval link and Settings > Users show it. */
export const accessRequestSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    status: accessRequestStatusSchema,
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'AccessRequest' });
export type AccessRequest = z.infer<typeof accessRequestSchema>;

/** GET /api/users: Settings > Setup > Users & Control > Users. */
export const usersOverviewSchema = z
  .object({
    organisation: z.object({ name: z.string(), edition: z.enum(EDITIONS), paid: z.boolean() }),
    users: z.array(crmUserSchema),
    invitations: z.array(invitationSchema),
    accessRequests: z.array(accessRequestSchema),
  })
  .meta({ id: 'UsersOverview' });
export type UsersOverview = z.infer<typeof usersOverviewSchema>;

/** `:id` of a CRM user. */
export const userIdParams = z.object({ id: z.string().min(1).max(100) });

/** PATCH /api/users/:id: Manage Users changes a user's profile, role or both. */
export const userAccessChangeBody = z
  .object({ profile: z.enum(PROFILES).optional(), role: z.enum(ROLES).optional() })
  .strict()
  .refine((change) => change.profile !== undefined || change.role !== undefined, 'profile or role is required');

/** GET /api/directory-users: the tenant's directory users who are not CRM users yet. */
export const directoryUsersQuery = z.object({ search: z.string().max(100).optional() });

export const directoryUserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    jobTitle: z.string().nullable(),
    invited: z.boolean(),
  })
  .meta({ id: 'DirectoryUser' });
export type DirectoryUser = z.infer<typeof directoryUserSchema>;

/** POST /api/invitations: directory users by id (Office 365 Users), or one address (New User). */
export const inviteBody = z.union([
  z.object({ directoryUserIds: z.array(z.string().min(1).max(100)).min(1).max(200) }).strict(),
  z
    .object({
      email: z.string().trim().email().max(USER_LIMITS.email),
      name: z.string().trim().max(USER_LIMITS.name).optional(),
    })
    .strict(),
]);

export const inviteOutcomeSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    result: z.enum(['invited', 'already_member', 'already_invited', 'not_in_directory', 'mail_failed']),
    invitationId: z.string().optional(),
  })
  .meta({ id: 'InviteOutcome' });
export type InviteOutcome = z.infer<typeof inviteOutcomeSchema>;
export type InviteResult = InviteOutcome['result'];

/** POST /api/invitations/accept: with the e-mail link's token, or the open invitation for the caller's address. */
export const acceptInvitationBody = z
  .object({ acceptTerms: z.boolean(), token: z.string().min(1).max(200).optional() })
  .strict();

/** POST /api/invitations/check: whether the caller may accept the invitation behind a link (204), before any terms. */
export const checkInvitationBody = z.object({ token: z.string().min(1).max(200) }).strict();
