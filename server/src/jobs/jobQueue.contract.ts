import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreKind } from '../../test/stores.js';
import type { Store } from '../store/database.js';
import { createJobQueue } from './createJobQueue.js';
import { JobFailedError, RetryLater, type JobQueue, type JobQueueErrorEvent } from './jobQueue.js';

const engineOf = { sqlite: 'in-process', postgres: 'PostgreSQL tables' } as const;

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The behaviour both engines share, run against the engine the store's dialect selects. Timing: the machine may
 * be loaded, so waits are generous and asserts are lower bounds or ranges, never exact.
 */
export function describeJobQueueContract(kind: StoreKind): void {
  describe(`job queue contract: ${engineOf[kind.name]} engine on ${kind.name}`, () => {
    let store: Store;
    const queues: JobQueue[] = [];
    let errors: JobQueueErrorEvent[];

    /** A queue as one worker has it; on PostgreSQL a second call is a second worker on the same tables. */
    function aQueue(stopTimeoutMs = 10_000): JobQueue {
      const queue = createJobQueue(store, { stopTimeoutMs, postgres: { pollingIntervalSeconds: 0.5 } });
      queue.on('error', (error) => errors.push(error));
      queues.push(queue);
      return queue;
    }

    beforeEach(async () => {
      errors = [];
      if (kind.available) store = await kind.open();
    });
    afterEach(async () => {
      if (!kind.available) return;
      for (const queue of queues.splice(0)) await queue.stop({ graceful: false });
      await store.close();
    });

    it.skipIf(!kind.available)(
      `runs jobs on the ${engineOf[kind.name]} engine with their data, unkeyed ones never coalesced, within the concurrency`,
      async () => {
        const queue = aQueue();
        const seen: { data: unknown; attempt: number }[] = [];
        let running = 0;
        let maxRunning = 0;
        queue.register<{ n: number }>(
          'work',
          async (job) => {
            running += 1;
            maxRunning = Math.max(maxRunning, running);
            await pause(200);
            seen.push({ data: job.data, attempt: job.attempt });
            running -= 1;
          },
          { concurrency: 2 },
        );
        await queue.start();
        const ids = await Promise.all([1, 2, 3, 4].map((n) => queue.enqueue('work', { n })));
        expect(ids.every((id) => typeof id === 'string')).toBe(true);
        await waitFor(() => seen.length === 4);
        expect(seen.map((entry) => (entry.data as { n: number }).n).sort()).toEqual([1, 2, 3, 4]);
        expect(seen.every((entry) => entry.attempt === 1)).toBe(true);
        expect(maxRunning).toBeLessThanOrEqual(2);
        expect(errors).toEqual([]);
      },
    );

    it.skipIf(!kind.available)(
      'retries a failing job with backoff, then emits one error event with the job and its cause',
      async () => {
        const queue = aQueue();
        const attempts: { attempt: number; at: number }[] = [];
        queue.register('flaky', async (job) => {
          attempts.push({ attempt: job.attempt, at: Date.now() });
          throw new Error(`boom ${job.attempt}`);
        });
        await queue.start();
        await queue.enqueue('flaky', { mailbox: 'a' }, { retryLimit: 1, retryDelaySeconds: 1 });
        await waitFor(() => errors.length > 0, 15_000);
        expect(attempts.map((entry) => entry.attempt)).toEqual([1, 2]);
        // The first retry waits between 1 and 2 s (base 1 s, jitter up to double); only the lower bound is firm.
        expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
        const [error] = errors;
        expect(error).toBeInstanceOf(JobFailedError);
        expect(error!.job).toMatchObject({ name: 'flaky', data: { mailbox: 'a' }, attempt: 2 });
        expect((error!.cause as Error).message).toBe('boom 2');
        await pause(1000);
        expect(attempts).toHaveLength(2);
        expect(errors).toHaveLength(1);
        const failures = await store.db.selectFrom('job_failures').selectAll().execute();
        expect(failures).toMatchObject([
          { name: 'flaky', attempts: 2, error: 'Error: boom 2', data: '{"mailbox":"a"}' },
        ]);
      },
    );

    it.skipIf(!kind.available)('runs a job again after RetryLater without using up an attempt', async () => {
      const queue = aQueue();
      const runs: { attempt: number; at: number }[] = [];
      queue.register('throttled', async (job) => {
        runs.push({ attempt: job.attempt, at: Date.now() });
        if (runs.length < 2) throw new RetryLater(1);
      });
      await queue.start();
      await queue.enqueue('throttled', {}, { retryLimit: 0, singletonKey: 'mailbox-1' });
      await waitFor(() => runs.length === 2, 15_000);
      expect(runs.map((run) => run.attempt)).toEqual([1, 1]);
      expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(900);
      await pause(300);
      expect(errors).toEqual([]);
    });

    it.skipIf(!kind.available)('does not run a job before its runAfter', async () => {
      const queue = aQueue();
      let ranAt = 0;
      queue.register('later', async () => {
        ranAt = Date.now();
      });
      await queue.start();
      const enqueuedAt = Date.now();
      await queue.enqueue('later', {}, { runAfter: new Date(enqueuedAt + 1200) });
      await pause(700);
      expect(ranAt).toBe(0);
      await waitFor(() => ranAt > 0);
      expect(ranAt - enqueuedAt).toBeGreaterThanOrEqual(1100);
    });

    it.skipIf(!kind.available)(
      'runs one job per singleton key at a time and coalesces a burst into one queued job',
      async () => {
        const workers = kind.name === 'postgres' ? [aQueue(), aQueue()] : [aQueue()];
        const running = new Map<string, number>();
        let maxPerKey = 0;
        const runs: string[] = [];
        const finished: string[] = [];
        for (const queue of workers) {
          queue.register<{ binding: string; n: number }>(
            'sync',
            async (job) => {
              const key = job.data.binding;
              running.set(key, (running.get(key) ?? 0) + 1);
              maxPerKey = Math.max(maxPerKey, running.get(key)!);
              runs.push(`${key}:${job.data.n}`);
              await pause(700);
              running.set(key, running.get(key)! - 1);
              finished.push(`${key}:${job.data.n}`);
            },
            { concurrency: 3 },
          );
          await queue.start();
        }
        const enqueue = (binding: string, n: number) =>
          workers[n % workers.length]!.enqueue('sync', { binding, n }, { singletonKey: binding });
        expect(await enqueue('A', 0)).toEqual(expect.any(String));
        await waitFor(() => runs.length === 1);
        // A is running: the next one queues, the rest of the burst is coalesced into it.
        const burst = [];
        for (let n = 1; n <= 5; n += 1) burst.push(await enqueue('A', n));
        expect(burst[0]).toEqual(expect.any(String));
        expect(burst.slice(1)).toEqual([null, null, null, null]);
        // Another key is not held up by A, nor by the A waiting before it.
        expect(await enqueue('B', 10)).toEqual(expect.any(String));
        await waitFor(() => runs.includes('B:10'));
        expect(finished).toEqual([]);
        await waitFor(() => runs.length === 3, 15_000);
        await pause(1500);
        expect(runs.filter((run) => run.startsWith('A:'))).toEqual(['A:0', 'A:1']);
        expect(runs).toContain('B:10');
        expect(maxPerKey).toBe(1);
        // Once nothing of A waits, A can be queued again.
        expect(await enqueue('A', 20)).toEqual(expect.any(String));
        await waitFor(() => runs.includes('A:20'));
        expect(errors).toEqual([]);
      },
    );

    it.skipIf(!kind.available)('runs a job every N seconds, once per period however many workers', async () => {
      const workers = kind.name === 'postgres' ? [aQueue(), aQueue()] : [aQueue()];
      const runs: number[] = [];
      for (const queue of workers) {
        queue.register('tick', async () => {
          runs.push(Date.now());
        });
        await queue.every('tick', 1, { periodic: true });
        await queue.start();
      }
      await pause(2500);
      // About one at start and one per second after: 2 to 4; two workers each sending would make 5 or more.
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs.length).toBeLessThanOrEqual(4);
      for (const queue of workers) await queue.stop();
      const stoppedWith = runs.length;
      await pause(1100);
      expect(runs.length).toBe(stoppedWith);
    });

    it.skipIf(!kind.available)('stops gracefully: waits for a running handler to finish', async () => {
      const queue = aQueue();
      let started = false;
      let finished = false;
      queue.register('slow', async () => {
        started = true;
        await pause(600);
        finished = true;
      });
      await queue.start();
      await queue.enqueue('slow', {});
      await waitFor(() => started);
      await queue.stop({ graceful: true });
      expect(finished).toBe(true);
    });

    it.skipIf(!kind.available)(
      'stops gracefully: aborts a handler through its signal after the stop timeout',
      async () => {
        const queue = aQueue(400);
        let started = false;
        let abortedWith: unknown;
        queue.register('stuck', async (job) => {
          started = true;
          await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve(), { once: true }));
          abortedWith = job.signal.reason;
        });
        await queue.start();
        await queue.enqueue('stuck', {});
        await waitFor(() => started);
        const stopAt = Date.now();
        await queue.stop({ graceful: true });
        expect(abortedWith).toBeInstanceOf(Error);
        expect(Date.now() - stopAt).toBeGreaterThanOrEqual(350);
        expect(Date.now() - stopAt).toBeLessThan(5000);
      },
    );
  });
}
