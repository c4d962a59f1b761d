import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storeKinds, TEST_DATABASE_URL } from '../../test/stores.js';
import { openStore, type Store } from '../store/database.js';
import { createStoreMailboxLimiter, type MailboxLimiter } from './mailboxLimiter.js';

const kinds = await storeKinds();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(kinds)('mailbox limiter on $name', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** Two stores on one database, each with its own connection(s): what two worker processes have. */
  async function twoWorkers(
    options: Parameters<typeof createStoreMailboxLimiter>[1] = {},
  ): Promise<[MailboxLimiter, MailboxLimiter, () => Promise<void>]> {
    let first: Store;
    let second: Store;
    if (kind.name === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'crm-limiter-'));
      first = await openStore(`sqlite:${join(dir, 'crm.sqlite')}`);
      second = await openStore(`sqlite:${join(dir, 'crm.sqlite')}`);
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    } else {
      first = await kind.open();
      second = await openStore(TEST_DATABASE_URL, { postgresSchema: first.schema! });
    }
    let secondOpen = true;
    const crashSecond = async () => {
      secondOpen = false;
      await second.close();
    };
    cleanups.push(
      () => first.close(),
      async () => {
        if (secondOpen) await second.close();
      },
    );
    return [createStoreMailboxLimiter(first.db, options), createStoreMailboxLimiter(second.db, options), crashSecond];
  }

  it.skipIf(!kind.available)(
    'never lets more than 4 callers of two workers hold one mailbox at once, and serves them all',
    async () => {
      const [a, b] = await twoWorkers();
      let holders = 0;
      let maxHolders = 0;
      let otherMailbox = 0;
      const call = async (limiter: MailboxLimiter, mailbox: string) => {
        const release = await limiter.acquire(mailbox);
        try {
          if (mailbox === 'app|alice') {
            holders += 1;
            maxHolders = Math.max(maxHolders, holders);
          } else otherMailbox += 1;
          await pause(40 + Math.random() * 40);
          if (mailbox === 'app|alice') holders -= 1;
        } finally {
          await release();
        }
      };
      await Promise.all([
        ...Array.from({ length: 24 }, (_, i) => call(i % 2 ? a : b, 'app|alice')),
        ...Array.from({ length: 4 }, (_, i) => call(i % 2 ? a : b, 'app|bob')),
      ]);
      expect(maxHolders).toBe(4);
      expect(otherMailbox).toBe(4);
    },
  );

  it.skipIf(!kind.available)('frees the slot of a holder that never released once its lease expires', async () => {
    const [a, b, crashB] = await twoWorkers({ leaseSeconds: 1 });
    // Worker b takes every slot and crashes: its releases are never called, and its renewals cannot reach the store.
    for (let i = 0; i < 4; i += 1) await b.acquire('app|carol');
    await crashB();
    const started = Date.now();
    const release = await a.acquire('app|carol');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(10_000);
    await release();
  });

  it.skipIf(!kind.available)(
    'makes every worker wait for a Retry-After one of them recorded, the later time winning',
    async () => {
      const [a, b] = await twoWorkers();
      const until = new Date(Date.now() + 1200);
      await a.blockUntil('app|dave', until);
      await b.blockUntil('app|dave', new Date(Date.now() + 200));
      const started = Date.now();
      const release = await b.acquire('app|dave');
      expect(Date.now()).toBeGreaterThanOrEqual(until.getTime());
      expect(Date.now() - started).toBeLessThan(10_000);
      await release();
      // Other mailboxes are not blocked.
      const quick = Date.now();
      await (
        await a.acquire('app|erin')
      )();
      expect(Date.now() - quick).toBeLessThan(1000);
    },
  );

  it.skipIf(!kind.available)('stops waiting when the signal aborts', async () => {
    const [a] = await twoWorkers();
    await a.blockUntil('app|frank', new Date(Date.now() + 60_000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stopping')), 100);
    await expect(a.acquire('app|frank', { signal: controller.signal })).rejects.toThrow('stopping');
  });
});
