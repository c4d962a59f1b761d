import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTenant, joinByInvitation } from '../fixtures.js';
import { startStack, type Stack } from '../stack.js';

const MEGAN = 'megan.bowen@contoso.onmicrosoft.com';

describe('a CRM user an administrator deactivated', () => {
  let stack: Stack;
  let megan: string;

  beforeAll(async () => {
    stack = await startStack();
    const admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
    megan = await joinByInvitation(stack, admin, MEGAN);
    await stack.store.db.updateTable('users').set({ status: 'inactive' }).where('email', '=', MEGAN).execute();
  });
  afterAll(() => stack.close());

  it('gets one answer: /api/me says deactivated, and every other call refuses with the same reason', async () => {
    const me = await stack.api('/api/me', { token: megan });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ state: 'deactivated', organisation: { name: expect.any(String) } });
    expect(me.body).not.toHaveProperty('user.profile');

    for (const path of ['/api/events', '/api/contacts', '/api/sync/calendar', '/api/users']) {
      const refused = await stack.api(path, { token: megan, language: 'de' });
      expect(refused.status, path).toBe(403);
      expect(refused.body.error, path).toBe('account_deactivated');
      expect(refused.body.message, path).toContain('deaktiviert');
    }
  });

  it('is a member again once activated', async () => {
    await stack.store.db.updateTable('users').set({ status: 'active' }).where('email', '=', MEGAN).execute();
    expect((await stack.api('/api/me', { token: megan })).body.state).toBe('member');
    expect((await stack.api('/api/events', { token: megan })).status).toBe(200);
  });
});
