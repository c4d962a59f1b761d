import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aUser, anIdentity, anOrganisation, CONTOSO_TENANT_ID } from '../../test/builders.js';
import { storeKinds } from '../../test/stores.js';
import { AppError } from '../errors.js';
import type { Store } from '../store/database.js';
import { decideAccessRequest, requestAccess } from './accessRequests.js';
import { acceptInvitation } from './acceptInvitation.js';
import { resolveAccountState } from './accountState.js';
import type { CrmContext } from './context.js';
import type { MicrosoftIdentity } from './identity.js';
import { INVITATION_LIFETIME_MS } from './invitations.js';
import { inviteByEmail, inviteDirectoryUsers } from './inviteUsers.js';
import type { OutgoingMail } from './mailer.js';
import { resendInvitation, revokeInvitation } from './manageInvitation.js';
import type { DirectoryUser } from './tenantDirectory.js';

const directoryUsers: DirectoryUser[] = [
  {
    id: 'megan-id',
    displayName: 'Megan Bowen',
    mail: 'megan.bowen@contoso.onmicrosoft.com',
    userPrincipalName: 'megan.bowen@contoso.onmicrosoft.com',
    jobTitle: 'Marketing',
    preferredLanguage: 'de-DE',
  },
  {
    id: 'alex-id',
    displayName: 'Alex Wilber',
    mail: 'alex.wilber@contoso.onmicrosoft.com',
    userPrincipalName: 'alex.wilber@contoso.onmicrosoft.com',
    jobTitle: null,
    preferredLanguage: 'en-US',
  },
];

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

const kinds = await storeKinds();

describe.each(kinds)('users from Microsoft 365 on $name', (kind) => {
  let store: Store;
  let ctx: CrmContext;
  let sent: { from: string; mail: OutgoingMail }[];
  let clock: Date;
  let admin: MicrosoftIdentity;
  let organisationId: string;

  beforeEach(async () => {
    if (!kind.available) return;
    store = await kind.open();
    sent = [];
    clock = new Date('2026-11-27T10:00:00Z');
    // Graph (directory and sendMail) is outside this suite; the integration tests use the local tenant.
    ctx = {
      db: store.db,
      directory: {
        describeTenant: async () => ({ displayName: 'Contoso', verifiedDomains: [] }),
        listUsers: async () => directoryUsers,
      },
      mailer: { send: async (from, mail) => void sent.push({ from: from.email, mail }) },
      now: () => clock,
      publicUrl: 'https://crm.example',
      brand: 'Zoho CRM',
    };
    const organisation = await anOrganisation(store, { tenant_id: CONTOSO_TENANT_ID, name: 'Contoso' });
    organisationId = organisation.id;
    admin = anIdentity();
    await aUser(store, organisation.id, {
      email: admin.email,
      tenant_id: admin.tenantId,
      object_id: admin.objectId,
      profile: 'super_admin',
      display_name: 'Contoso Admin',
    });
  });
  afterEach(async () => {
    if (kind.available) await store.close();
  });

  const secretOf = (mail: OutgoingMail) => decodeURIComponent(/invitation=([^"&\s]+)/.exec(mail.text)![1]!);

  it.skipIf(!kind.available)(
    'invites directory users once each, in their language, storing only a hash of the link',
    async () => {
      const outcomes = await inviteDirectoryUsers(ctx, admin, ['megan-id', 'alex-id', 'unknown-id'], 'en');
      expect(outcomes.map((o) => o.result)).toEqual(['invited', 'invited', 'not_in_directory']);
      expect(sent.map((s) => s.mail.subject)).toEqual([
        expect.stringContaining('lädt Sie'),
        expect.stringContaining('invited you'),
      ]);
      expect(sent[0]!.from).toBe(admin.email);
      const stored = await store.db.selectFrom('invitations').selectAll().execute();
      for (const { mail } of sent) expect(stored.map((row) => row.token_hash)).not.toContain(secretOf(mail));
      expect((await inviteDirectoryUsers(ctx, admin, ['megan-id'], 'en'))[0]!.result).toBe('already_invited');
    },
  );

  it.skipIf(!kind.available)('refuses a user without Manage Users, and a free edition, changing nothing', async () => {
    const megan = anIdentity({ email: 'megan.bowen@contoso.onmicrosoft.com', isTenantAdmin: false });
    await aUser(store, organisationId, {
      email: megan.email,
      tenant_id: megan.tenantId,
      object_id: megan.objectId,
      profile: 'standard',
    });
    expect(await codeOf(inviteDirectoryUsers(ctx, megan, ['alex-id'], 'en'))).toBe('permission_denied');
    expect(await codeOf(inviteByEmail(ctx, megan, { email: 'x@example.com' }, 'en'))).toBe('permission_denied');
    await store.db.updateTable('organisations').set({ edition: 'free' }).execute();
    expect(await codeOf(inviteDirectoryUsers(ctx, admin, ['alex-id'], 'en'))).toBe('upgrade_required');
    expect(await store.db.selectFrom('invitations').selectAll().execute()).toHaveLength(0);
    expect(sent).toHaveLength(0);
  });

  it.skipIf(!kind.available)(
    'accepts an invitation once, only for its address, and only before it expires',
    async () => {
      await inviteDirectoryUsers(ctx, admin, ['megan-id', 'alex-id'], 'en');
      const [meganMail, alexMail] = sent.map((s) => s.mail);
      const megan = anIdentity({
        email: 'megan.bowen@contoso.onmicrosoft.com',
        isTenantAdmin: false,
        name: 'Megan Bowen',
      });
      const alex = anIdentity({ email: 'alex.wilber@contoso.onmicrosoft.com', isTenantAdmin: false });

      expect((await resolveAccountState(store.db, ctx.directory, megan, clock)).state).toBe('invited');
      expect(await codeOf(acceptInvitation(ctx, alex, { acceptTerms: true, token: secretOf(meganMail!) }))).toBe(
        'invitation_other_address',
      );
      expect(await codeOf(acceptInvitation(ctx, megan, { acceptTerms: true, token: 'forged' }))).toBe(
        'invitation_not_found',
      );
      expect(await codeOf(acceptInvitation(ctx, megan, { acceptTerms: false, token: secretOf(meganMail!) }))).toBe(
        'terms_not_accepted',
      );
      await acceptInvitation(ctx, megan, { acceptTerms: true, token: secretOf(meganMail!) });
      const meganAccount = await resolveAccountState(store.db, ctx.directory, megan, clock);
      expect(meganAccount.state === 'member' && meganAccount.user.profile).toBe('standard');
      expect(await codeOf(acceptInvitation(ctx, megan, { acceptTerms: true, token: secretOf(meganMail!) }))).toBe(
        'invitation_used',
      );

      clock = new Date(clock.getTime() + INVITATION_LIFETIME_MS + 1000);
      expect(await codeOf(acceptInvitation(ctx, alex, { acceptTerms: true, token: secretOf(alexMail!) }))).toBe(
        'invitation_expired',
      );
      expect((await resolveAccountState(store.db, ctx.directory, alex, clock)).state).toBe('no_access');
      expect(await store.db.selectFrom('users').selectAll().execute()).toHaveLength(2);
    },
  );

  it.skipIf(!kind.available)(
    'accepts by simply opening the app, and a resend or revoke kills the old link',
    async () => {
      await inviteDirectoryUsers(ctx, admin, ['megan-id', 'alex-id'], 'en');
      const [meganMail, alexMail] = sent.map((s) => s.mail);
      const megan = anIdentity({ email: 'megan.bowen@contoso.onmicrosoft.com', isTenantAdmin: false });
      const alex = anIdentity({ email: 'alex.wilber@contoso.onmicrosoft.com', isTenantAdmin: false });
      const invitations = await store.db.selectFrom('invitations').selectAll().orderBy('email').execute();

      expect(await resendInvitation(ctx, admin, invitations[1]!.id, 'en')).toBe(true);
      expect(await codeOf(acceptInvitation(ctx, megan, { acceptTerms: true, token: secretOf(meganMail!) }))).toBe(
        'invitation_not_found',
      );
      await acceptInvitation(ctx, megan, { acceptTerms: true });
      expect((await resolveAccountState(store.db, ctx.directory, megan, clock)).state).toBe('member');

      await revokeInvitation(ctx, admin, invitations[0]!.id);
      expect(await codeOf(acceptInvitation(ctx, alex, { acceptTerms: true, token: secretOf(alexMail!) }))).toBe(
        'invitation_revoked',
      );
    },
  );

  it.skipIf(!kind.available)(
    'takes one open access request per person, mails every manager, and decides it once',
    async () => {
      const otherAdmin = anIdentity({ email: 'patti.fernandez@contoso.onmicrosoft.com' });
      await aUser(store, organisationId, {
        email: otherAdmin.email,
        tenant_id: otherAdmin.tenantId,
        object_id: otherAdmin.objectId,
        profile: 'administrator',
      });
      const standard = anIdentity({ email: 'lee.gu@contoso.onmicrosoft.com', isTenantAdmin: false });
      await aUser(store, organisationId, {
        email: standard.email,
        tenant_id: standard.tenantId,
        object_id: standard.objectId,
        profile: 'standard',
      });
      const diego = anIdentity({
        email: 'diego.siciliani@contoso.onmicrosoft.com',
        isTenantAdmin: false,
        name: 'Diego Siciliani',
      });

      expect((await resolveAccountState(store.db, ctx.directory, diego, clock)).state).toBe('no_access');
      expect(await requestAccess(ctx, diego, 'de')).toEqual({ notified: 2, mailFailed: 0 });
      expect(sent.map((s) => s.mail.to[0]!.address).sort()).toEqual([admin.email, otherAdmin.email].sort());
      expect(sent.every((s) => s.from === diego.email)).toBe(true);
      expect(await codeOf(requestAccess(ctx, diego, 'de'))).toBe('request_pending');
      const pending = await resolveAccountState(store.db, ctx.directory, diego, clock);
      expect(pending.state).toBe('request_pending');
      const requestId = pending.state === 'request_pending' ? pending.request.id : '';

      expect(await codeOf(decideAccessRequest(ctx, standard, requestId, 'approve', 'en'))).toBe('permission_denied');
      expect((await resolveAccountState(store.db, ctx.directory, diego, clock)).state).toBe('request_pending');

      await decideAccessRequest(ctx, admin, requestId, 'approve', 'en');
      expect((await resolveAccountState(store.db, ctx.directory, diego, clock)).state).toBe('member');
      expect(await codeOf(decideAccessRequest(ctx, otherAdmin, requestId, 'decline', 'en'))).toBe(
        'request_already_decided',
      );
      expect(sent.at(-1)!.mail.to[0]!.address).toBe(diego.email);
    },
  );

  it.skipIf(!kind.available)('lets a declined person see the outcome and ask again', async () => {
    const nestor = anIdentity({ email: 'nestor.wilke@contoso.onmicrosoft.com', isTenantAdmin: false });
    await requestAccess(ctx, nestor, 'en');
    const pending = await resolveAccountState(store.db, ctx.directory, nestor, clock);
    await decideAccessRequest(
      ctx,
      admin,
      pending.state === 'request_pending' ? pending.request.id : '',
      'decline',
      'en',
    );
    expect((await resolveAccountState(store.db, ctx.directory, nestor, clock)).state).toBe('request_declined');
    await requestAccess(ctx, nestor, 'en');
    expect((await resolveAccountState(store.db, ctx.directory, nestor, clock)).state).toBe('request_pending');
  });
});
