import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { MailboxLimiter, Release } from '../throttling.js';

export type { MailboxLimiter, Release } from '../throttling.js';

export interface StoreMailboxLimiterOptions {
  /** Graph's Outlook limit is 4 concurrent requests per app + mailbox (docs/graph-behaviour.md#mailbox-concurrency). */
  limit?: number;
  /**
   * A held slot is renewed every third of this; a holder that crashed stops renewing, and its slot frees itself
   * this long after the last renewal. Long enough that a stalled event loop does not lose a live lease.
   */
  leaseSeconds?: number;
  /** First wait between tries while all slots are taken, doubled up to `maxPollMs`, with jitter. */
  minPollMs?: number;
  maxPollMs?: number;
}

/** The limiter over the store's `mailbox_leases` and `mailbox_blocks` tables; the same SQL on SQLite and PostgreSQL. */
export function createStoreMailboxLimiter(
  db: Kysely<Database>,
  options: StoreMailboxLimiterOptions = {},
): MailboxLimiter {
  const limit = options.limit ?? 4;
  const leaseMs = (options.leaseSeconds ?? 60) * 1000;
  const minPollMs = options.minPollMs ?? 25;
  const maxPollMs = options.maxPollMs ?? 500;

  async function blockedUntil(mailboxKey: string): Promise<number> {
    const row = await db
      .selectFrom('mailbox_blocks')
      .select('blocked_until')
      .where('mailbox_key', '=', mailboxKey)
      .executeTakeFirst();
    return row ? Date.parse(row.blocked_until) : 0;
  }

  /** Takes a free slot if there is one: the primary key (mailbox, slot) lets only one insert win it. */
  async function tryTake(mailboxKey: string, leaseId: string): Promise<number | undefined> {
    const now = new Date();
    // A lease not renewed in time belongs to a holder that is gone.
    await db
      .deleteFrom('mailbox_leases')
      .where('mailbox_key', '=', mailboxKey)
      .where('expires_at', '<', now.toISOString())
      .execute();
    const taken = new Set(
      (await db.selectFrom('mailbox_leases').select('slot').where('mailbox_key', '=', mailboxKey).execute()).map(
        (row) => row.slot,
      ),
    );
    const free = shuffle([...Array(limit).keys()].filter((slot) => !taken.has(slot)));
    const expiresAt = new Date(now.getTime() + leaseMs).toISOString();
    for (const slot of free) {
      const won = await db
        .insertInto('mailbox_leases')
        .values({ mailbox_key: mailboxKey, slot, lease_id: leaseId, expires_at: expiresAt })
        .onConflict((conflict) => conflict.columns(['mailbox_key', 'slot']).doNothing())
        .returning('slot')
        .executeTakeFirst();
      if (won) return slot;
    }
    return undefined;
  }

  async function give(mailboxKey: string, slot: number, leaseId: string): Promise<void> {
    await db
      .deleteFrom('mailbox_leases')
      .where('mailbox_key', '=', mailboxKey)
      .where('slot', '=', slot)
      .where('lease_id', '=', leaseId)
      .execute();
  }

  function holding(mailboxKey: string, slot: number, leaseId: string): Release {
    const renew = setInterval(() => {
      const expiresAt = new Date(Date.now() + leaseMs).toISOString();
      // A failed renewal only shortens the lease; the holder keeps working and the next renewal tries again.
      db.updateTable('mailbox_leases')
        .set({ expires_at: expiresAt })
        .where('mailbox_key', '=', mailboxKey)
        .where('slot', '=', slot)
        .where('lease_id', '=', leaseId)
        .execute()
        .catch(() => undefined);
    }, leaseMs / 3);
    renew.unref();
    let released: Promise<void> | undefined;
    return () => {
      clearInterval(renew);
      released ??= give(mailboxKey, slot, leaseId);
      return released;
    };
  }

  return {
    async acquire(mailboxKey, { signal } = {}) {
      const leaseId = randomUUID();
      let pollMs = minPollMs;
      for (;;) {
        signal?.throwIfAborted();
        const blocked = await blockedUntil(mailboxKey);
        if (blocked > Date.now()) {
          // Jitter so that the workers waiting on one mailbox do not all call it in the same millisecond.
          await pause(blocked - Date.now() + Math.random() * 50, signal);
          continue;
        }
        const slot = await tryTake(mailboxKey, leaseId);
        if (slot !== undefined) {
          // A Retry-After recorded between the check and the take still counts: give the slot back and wait.
          if ((await blockedUntil(mailboxKey)) > Date.now()) {
            await give(mailboxKey, slot, leaseId);
            continue;
          }
          return holding(mailboxKey, slot, leaseId);
        }
        await pause(pollMs * (0.5 + Math.random()), signal);
        pollMs = Math.min(maxPollMs, pollMs * 2);
      }
    },

    async blockUntil(mailboxKey, until) {
      const value = until.toISOString();
      await db
        .insertInto('mailbox_blocks')
        .values({ mailbox_key: mailboxKey, blocked_until: value })
        .onConflict((conflict) =>
          conflict.column('mailbox_key').doUpdateSet((eb) => ({
            // ISO-8601 UTC strings of one length order as the times they name.
            blocked_until: eb
              .case()
              .when(eb.ref('excluded.blocked_until'), '>', eb.ref('mailbox_blocks.blocked_until'))
              .then(eb.ref('excluded.blocked_until'))
              .else(eb.ref('mailbox_blocks.blocked_until'))
              .end(),
          })),
        )
        .execute();
    },
  };
}

/** Sleeps, or rejects with the signal's own reason once it aborts. */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    signal?.throwIfAborted();
    throw error;
  }
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
