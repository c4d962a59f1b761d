import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerJobHandlers } from '../../src/jobs/handlers.js';
import type { JobQueueErrorEvent } from '../../src/jobs/jobQueue.js';
import { PostgresJobQueue } from '../../src/jobs/postgresJobQueue.js';
import { findBindingById } from '../../src/sync/bindings.js';
import { installTenant } from '../fixtures.js';
import { Outlook } from '../outlook.js';
import { startStack, type Stack } from '../stack.js';
import { dropTestSchemas, storeKinds, TEST_DATABASE_URL } from '../stores.js';
import { enableCalendarSync } from '../syncFixtures.js';

const postgres = (await storeKinds()).find((kind) => kind.name === 'postgres')!;
const EVENTS = 200;

/**
 * What SIGTERM does to a worker in the middle of a user's first sync: the queue's graceful stop aborts the run at its
 * next Graph request once the stop timeout passes, and hands the job back; another worker finishes the sync, with
 * nothing created twice and no failure shown to the user.
 */
describe.skipIf(!postgres.available)('a worker stopping during a sync run', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  let stack: Stack;
  const queues: PostgresJobQueue[] = [];
  const errors: JobQueueErrorEvent[] = [];

  function aWorker(): PostgresJobQueue {
    const queue = new PostgresJobQueue(stack.store.db, { pollingIntervalSeconds: 0.5, stopTimeoutMs: 300 });
    queue.on('error', (error) => errors.push(error));
    registerJobHandlers(queue, {
      store: stack.store,
      logger: stack.deps.logger,
      limiter: stack.deps.sync.limiter,
      sync: stack.deps.sync,
      syncRunsPerProcess: 4,
    });
    queues.push(queue);
    return queue;
  }

  beforeAll(async () => {
    stack = await startStack({ databaseUrl: TEST_DATABASE_URL, databaseSchema: schema, runJobs: false });
  });
  afterAll(async () => {
    for (const queue of queues) await queue.stop({ graceful: false });
    await (stack as Stack | undefined)?.close();
    await dropTestSchemas(schema);
  });

  it('hands the running job back within the stop timeout, and another worker finishes it', async () => {
    const admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
    for (let i = 0; i < EVENTS; i += 1) {
      const day = `2027-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
      await stack.api('/api/events', {
        token: admin,
        method: 'POST',
        body: { subject: `Event ${i}`, start: `${day}T09:00`, end: `${day}T09:30`, timeZone: 'UTC' },
      });
    }
    stack.tenant.knobs.update({ latencyMs: 150 });
    const sync = await enableCalendarSync(stack, admin);
    const binding = () => findBindingById(stack.store.db, sync.bindingId).then((row) => row!);

    const first = aWorker();
    await first.start();
    const deadline = Date.now() + 30_000;
    while ((await binding()).initial_done === 0) {
      if (Date.now() > deadline) throw new Error('the first sync did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const stopAt = Date.now();
    await first.stop();
    const stopSeconds = (Date.now() - stopAt) / 1000;
    console.log(`graceful stop during a first sync took ${stopSeconds} s (stop timeout 0.3 s)`);
    expect(stopSeconds).toBeLessThan(4);
    expect((await binding()).stage).toBe('initial');
    expect((await binding()).last_error_code).toBeNull();
    expect(await stack.store.db.selectFrom('job_queue').select(['state', 'attempt']).execute()).toEqual([
      { state: 'queued', attempt: 1 },
    ]);
    expect(errors).toEqual([]);

    stack.tenant.knobs.update({ latencyMs: 0 });
    await aWorker().start();
    while ((await binding()).stage !== 'incremental') {
      if (Date.now() > deadline + 60_000) throw new Error('the first sync did not finish');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const subjects = (await new Outlook(stack, 'admin@contoso.onmicrosoft.com').events(sync.calendarId)).map(
      (event) => event.subject,
    );
    expect(subjects).toHaveLength(EVENTS);
    expect(new Set(subjects).size).toBe(EVENTS);
    const runs = await stack.store.db.selectFrom('job_runs').select('outcome').orderBy('started_at').execute();
    expect(runs[0]).toEqual({ outcome: 'handed_back' });
    expect(errors).toEqual([]);
  }, 120_000);
});
