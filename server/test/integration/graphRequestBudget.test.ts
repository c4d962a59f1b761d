import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBinding } from '../../src/sync/bindings.js';
import { eventually, installTenant } from '../fixtures.js';
import { Outlook } from '../outlook.js';
import { startStack, type Stack } from '../stack.js';
import { dropTestSchemas, storeKinds, TEST_DATABASE_URL } from '../stores.js';
import { enableCalendarSync } from '../syncFixtures.js';

const EVENTS = 80;
const day = (offset: number, time: string) =>
  `${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)}T${time}`;

// On SQLite the Retry-After (at most 3 s) is waited out in place. On PostgreSQL the budget is spent within a few
// seconds of a 30 s window, so Retry-After is longer than a run waits in place (20 s): the run hands its job back
// to the queue and a later run goes on.
const budgets = { sqlite: { requests: 40, windowSeconds: 3 }, postgres: { requests: 70, windowSeconds: 30 } };

describe.each(await storeKinds())("the first sync under Outlook's request budget, scaled down ($name)", (kind) => {
  let stack: Stack;
  const schema = `test_budget_${Date.now().toString(36)}`;
  beforeEach(async () => {
    if (kind.available)
      stack = await startStack(
        kind.name === 'postgres' ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema } : {},
      );
  });
  afterEach(async () => {
    if (!kind.available) return;
    await stack.close();
    if (kind.name === 'postgres') await dropTestSchemas(schema);
  });

  it.skipIf(!kind.available)(
    'is throttled with 429 + Retry-After on its own load, waits as told, and still creates every event once',
    async () => {
      const admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
      for (let i = 0; i < EVENTS; i += 1) {
        const created = await stack.api('/api/events', {
          token: admin,
          method: 'POST',
          body: {
            subject: `Visit ${i}`,
            start: day(1 + (i % 60), '09:00'),
            end: day(1 + (i % 60), '10:00'),
            timeZone: 'Europe/Berlin',
          },
        });
        expect(created.status).toBe(201);
      }
      stack.tenant.knobs.update({ requestBudget: budgets[kind.name] });
      stack.tenant.requestCounts.reset();

      const sync = await enableCalendarSync(stack, admin);
      await eventually(
        async () => {
          const binding = await findBinding(stack.store.db, sync.userId, 'calendar');
          return binding?.stage === 'incremental' && binding.last_success_at ? binding : undefined;
        },
        90_000,
        'the first sync to finish',
      );

      const counts = stack.tenant.requestCounts.snapshot();
      expect(counts.throttled).toBeGreaterThan(0);
      // More requests than one window allows: the budget really was spent and waited for.
      expect(counts.mailboxes['admin@contoso.onmicrosoft.com']!.total).toBeGreaterThan(budgets[kind.name].requests);
      const subjects = (await new Outlook(stack, 'admin@contoso.onmicrosoft.com').events(sync.calendarId)).map(
        (event) => event.subject,
      );
      expect(subjects).toHaveLength(EVENTS);
      expect(new Set(subjects).size).toBe(EVENTS);
    },
    120_000,
  );
});
