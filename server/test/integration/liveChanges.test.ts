import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTenant } from '../fixtures.js';
import { Outlook } from '../outlook.js';
import { startStack, type Stack } from '../stack.js';
import { dropTestSchemas, storeKinds, TEST_DATABASE_URL } from '../stores.js';
import { enableCalendarSync, syncNow, type CalendarSyncHandle } from '../syncFixtures.js';

const ADMIN = 'admin@contoso.onmicrosoft.com';

/** GET /api/changes: what an open pane polls to refetch only when sync (or anyone) changed what it shows. */
describe.each((await storeKinds()).filter((kind) => kind.available))('the change version on $name', (kind) => {
  let stack: Stack;
  let admin: string;
  let sync: CalendarSyncHandle;
  const schema = `test_changes_${randomBytes(6).toString('hex')}`;
  const version = async (token = admin) => {
    const answer = await stack.api<{ version: string }>('/api/changes', { token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    return answer.body.version;
  };

  beforeAll(async () => {
    stack = await startStack(
      kind.name === 'postgres'
        ? { runJobs: false, databaseUrl: TEST_DATABASE_URL, databaseSchema: schema }
        : { runJobs: false },
    );
    admin = await installTenant(stack, ADMIN);
    sync = await enableCalendarSync(stack, admin);
    await syncNow(stack, sync);
  });
  afterAll(async () => {
    await stack.close();
    if (kind.name === 'postgres') await dropTestSchemas(schema);
  });

  it('stays the same while nothing changes', async () => {
    expect(await version()).toBe(await version());
  });

  it('moves when the sync brings an event made in Outlook', async () => {
    const before = await version();
    await new Outlook(stack, ADMIN).create(sync.calendarId, {
      subject: 'Made in Outlook',
      start: { dateTime: '2030-05-06T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2030-05-06T10:00:00', timeZone: 'UTC' },
    });
    expect(await version()).toBe(before);
    await syncNow(stack, sync);
    expect(await version()).not.toBe(before);
  });

  it('moves when a contact is created or deleted', async () => {
    const before = await version();
    const created = await stack.api<{ id: string }>('/api/contacts', {
      token: admin,
      method: 'POST',
      body: { lastName: 'Changes' },
    });
    expect(created.status).toBe(201);
    const afterCreate = await version();
    expect(afterCreate).not.toBe(before);
    await stack.api(`/api/contacts/${created.body.id}`, { token: admin, method: 'DELETE' });
    expect(await version()).not.toBe(afterCreate);
  });

  it('moves when the sync status changes, and is refused to someone who is no member', async () => {
    const before = await version();
    await stack.api('/api/sync/calendar/disable', { token: admin, method: 'POST' });
    expect(await version()).not.toBe(before);
    const stranger = await stack.tokenFor('megan.bowen@contoso.onmicrosoft.com');
    expect((await stack.api('/api/changes', { token: stranger })).status).toBe(403);
  });
});
