import { sql, type Kysely } from 'kysely';
import type { Database, JobRunsTable } from '../store/schema.js';

/** The SQL of the PostgreSQL job queue, one function per step of a job's life. Times come from the database's clock. */

type Db = Kysely<Database>;
type Outcome = NonNullable<JobRunsTable['outcome']>;

/** A job as its worker holds it while it runs. */
export interface LeasedJob {
  id: string;
  name: string;
  data: unknown;
  singleton_key: string | null;
  attempt: number;
  retry_limit: number;
  retry_delay_seconds: number;
  lease_token: string;
}

export interface NewJob {
  id: string;
  name: string;
  data: unknown;
  singletonKey: string | null;
  runAfter: Date | null;
  retryLimit: number;
  retryDelaySeconds: number;
}

/** Inserts a queued job; false when one of the same name and key is already queued (coalesced). */
export async function insertJob(db: Db, job: NewJob): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    insert into job_queue (id, name, data, singleton_key, state, attempt, retry_limit, retry_delay_seconds, run_after)
    values (${job.id}, ${job.name}, ${JSON.stringify(job.data === undefined ? null : job.data)}::jsonb, ${job.singletonKey}, 'queued', 1,
      ${job.retryLimit}, ${job.retryDelaySeconds}, coalesce(${job.runAfter?.toISOString() ?? null}::timestamptz, now()))
    on conflict (name, singleton_key) where state = 'queued' do nothing
    returning id`.execute(db);
  return rows.length === 1;
}

/**
 * Takes the next due job of `name` whose key is not running anywhere, leases it to `workerId` for `leaseSeconds`
 * and records the run. SKIP LOCKED lets workers fetch side by side; two workers taking two jobs of one key at once
 * are told apart by the unique index on running keys (the loser gets 23505).
 */
export async function takeNextJob(
  db: Db,
  name: string,
  workerId: string,
  leaseToken: string,
  leaseSeconds: number,
): Promise<LeasedJob | undefined> {
  const { rows } = await sql<LeasedJob>`
    with next as (
      select j.id from job_queue j
      where j.name = ${name} and j.state <> 'active' and j.run_after <= now()
        and not exists (
          select 1 from job_queue a
          where a.name = j.name and a.singleton_key = j.singleton_key and a.state = 'active'
        )
      order by j.run_after, j.created_at
      limit 1
      for update skip locked
    ), taken as (
      update job_queue j
      set state = 'active', lease_owner = ${workerId}, lease_token = ${leaseToken},
        lease_expires_at = now() + make_interval(secs => ${leaseSeconds})
      from next where j.id = next.id
      returning j.id, j.name, j.data, j.singleton_key, j.attempt, j.retry_limit, j.retry_delay_seconds, j.lease_token
    ), run as (
      insert into job_runs (id, job_id, name, singleton_key, worker_id, attempt, started_at)
      select lease_token, id, name, singleton_key, ${workerId}, attempt, now() from taken
    )
    select * from taken`.execute(db);
  return rows[0];
}

/** Extends every lease `workerId` holds; returns the tokens still held (a missing one was taken away). */
export async function renewLeases(db: Db, workerId: string, leaseSeconds: number): Promise<Set<string>> {
  const { rows } = await sql<{ lease_token: string }>`
    update job_queue set lease_expires_at = now() + make_interval(secs => ${leaseSeconds})
    where lease_owner = ${workerId} and state = 'active'
    returning lease_token`.execute(db);
  return new Set(rows.map((row) => row.lease_token));
}

/**
 * Records when a run's handler ended (the worker's clock: the write may reach the database late, after an outage),
 * before the job is let go. If the run was already closed at its lease's expiry, the later of the two ends stays
 * and so does the first outcome: a handler that outran its lease shows as overlapping the run after it.
 */
export async function finishRun(db: Db, leaseToken: string, outcome: Outcome, endedAt: Date): Promise<void> {
  await sql`
    update job_runs
    set finished_at = greatest(coalesce(finished_at, ${endedAt}), ${endedAt}), outcome = coalesce(outcome, ${outcome})
    where id = ${leaseToken}`.execute(db);
}

/** Deletes a job that is done; false when its lease was no longer ours. */
export async function completeJob(db: Db, job: LeasedJob): Promise<boolean> {
  const result = await db
    .deleteFrom('job_queue')
    .where('id', '=', job.id)
    .where('lease_token', '=', job.lease_token)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}

/** Puts a failed job back to be retried after `delayMs` as its next attempt; false when the lease was not ours. */
export async function retryJob(db: Db, job: LeasedJob, delayMs: number): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    update job_queue
    set state = 'retry', attempt = attempt + 1, run_after = now() + make_interval(secs => ${delayMs / 1000}),
      lease_owner = null, lease_token = null, lease_expires_at = null
    where id = ${job.id} and lease_token = ${job.lease_token}
    returning id`.execute(db);
  return rows.length === 1;
}

/**
 * Puts a job back in the queue, due in `seconds`, with the same attempt (a RetryLater, or a job handed back by a
 * stopping worker); merged into a job of the same key already queued. False when the lease was not ours.
 */
export async function requeueJob(db: Db, job: LeasedJob, seconds: number): Promise<boolean> {
  try {
    const { rows } = await sql<{ id: string }>`
      update job_queue
      set state = 'queued', run_after = now() + make_interval(secs => ${seconds}),
        lease_owner = null, lease_token = null, lease_expires_at = null
      where id = ${job.id} and lease_token = ${job.lease_token}
      returning id`.execute(db);
    return rows.length === 1;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // One of the same key is already queued: that one runs instead.
    return completeJob(db, job);
  }
}

/** Deletes a job that used its last attempt and records it in `job_failures`, in one transaction. */
export async function failJob(db: Db, job: LeasedJob, error: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await completeJob(trx, job))) return false;
    await recordFailure(trx, job, error);
    return true;
  });
}

async function recordFailure(db: Db, job: Pick<LeasedJob, 'id' | 'name' | 'data' | 'attempt'>, error: string) {
  await db
    .insertInto('job_failures')
    .values({
      id: job.id,
      name: job.name,
      data: JSON.stringify(job.data === undefined ? null : job.data),
      error,
      attempts: job.attempt,
      failed_at: new Date().toISOString(),
    })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

/**
 * Takes back every job whose lease expired (its worker died or lost the database): the run is closed at the
 * lease's end, the job is retried at once as its next attempt, or fails for good when that was its last.
 */
export async function reclaimExpiredJobs(db: Db): Promise<{ retried: number; failed: LeasedJob[] }> {
  return db.transaction().execute(async (trx) => {
    const { rows: expired } = await sql<LeasedJob & { lease_expires_at: Date }>`
      select id, name, data, singleton_key, attempt, retry_limit, retry_delay_seconds, lease_token, lease_expires_at
      from job_queue
      where state = 'active' and lease_expires_at < now()
      for update skip locked`.execute(trx);
    const failed: LeasedJob[] = [];
    for (const job of expired) {
      await sql`
        update job_runs set finished_at = ${job.lease_expires_at}, outcome = 'lease_expired'
        where id = ${job.lease_token} and finished_at is null`.execute(trx);
      if (job.attempt > job.retry_limit) {
        await trx.deleteFrom('job_queue').where('id', '=', job.id).execute();
        await recordFailure(
          trx,
          job,
          'Error: its worker stopped renewing the lease (the process died or lost the database)',
        );
        failed.push(job);
      } else {
        await sql`
          update job_queue
          set state = 'retry', attempt = attempt + 1, run_after = now(),
            lease_owner = null, lease_token = null, lease_expires_at = null
          where id = ${job.id}`.execute(trx);
      }
    }
    return { retried: expired.length - failed.length, failed };
  });
}

/** Forgets runs older than a day. */
export async function pruneRuns(db: Db): Promise<void> {
  await sql`delete from job_runs where started_at < now() - interval '1 day'`.execute(db);
}

/**
 * Claims this period of a periodic job: true for exactly one caller per `seconds` across all workers (the row's
 * lock orders concurrent claims; the later one sees the period already taken).
 */
export async function claimSchedule(db: Db, name: string, seconds: number): Promise<boolean> {
  const { rows } = await sql<{ name: string }>`
    insert into job_schedules (name, next_run_at) values (${name}, now() + make_interval(secs => ${seconds}))
    on conflict (name) do update set next_run_at = excluded.next_run_at
    where job_schedules.next_run_at <= now()
    returning name`.execute(db);
  return rows.length === 1;
}

/** Another worker won the same row at the same moment (unique index), or PostgreSQL cut a deadlock between two. */
export function isLostRace(error: unknown): boolean {
  return isUniqueViolation(error) || (error as { code?: unknown }).code === '40P01';
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === '23505';
}
