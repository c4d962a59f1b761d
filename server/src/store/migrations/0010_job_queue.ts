import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * The job queue of the scaled-out service, in PostgreSQL (the embedded engine beside SQLite keeps its jobs in
 * memory, so SQLite gets nothing here). A job row lives while the job waits or runs and is deleted when it is done;
 * a running job holds a lease its worker renews, so a job whose worker died is taken up again once the lease expires.
 */
export function jobQueue(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql`
        create table job_queue (
          id uuid primary key,
          name text not null,
          data jsonb not null,
          singleton_key text,
          state text not null check (state in ('queued', 'retry', 'active')),
          attempt integer not null,
          retry_limit integer not null,
          retry_delay_seconds integer not null,
          run_after timestamptz not null,
          created_at timestamptz not null default now(),
          lease_owner text,
          lease_token uuid,
          lease_expires_at timestamptz
        )`.execute(db);
      // The database, not the workers' goodwill, keeps one key from running twice at once and from waiting twice.
      await sql`create unique index job_queue_one_active on job_queue (name, singleton_key) where state = 'active'`.execute(
        db,
      );
      await sql`create unique index job_queue_one_queued on job_queue (name, singleton_key) where state = 'queued'`.execute(
        db,
      );
      await sql`create index job_queue_due on job_queue (name, run_after) where state <> 'active'`.execute(db);
      await sql`create index job_queue_leases on job_queue (lease_expires_at) where state = 'active'`.execute(db);
      // One row per run of a job: who ran it and when; kept a day, for operators and for the multi-worker test.
      await sql`
        create table job_runs (
          id uuid primary key,
          job_id uuid not null,
          name text not null,
          singleton_key text,
          worker_id text not null,
          attempt integer not null,
          started_at timestamptz not null,
          finished_at timestamptz,
          outcome text
        )`.execute(db);
      await sql`create index job_runs_started on job_runs (started_at)`.execute(db);
      // When each periodic job (`every`) is next due: the row lets one worker per period claim it.
      await sql`create table job_schedules (name text primary key, next_run_at timestamptz not null)`.execute(db);
    },
  };
}
