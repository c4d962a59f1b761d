import { afterEach, describe, expect, it } from 'vitest';
import { storeKinds, TEST_DATABASE_URL } from '../../test/stores.js';
import { openStore, type Store } from '../store/database.js';
import { JobEngineError, type JobQueueErrorEvent } from './jobQueue.js';
import { describeJobQueueContract } from './jobQueue.contract.js';
import { createStoreMailboxLimiter } from './mailboxLimiter.js';
import { PostgresJobQueue } from './postgresJobQueue.js';

const postgres = (await storeKinds()).find((kind) => kind.name === 'postgres')!;

// The postgres store selects this engine; the same contract runs against the other one in its own file.
describeJobQueueContract(postgres);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await pause(20);
  }
}

describe.skipIf(!postgres.available)('PostgreSQL job queue: leases, fencing and hand-back across workers', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** Worker processes on one database: each with its own store (pool) and queue; `cut` ends a worker's database. */
  async function workers(count: number, stopTimeoutMs = 10_000) {
    const first = await postgres.open();
    cleanups.push(() => first.close());
    const stores: Store[] = [first];
    for (let i = 1; i < count; i += 1) {
      const store = await openStore(TEST_DATABASE_URL, { postgresSchema: first.schema! });
      let open = true;
      stores.push({
        ...store,
        close: async () => {
          if (open) await store.close();
          open = false;
        },
      });
      cleanups.push(() => stores[i]!.close());
    }
    return stores.map((store) => {
      const errors: JobQueueErrorEvent[] = [];
      const queue = new PostgresJobQueue(store.db, { pollingIntervalSeconds: 0.5, stopTimeoutMs });
      queue.on('error', (error) => errors.push(error));
      cleanups.push(() => queue.stop({ graceful: false }));
      return { store, queue, errors, cut: () => store.close() };
    });
  }

  it('takes up the job of a worker that lost the database once its lease expires, after that worker aborted it', async () => {
    const [a, b] = await workers(2);
    const runs: { worker: string; attempt: number; at: number }[] = [];
    let bAbortedAt = 0;
    b!.queue.register('sync', async (job) => {
      runs.push({ worker: 'b', attempt: job.attempt, at: Date.now() });
      await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve(), { once: true }));
      bAbortedAt = Date.now();
    });
    await b!.queue.start();
    await b!.queue.enqueue('sync', { binding: 1 }, { singletonKey: 'binding-1' });
    await waitFor(() => runs.length === 1);
    a!.queue.register('sync', async (job) => {
      runs.push({ worker: 'a', attempt: job.attempt, at: Date.now() });
    });
    await a!.queue.start();
    // Worker b can no longer reach PostgreSQL: its renewals fail, as those of a killed process would be missing.
    const cutAt = Date.now();
    await b!.cut();
    await waitFor(() => runs.length === 2, 30_000);
    const takenUp = runs[1]!;
    console.log(`job of a worker cut from the database ran again elsewhere after ${(takenUp.at - cutAt) / 1000} s`);
    expect(takenUp).toMatchObject({ worker: 'a', attempt: 2 });
    // Fencing: b's handler was told to stop before the lease could pass to a, not after.
    expect(bAbortedAt).toBeGreaterThan(0);
    expect(bAbortedAt).toBeLessThan(takenUp.at);
    expect(takenUp.at - cutAt).toBeGreaterThanOrEqual(8_000);
    expect(takenUp.at - cutAt).toBeLessThan(20_000);
    expect(b!.errors.some((error) => error instanceof JobEngineError && /lease lost/.test(String(error.message)))).toBe(
      true,
    );
    const records = await a!.store.db.selectFrom('job_runs').selectAll().orderBy('started_at').execute();
    expect(records.map((record) => record.outcome)).toEqual(['lease_expired', 'completed']);
    expect(records[0]!.worker_id).toBe(b!.queue.workerId);
    expect(records[0]!.finished_at!.getTime()).toBeLessThanOrEqual(records[1]!.started_at.getTime());
  }, 40_000);

  it('hands a running job back to the queue on a graceful stop, without using up an attempt', async () => {
    const [a, b] = await workers(2, 300);
    const runs: { worker: string; attempt: number }[] = [];
    a!.queue.register('sync', async (job) => {
      runs.push({ worker: 'a', attempt: job.attempt });
      await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve(), { once: true }));
      throw new Error('cut short');
    });
    await a!.queue.start();
    await a!.queue.enqueue('sync', {}, { singletonKey: 'binding-2', retryLimit: 0 });
    await waitFor(() => runs.length === 1);
    await a!.queue.stop();
    const row = await a!.store.db.selectFrom('job_queue').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'queued', attempt: 1, lease_owner: null });
    b!.queue.register('sync', async (job) => {
      runs.push({ worker: 'b', attempt: job.attempt });
    });
    await b!.queue.start();
    await waitFor(() => runs.length === 2);
    expect(runs[1]).toEqual({ worker: 'b', attempt: 1 });
    await waitFor(async () => (await a!.store.db.selectFrom('job_queue').selectAll().execute()).length === 0);
    const outcomes = await a!.store.db.selectFrom('job_runs').select('outcome').orderBy('started_at').execute();
    expect(outcomes.map((run) => run.outcome)).toEqual(['handed_back', 'completed']);
    expect([...a!.errors, ...b!.errors]).toEqual([]);
  });

  it('aborts a handler whose lease was taken away, and does not complete the job it no longer holds', async () => {
    const [a] = await workers(1);
    let abortedWith: unknown;
    a!.queue.register('sync', async (job) => {
      await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve(), { once: true }));
      abortedWith = job.signal.reason;
    });
    await a!.queue.start();
    await a!.queue.enqueue('sync', {}, { singletonKey: 'binding-3' });
    await waitFor(async () => (await a!.store.db.selectFrom('job_runs').selectAll().execute()).length === 1);
    // As if the lease had expired and another worker had taken the job.
    await a!.store.db
      .updateTable('job_queue')
      .set({ lease_token: crypto.randomUUID(), lease_owner: 'other' })
      .execute();
    await waitFor(() => abortedWith !== undefined, 5_000);
    expect(String(abortedWith)).toMatch(/lease lost/);
    expect(await a!.store.db.selectFrom('job_queue').select('lease_owner').execute()).toEqual([
      { lease_owner: 'other' },
    ]);
    expect(a!.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^Gave up sync .*: job lease lost: its lease was taken back$/),
    ]);
  });

  it("keeps Graph's 4 requests per mailbox for the jobs of two workers together", async () => {
    const [a, b] = await workers(2);
    let inFlight = 0;
    let maxInFlight = 0;
    let done = 0;
    for (const worker of [a!, b!]) {
      const limiter = createStoreMailboxLimiter(worker.store.db);
      worker.queue.register(
        'sync',
        async () => {
          // Each binding's run makes a few requests to the same mailbox (a user's calendar and contacts).
          for (let request = 0; request < 3; request += 1) {
            const release = await limiter.acquire('app|alice');
            inFlight += 1;
            maxInFlight = Math.max(maxInFlight, inFlight);
            await pause(30 + Math.random() * 30);
            inFlight -= 1;
            await release();
          }
          done += 1;
        },
        { concurrency: 4 },
      );
      await worker.queue.start();
    }
    for (let binding = 0; binding < 8; binding += 1)
      await a!.queue.enqueue('sync', {}, { singletonKey: `binding-${binding}` });
    await waitFor(() => done === 8, 20_000);
    expect(maxInFlight).toBe(4);
  });
});
