import { afterEach, describe, expect, it } from 'vitest';
import type { JobQueueErrorEvent } from '../../src/jobs/jobQueue.js';
import { PostgresJobQueue } from '../../src/jobs/postgresJobQueue.js';
import { openStore, type Store } from '../../src/store/database.js';
import { storeKinds, TEST_DATABASE_URL } from '../stores.js';
import { TcpProxy } from '../tcpProxy.js';

const postgres = (await storeKinds()).find((kind) => kind.name === 'postgres')!;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await pause(20);
  }
}

/**
 * Fencing when the database stops answering one worker (a blackhole between it and PostgreSQL): that worker aborts
 * its job before the lease can pass, another worker takes the job up, the binding never runs in both at once, and
 * the cut-off worker works again once the network heals, without a restart.
 */
describe.skipIf(!postgres.available)('the PostgreSQL job queue through a database hang', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('aborts the cut-off worker’s job before another worker takes it up, then recovers on its own', async () => {
    const direct = await postgres.open();
    cleanups.push(() => direct.close());
    const { proxy, url } = await TcpProxy.forDatabaseUrl(TEST_DATABASE_URL);
    cleanups.push(() => proxy.close());
    const behindProxy: Store = await openStore(url, {
      postgresSchema: direct.schema!,
      postgresTimeouts: { connectMs: 1_000, statementMs: 2_000 },
      onBackgroundError: () => undefined,
    });
    cleanups.push(() => behindProxy.close());
    const queue = (store: Store) => {
      const errors: JobQueueErrorEvent[] = [];
      const created = new PostgresJobQueue(store.db, { pollingIntervalSeconds: 0.5, stopTimeoutMs: 1_000 });
      created.on('error', (error) => errors.push(error));
      cleanups.push(() => created.stop({ graceful: false }));
      return { queue: created, errors };
    };
    const cutOff = queue(behindProxy);
    const other = queue(direct);

    const runs: { worker: string; key: string; at: number }[] = [];
    let abortedAt = 0;
    let abortReason: unknown;
    cutOff.queue.register<{ key: string }>('sync', async (job) => {
      runs.push({ worker: 'cut-off', key: job.data.key, at: Date.now() });
      if (job.data.key !== 'binding-1') return;
      await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve(), { once: true }));
      abortedAt = Date.now();
      abortReason = job.signal.reason;
    });
    await cutOff.queue.start();
    await cutOff.queue.enqueue('sync', { key: 'binding-1' }, { singletonKey: 'binding-1' });
    await waitFor(() => runs.length === 1, 10_000);
    other.queue.register<{ key: string }>('sync', async (job) => {
      runs.push({ worker: 'other', key: job.data.key, at: Date.now() });
    });
    await other.queue.start();

    const hungAt = Date.now();
    proxy.hang();
    await waitFor(() => runs.length === 2, 30_000);
    console.log(
      `database hang: the cut-off worker aborted its job after ${(abortedAt - hungAt) / 1000} s, ` +
        `another worker ran it after ${(runs[1]!.at - hungAt) / 1000} s`,
    );
    expect(runs[1]).toMatchObject({ worker: 'other', key: 'binding-1' });
    expect(String(abortReason)).toMatch(/lease lost/);
    expect(abortedAt).toBeGreaterThan(0);
    expect(abortedAt).toBeLessThan(runs[1]!.at);

    // The network heals: the cut-off worker takes jobs again by itself.
    proxy.restore();
    await other.queue.stop();
    await cutOff.queue.enqueue('sync', { key: 'binding-2' }, { singletonKey: 'binding-2' });
    await waitFor(() => runs.some((run) => run.worker === 'cut-off' && run.key === 'binding-2'), 20_000);

    // The record agrees: the cut-off worker's run of binding-1 ended before the other worker's began.
    await pause(500);
    const records = await direct.db
      .selectFrom('job_runs')
      .selectAll()
      .where('singleton_key', '=', 'binding-1')
      .orderBy('started_at')
      .execute();
    expect(records).toHaveLength(2);
    expect(records[0]!.finished_at!.getTime()).toBeLessThanOrEqual(records[1]!.started_at.getTime());
  }, 60_000);
});
