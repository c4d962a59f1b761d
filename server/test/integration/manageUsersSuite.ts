import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, installTenant, joinByInvitation } from '../fixtures.js';
import { Outlook } from '../outlook.js';
import { startStack, type Stack } from '../stack.js';
import { enableCalendarSync, syncNow, type CalendarSyncHandle } from '../syncFixtures.js';
import { dropTestSchemas, TEST_DATABASE_URL, type StoreKind } from '../stores.js';

const ADMIN = 'admin@contoso.onmicrosoft.com';
const MEGAN = 'megan.bowen@contoso.onmicrosoft.com';
const ALEX = 'alex.wilber@contoso.onmicrosoft.com';

interface ApiUser {
  id: string;
  name: string;
  email: string;
  profile: string;
  role: string;
  status: string;
}

/** Settings > Users: profiles, roles, deactivation and reactivation through the API, on the given store. */
export function manageUsersSuite(kind: StoreKind['name'], available: boolean): void {
  describe.skipIf(!available)(`managing CRM users (${kind})`, () => {
    let stack: Stack;
    let admin: string;
    let megan: string;
    let alex: string;
    let meganSync: CalendarSyncHandle;
    const schema = `test_users_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;

    const users = async (token = admin) => (await stack.api<{ users: ApiUser[] }>('/api/users', { token })).body.users;
    const userId = async (email: string) => (await users()).find((u) => u.email === email)!.id;

    beforeAll(async () => {
      stack = await startStack(kind === 'postgres' ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema } : {});
      admin = await installTenant(stack, ADMIN);
      megan = await joinByInvitation(stack, admin, MEGAN);
      alex = await joinByInvitation(stack, admin, ALEX);
      meganSync = await enableCalendarSync(stack, megan);
    });
    afterAll(async () => {
      await (stack as Stack | undefined)?.close();
      if (kind === 'postgres') await dropTestSchemas(schema);
    });

    it('lists each user with profile and role; the installer is Super Admin and CEO', async () => {
      const list = await users();
      expect(list.find((u) => u.email === ADMIN)).toMatchObject({ profile: 'super_admin', role: 'ceo' });
      expect(list.find((u) => u.email === MEGAN)).toMatchObject({ profile: 'standard', role: 'manager' });
    });

    it('a standard user may not change anyone, and nothing changes', async () => {
      const refused = await stack.api(`/api/users/${await userId(ALEX)}`, {
        token: megan,
        method: 'PATCH',
        body: { profile: 'administrator' },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('permission_denied');
      expect((await users()).find((u) => u.email === ALEX)!.profile).toBe('standard');
    });

    it('makes Megan an Administrator: she can then approve access requests (Manage Users)', async () => {
      const changed = await stack.api<ApiUser>(`/api/users/${await userId(MEGAN)}`, {
        token: admin,
        method: 'PATCH',
        body: { profile: 'administrator', role: 'ceo' },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ profile: 'administrator', role: 'ceo' });
      expect((await stack.api('/api/users', { token: megan })).status).toBe(200);
    });

    it('an Administrator cannot hand out Super Admin', async () => {
      const refused = await stack.api(`/api/users/${await userId(ALEX)}`, {
        token: megan,
        method: 'PATCH',
        body: { profile: 'super_admin' },
        language: 'de',
      });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toContain('Nur ein Super-Administrator');
    });

    it('refuses to demote or deactivate the last Super Admin, in words, and changes nothing', async () => {
      const adminId = await userId(ADMIN);
      const demote = await stack.api(`/api/users/${adminId}`, {
        token: admin,
        method: 'PATCH',
        body: { profile: 'standard' },
      });
      expect(demote.status).toBe(409);
      expect(demote.body.error).toBe('last_super_admin');
      expect(demote.body.message).toMatch(/only active Super Admin/);
      const deactivate = await stack.api(`/api/users/${adminId}/deactivate`, {
        token: megan,
        method: 'POST',
        language: 'de',
      });
      expect(deactivate.status).toBe(403);
      expect((await users()).find((u) => u.email === ADMIN)).toMatchObject({
        profile: 'super_admin',
        status: 'active',
      });
    });

    it('nobody can deactivate themself', async () => {
      const refused = await stack.api(`/api/users/${await userId(MEGAN)}/deactivate`, {
        token: megan,
        method: 'POST',
        language: 'de',
      });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toContain('nicht selbst deaktivieren');
    });

    it('refuses a user of another organisation and a malformed change', async () => {
      expect(
        (
          await stack.api('/api/users/00000000-0000-4000-8000-00000000de71/deactivate', {
            token: admin,
            method: 'POST',
          })
        ).status,
      ).toBe(404);
      const bad = await stack.api(`/api/users/${await userId(ALEX)}`, {
        token: admin,
        method: 'PATCH',
        body: { profile: 'owner' },
      });
      expect(bad.status).toBe(400);
    });

    it('deactivating Megan stops her sync (the calendar leaves Outlook), keeps her events, and says why in her log', async () => {
      const event = await stack.api<{ id: string }>('/api/events', {
        token: megan,
        method: 'POST',
        body: {
          subject: 'Kept after deactivation',
          start: '2030-01-10T09:00',
          end: '2030-01-10T10:00',
          timeZone: 'UTC',
        },
      });
      expect(event.status).toBe(201);
      const meganId = await userId(MEGAN);
      const deactivated = await stack.api<ApiUser>(`/api/users/${meganId}/deactivate`, {
        token: admin,
        method: 'POST',
      });
      expect(deactivated.status).toBe(200);
      expect(deactivated.body.status).toBe('inactive');

      expect((await stack.api('/api/events', { token: megan })).body.error).toBe('account_deactivated');
      const binding = await stack.store.db
        .selectFrom('sync_bindings')
        .selectAll()
        .where('id', '=', meganSync.bindingId)
        .executeTakeFirstOrThrow();
      expect(binding).toMatchObject({ status: 'disabled', disabled_reason: 'user_deactivated' });
      const outlook = new Outlook(stack, MEGAN);
      await eventually(async () => ((await outlook.calendarNamed('Zoho CRM')) ? undefined : true), 10_000, 'removal');
      const kept = await stack.store.db
        .selectFrom('events')
        .select('subject')
        .where('owner_user_id', '=', meganId)
        .execute();
      expect(kept.map((e) => e.subject)).toContain('Kept after deactivation');

      expect((await stack.api('/api/users/' + meganId + '/activate', { token: admin, method: 'POST' })).status).toBe(
        200,
      );
      const status = await stack.api<{ enabled: boolean; disabledReason: string; log: { reason: string }[] }>(
        '/api/sync/calendar',
        { token: megan, language: 'de' },
      );
      expect(status.body.enabled).toBe(false);
      expect(status.body.disabledReason).toBe('user_deactivated');
      expect(status.body.log.map((entry) => entry.reason).join('\n')).toContain(
        'Administrator diesen CRM-Benutzer deaktiviert',
      );
      expect((await stack.api('/api/events', { token: megan })).status).toBe(200);
      expect((await users()).find((u) => u.email === MEGAN)).toMatchObject({
        status: 'active',
        profile: 'administrator',
      });
    });

    it('a deactivation whose process died before stopping the syncs is finished by the next sync run', async () => {
      const alexSync = await enableCalendarSync(stack, alex);
      // The deactivation committed; the process died before it reached the syncs.
      await stack.store.db.updateTable('users').set({ status: 'inactive' }).where('id', '=', alexSync.userId).execute();
      await syncNow(stack, alexSync);
      const binding = await stack.store.db
        .selectFrom('sync_bindings')
        .selectAll()
        .where('id', '=', alexSync.bindingId)
        .executeTakeFirstOrThrow();
      expect(binding).toMatchObject({ status: 'disabled', disabled_reason: 'user_deactivated' });
      await stack.store.db.updateTable('users').set({ status: 'active' }).where('id', '=', alexSync.userId).execute();
    });

    it('once a second Super Admin exists, the first can be demoted', async () => {
      expect(
        (
          await stack.api(`/api/users/${await userId(ALEX)}`, {
            token: admin,
            method: 'PATCH',
            body: { profile: 'super_admin' },
          })
        ).status,
      ).toBe(200);
      const demoted = await stack.api<ApiUser>(`/api/users/${await userId(ADMIN)}`, {
        token: alex,
        method: 'PATCH',
        body: { profile: 'administrator' },
      });
      expect(demoted.status).toBe(200);
      expect(demoted.body.profile).toBe('administrator');
    });
  });
}
