import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormBrowser } from '../formBrowser.js';
import { inbox, linkWith } from '../mailboxes.js';
import { startStack, type Stack } from '../stack.js';

const MEGAN_ID = 'c0a1d2e3-0002-4a00-8000-00000000c002';
const DIEGO_ID = 'c0a1d2e3-0008-4a00-8000-00000000c008';

// docs/product-rules.md#2-inviting-microsoft-365-users, #3-requesting-access
describe('users from Microsoft 365: invitations, access requests and approvals', () => {
  let stack: Stack;
  let admin: string;
  const users = async () =>
    await stack.store.db.selectFrom('users').select(['email', 'profile']).orderBy('email').execute();

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.tokenFor('admin@contoso.onmicrosoft.com');
    const { installUrl } = (await stack.api('/api/me', { token: admin })).body as { installUrl: string };
    const browser = new FormBrowser(stack.fetch);
    await (
      await (await browser.open(installUrl)).submit('login', 'admin@contoso.onmicrosoft.com')
    ).submit('passwd', stack.tenant.password);
    await browser.submit('decision', 'accept');
    expect(
      (await stack.api('/api/organisations', { token: admin, method: 'POST', body: { acceptTerms: true } })).status,
    ).toBe(201);
  });
  afterAll(() => stack.close());

  it('lists directory users who are not CRM users yet, from every page of Graph', async () => {
    const directory = await stack.api<{ users: { id: string; email: string }[] }>('/api/directory-users', {
      token: admin,
    });
    expect(directory.status).toBe(200);
    const emails = directory.body.users.map((user) => user.email);
    expect(emails).toContain('megan.bowen@contoso.onmicrosoft.com');
    expect(emails).not.toContain('admin@contoso.onmicrosoft.com');
    expect(emails.every((email) => email.endsWith('@contoso.onmicrosoft.com'))).toBe(true);
  });

  it('searches the directory for any text, also with &, # or % in it', async () => {
    for (const search of ['Megan', 'AT&T', 'C# 100%', 'a+b', 'Meg']) {
      const found = await stack.api<{ users: { email: string }[] }>(
        `/api/directory-users?search=${encodeURIComponent(search)}`,
        { token: admin },
      );
      expect(found.status, search).toBe(200);
      if (search.startsWith('Meg'))
        expect(found.body.users.map((user) => user.email)).toEqual(['megan.bowen@contoso.onmicrosoft.com']);
    }
  });

  it('invites by Office 365 Users with a mail in each recipient language, from the admin mailbox', async () => {
    const invited = await stack.api<{ outcomes: { email: string; result: string }[] }>('/api/invitations', {
      token: admin,
      method: 'POST',
      body: { directoryUserIds: [MEGAN_ID, DIEGO_ID] },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.outcomes.map((o) => o.result)).toEqual(['invited', 'invited']);

    const [meganMail] = await inbox(stack, 'megan.bowen@contoso.onmicrosoft.com');
    const [diegoMail] = await inbox(stack, 'diego.siciliani@contoso.onmicrosoft.com');
    expect(meganMail).toMatchObject({
      subject: expect.stringContaining('invited you'),
      from: { emailAddress: { address: 'admin@contoso.onmicrosoft.com' } },
    });
    expect(diegoMail!.subject).toContain('lädt Sie');
    // Plain text and HTML both arrive (a MIME multipart/alternative message).
    expect((meganMail as unknown as { textBody: string }).textBody).toContain('Accept invitation: https://');
    expect(meganMail!.body.content).toContain('<a href=');
    expect(linkWith(meganMail!, 'invitation').origin).toBe(stack.serviceUrl);

    const again = await stack.api<{ outcomes: { result: string }[] }>('/api/invitations', {
      token: admin,
      method: 'POST',
      body: { directoryUserIds: [MEGAN_ID] },
    });
    expect(again.body.outcomes[0]!.result).toBe('already_invited');
  });

  it('accepts through the link once and only for the invited address', async () => {
    const [meganMail] = await inbox(stack, 'megan.bowen@contoso.onmicrosoft.com');
    const token = linkWith(meganMail!, 'invitation').searchParams.get('invitation')!;
    const alex = await stack.tokenFor('alex.wilber@contoso.onmicrosoft.com');
    // Told before any terms, and told nothing of whose invitation it is.
    const checked = await stack.api<{ message: string }>('/api/invitations/check', {
      token: alex,
      method: 'POST',
      body: { token },
    });
    expect(checked).toMatchObject({ status: 403, body: { error: 'invitation_other_address' } });
    expect(JSON.stringify(checked.body)).not.toContain('megan');
    const stolen = await stack.api('/api/invitations/accept', {
      token: alex,
      method: 'POST',
      body: { acceptTerms: true, token },
    });
    expect(stolen).toMatchObject({ status: 403, body: { error: 'invitation_other_address' } });

    const megan = await stack.tokenFor('megan.bowen@contoso.onmicrosoft.com');
    expect((await stack.api('/api/invitations/check', { token: megan, method: 'POST', body: { token } })).status).toBe(
      204,
    );
    expect((await stack.api('/api/me', { token: megan })).body).toMatchObject({
      state: 'invited',
      organisation: { name: 'Contoso' },
    });
    const accepted = await stack.api('/api/invitations/accept', {
      token: megan,
      method: 'POST',
      body: { acceptTerms: true, token },
    });
    expect(accepted.body).toMatchObject({ state: 'member', user: { profile: 'standard' } });
    const replay = await stack.api('/api/invitations/accept', {
      token: megan,
      method: 'POST',
      body: { acceptTerms: true, token },
      language: 'de',
    });
    expect(replay.status).toBe(409);
  });

  it('accepts by simply opening the app', async () => {
    const diego = await stack.tokenFor('diego.siciliani@contoso.onmicrosoft.com');
    expect((await stack.api('/api/me', { token: diego })).body).toMatchObject({ state: 'invited' });
    expect(
      (await stack.api('/api/invitations/accept', { token: diego, method: 'POST', body: { acceptTerms: true } })).body,
    ).toMatchObject({ state: 'member' });
  });

  it('refuses every users route to a member without Manage Users, changing nothing', async () => {
    const megan = await stack.tokenFor('megan.bowen@contoso.onmicrosoft.com');
    const before = await users();
    for (const [path, method, body] of [
      ['/api/users', 'GET', undefined],
      ['/api/directory-users', 'GET', undefined],
      ['/api/invitations', 'POST', { directoryUserIds: ['c0a1d2e3-0003-4a00-8000-00000000c003'] }],
      ['/api/invitations', 'POST', { email: 'someone@example.com' }],
    ] as const) {
      const response = await stack.api(path, { token: megan, method, ...(body ? { body } : {}) });
      expect(response.status, path).toBe(403);
      expect(response.body.error).toBe('permission_denied');
    }
    expect(await users()).toEqual(before);
  });

  it('takes an access request, mails every manager an approval link, and approves it once', async () => {
    const lee = await stack.tokenFor('lee.gu@contoso.onmicrosoft.com');
    expect((await stack.api('/api/me', { token: lee })).body).toMatchObject({ state: 'no_access' });
    const requested = await stack.api('/api/access-requests', { token: lee, method: 'POST' });
    expect(requested.body).toMatchObject({ state: 'request_pending', notified: 1 });
    expect((await stack.api('/api/access-requests', { token: lee, method: 'POST' })).body).toMatchObject({
      error: 'request_pending',
    });

    const [approvalMail] = await inbox(stack, 'admin@contoso.onmicrosoft.com');
    expect(approvalMail).toMatchObject({
      subject: expect.stringContaining('Lee Gu'),
      from: { emailAddress: { address: 'lee.gu@contoso.onmicrosoft.com' } },
    });
    const requestId = linkWith(approvalMail!, 'accessRequest').searchParams.get('accessRequest')!;

    const megan = await stack.tokenFor('megan.bowen@contoso.onmicrosoft.com');
    expect(
      (await stack.api(`/api/access-requests/${requestId}/approve`, { token: megan, method: 'POST' })).body,
    ).toMatchObject({ error: 'permission_denied' });
    expect((await stack.api('/api/me', { token: lee })).body).toMatchObject({ state: 'request_pending' });

    expect((await stack.api(`/api/access-requests/${requestId}`, { token: admin })).body).toMatchObject({
      name: 'Lee Gu',
      status: 'pending',
    });
    expect(
      (await stack.api(`/api/access-requests/${requestId}/approve`, { token: admin, method: 'POST' })).body,
    ).toMatchObject({ status: 'approved' });
    const twice = await stack.api(`/api/access-requests/${requestId}/decline`, { token: admin, method: 'POST' });
    expect(twice).toMatchObject({ status: 409, body: { error: 'request_already_decided' } });
    expect(String(twice.body.message)).toContain('approved');
    const inGerman = await stack.api(`/api/access-requests/${requestId}/decline`, {
      token: admin,
      method: 'POST',
      language: 'de',
    });
    expect(inGerman.body.message).toBe('Über diese Anfrage wurde bereits entschieden (genehmigt).');

    expect((await stack.api('/api/me', { token: lee })).body).toMatchObject({
      state: 'member',
      user: { profile: 'standard' },
    });
    const [outcome] = await inbox(stack, 'lee.gu@contoso.onmicrosoft.com');
    expect(outcome!.subject).toContain('Welcome');
  });

  it('answers a forged approval link with not found', async () => {
    const forged = await stack.api('/api/access-requests/00000000-0000-4000-8000-000000000000/approve', {
      token: admin,
      method: 'POST',
    });
    expect(forged).toMatchObject({ status: 404, body: { error: 'request_not_found' } });
  });

  it('resends and revokes an invitation: the old link dies', async () => {
    const invited = await stack.api<{ outcomes: { invitationId: string }[] }>('/api/invitations', {
      token: admin,
      method: 'POST',
      body: { email: 'nestor.wilke@contoso.onmicrosoft.com', name: 'Nestor Wilke' },
    });
    const invitationId = invited.body.outcomes[0]!.invitationId;
    const firstToken = linkWith(
      (await inbox(stack, 'nestor.wilke@contoso.onmicrosoft.com'))[0]!,
      'invitation',
    ).searchParams.get('invitation')!;
    expect((await stack.api(`/api/invitations/${invitationId}/resend`, { token: admin, method: 'POST' })).body).toEqual(
      { mailSent: true },
    );
    const nestor = await stack.tokenFor('nestor.wilke@contoso.onmicrosoft.com');
    expect(
      (
        await stack.api('/api/invitations/accept', {
          token: nestor,
          method: 'POST',
          body: { acceptTerms: true, token: firstToken },
        })
      ).status,
    ).toBe(404);
    expect((await stack.api(`/api/invitations/${invitationId}/revoke`, { token: admin, method: 'POST' })).status).toBe(
      204,
    );
    const secondToken = linkWith(
      (await inbox(stack, 'nestor.wilke@contoso.onmicrosoft.com'))[0]!,
      'invitation',
    ).searchParams.get('invitation')!;
    expect(
      (
        await stack.api('/api/invitations/accept', {
          token: nestor,
          method: 'POST',
          body: { acceptTerms: true, token: secondToken },
        })
      ).body,
    ).toMatchObject({ error: 'invitation_revoked' });
    const listed = await stack.api<{ invitations: { id: string; state: string }[] }>('/api/users', { token: admin });
    expect(listed.body.invitations.find((i) => i.id === invitationId)?.state).toBe('revoked');
  });

  it('shows a free organisation the upgrade need on the server', async () => {
    await stack.store.db.updateTable('organisations').set({ edition: 'free' }).execute();
    const refused = await stack.api('/api/invitations', {
      token: admin,
      method: 'POST',
      body: { directoryUserIds: ['c0a1d2e3-0003-4a00-8000-00000000c003'] },
      language: 'de',
    });
    expect(refused).toMatchObject({ status: 402, body: { error: 'upgrade_required' } });
    expect(String(refused.body.message)).toContain('kostenpflichtigen');
    await stack.store.db.updateTable('organisations').set({ edition: 'professional' }).execute();
  });
});
