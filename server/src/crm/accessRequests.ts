import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../errors.js';
import { accessDecisionMail } from '../mail/accessDecisionMail.js';
import { accessRequestMail } from '../mail/accessRequestMail.js';
import { mailLanguage, type Language } from '../i18n/language.js';
import type { AccessRequestRow, Database } from '../store/schema.js';
import { links, type CrmContext } from './context.js';
import { normalizeEmail, type MicrosoftIdentity } from './identity.js';
import { requireManager } from './inviteUsers.js';
import { findOrganisationByTenant } from './organisations.js';
import { hasPermission } from './permissions.js';
import { findUserByEmail, findUserByIdentity } from './users.js';

type Db = Kysely<Database>;

/** The person's open request if there is one, else their most recent decided one. */
export async function latestAccessRequest(
  db: Db,
  organisationId: string,
  tenantId: string,
  objectId: string,
): Promise<AccessRequestRow | undefined> {
  const requests = await db
    .selectFrom('access_requests')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('tenant_id', '=', tenantId)
    .where('object_id', '=', objectId)
    .orderBy('created_at', 'desc')
    .execute();
  return requests.find((request) => request.status === 'pending') ?? requests[0];
}

export function listAccessRequests(db: Db, organisationId: string): Promise<AccessRequestRow[]> {
  return db
    .selectFrom('access_requests')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .execute();
}

export type RequestAccessResult = { notified: number; mailFailed: number };

/**
 * Request Access: a colleague of an organisation's tenant asks to join. Every user with Manage Users gets an
 * e-mail from the requester's mailbox with an approval link. One open request per person.
 */
export async function requestAccess(
  ctx: CrmContext,
  identity: MicrosoftIdentity,
  senderLanguage: Language,
): Promise<RequestAccessResult> {
  const organisation = await findOrganisationByTenant(ctx.db, identity.tenantId);
  if (!organisation) throw new AppError('not_installed');
  if (await findUserByIdentity(ctx.db, identity.tenantId, identity.objectId)) throw new AppError('already_member');
  const request: AccessRequestRow = {
    id: randomUUID(),
    organisation_id: organisation.id,
    tenant_id: identity.tenantId,
    object_id: identity.objectId,
    email: identity.email,
    display_name: identity.name,
    language: senderLanguage,
    status: 'pending',
    created_at: ctx.now().toISOString(),
    decided_at: null,
    decided_by_user_id: null,
    open_key: `${organisation.id}:${identity.tenantId}:${identity.objectId}`,
  };
  try {
    await ctx.db.insertInto('access_requests').values(request).execute();
  } catch (error) {
    const open = await latestAccessRequest(ctx.db, organisation.id, identity.tenantId, identity.objectId);
    if (open?.status === 'pending') throw new AppError('request_pending');
    throw error;
  }

  const managers = (
    await ctx.db.selectFrom('users').selectAll().where('organisation_id', '=', organisation.id).execute()
  ).filter((user) => hasPermission(user, 'manage_users'));
  let mailFailed = 0;
  for (const manager of managers) {
    const mail = accessRequestMail(mailLanguage(manager.language, senderLanguage), {
      brand: ctx.brand,
      organisationName: organisation.name,
      requesterName: identity.name,
      requesterEmail: identity.email,
      link: links.accessRequest(ctx.publicUrl, request.id),
    });
    try {
      await ctx.mailer.send(identity, { to: [{ address: manager.email, name: manager.display_name }], ...mail });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      mailFailed += 1;
    }
  }
  return { notified: managers.length - mailFailed, mailFailed };
}

/** The request behind an approval link, for someone who may decide it; others learn they lack the permission. */
export async function getAccessRequest(
  ctx: CrmContext,
  identity: MicrosoftIdentity,
  requestId: string,
): Promise<AccessRequestRow> {
  const member = await requireManager(ctx, identity);
  const request = await ctx.db
    .selectFrom('access_requests')
    .selectAll()
    .where('id', '=', requestId)
    .where('organisation_id', '=', member.organisation.id)
    .executeTakeFirst();
  if (!request) throw new AppError('request_not_found');
  return request;
}

/**
 * Approve & Add, or decline. Decided once: a second decision (or a replayed link) is told what happened. Approval
 * makes the requester a Standard user of the organisation; both outcomes are mailed to the requester.
 */
export async function decideAccessRequest(
  ctx: CrmContext,
  identity: MicrosoftIdentity,
  requestId: string,
  decision: 'approve' | 'decline',
  senderLanguage: Language,
): Promise<AccessRequestRow> {
  const member = await requireManager(ctx, identity);
  const request = await getAccessRequest(ctx, identity, requestId);
  if (request.status !== 'pending')
    throw new AppError('request_already_decided', request.status, { status: request.status });
  const now = ctx.now().toISOString();
  const status = decision === 'approve' ? 'approved' : 'declined';
  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('access_requests')
      .set({ status, decided_at: now, decided_by_user_id: member.user.id, open_key: null })
      .where('id', '=', request.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('request_already_decided');
    if (decision === 'decline') return;
    if (await findUserByEmail(trx, request.email)) throw new AppError('already_member');
    await trx
      .insertInto('users')
      .values({
        id: randomUUID(),
        organisation_id: member.organisation.id,
        email: request.email,
        email_normalized: normalizeEmail(request.email),
        display_name: request.display_name,
        profile: 'standard',
        status: 'active',
        tenant_id: request.tenant_id,
        object_id: request.object_id,
        password_hash: null,
        language: request.language,
        terms_accepted_at: null,
        created_at: now,
      })
      .execute();
  });
  const mail = accessDecisionMail(mailLanguage(request.language, senderLanguage), {
    brand: ctx.brand,
    organisationName: member.organisation.name,
    deciderName: member.user.display_name,
    approved: decision === 'approve',
    link: links.app(ctx.publicUrl),
  });
  try {
    await ctx.mailer.send(identity, { to: [{ address: request.email, name: request.display_name }], ...mail });
  } catch (error) {
    // The decision stands; the requester also sees it when they open the app.
    if (!(error instanceof AppError)) throw error;
  }
  return { ...request, status, decided_at: now, decided_by_user_id: member.user.id, open_key: null };
}
