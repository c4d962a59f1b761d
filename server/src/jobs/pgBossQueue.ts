import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { Database } from '../store/schema.js';
import {
  JobEngineError,
  JobFailedError,
  normaliseRetryDelay,
  normaliseRetryLimit,
  RetryLater,
  settleWithin,
  type EnqueueOptions,
  type JobHandler,
  type JobQueue,
  type JobQueueErrorEvent,
} from './jobQueue.js';

export interface PgBossQueueOptions {
  /** PostgreSQL schema for pg-boss's own tables. */
  schema: string;
  /** How often an idle worker asks PostgreSQL for work (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** How long a graceful stop waits for running handlers before aborting them. */
  stopTimeoutMs?: number;
}

/**
 * What is stored as a pg-boss job's data: the caller's data, and the attempts made before a `RetryLater`
 * re-enqueued the job (pg-boss's retry count starts again at 0 for the new job).
 */
interface Envelope {
  payload: unknown;
  attemptsBefore: number;
}

interface Schedule {
  name: string;
  seconds: number;
  data: unknown;
  timer?: NodeJS.Timeout;
}

/** Only the one scheduled job per `every` name; never coalesced with an enqueue that names its own key. */
const EVERY_KEY = '__every';
/** Prefix of the private key an unkeyed job gets, so that the stately policy never coalesces it. */
const UNKEYED_PREFIX = '__job:';
const ABORT_GRACE_MS = 5000;
/**
 * Losing a race with another worker's fetch: the stately index refused our update (unique violation), or two
 * fetches waiting on each other's index entries were cut by PostgreSQL (deadlock). pg-boss's fetch ignores
 * every error for the same reason; we ignore only these two and report the rest.
 */
const LOST_RACE = new Set(['23505', '40P01']);

interface Registration {
  name: string;
  handler: JobHandler<unknown>;
  concurrency: number;
  active: number;
  /** Ends the loop's current wait: a job was enqueued here, a slot freed, or the queue is stopping. */
  wake: () => void;
}

/** A job row as the fetch returns it. */
interface FetchedJob {
  id: string;
  name: string;
  data: Envelope;
  retry_count: number;
  retry_limit: number;
  retry_delay: number;
  singleton_key: string | null;
}

/**
 * pg-boss 10's own fetch (plans.js fetchNextJob) with one condition added: skip a job whose key already has an
 * active job. The stately unique index still guards the race between two workers; this only keeps a busy key
 * from hiding the jobs behind it. Fetching marks the jobs active and counts a retry exactly as pg-boss does.
 */
function fetchNextJobsSql(schema: string): string {
  return `
    WITH next AS (
      SELECT j.id, j.singleton_key
      FROM ${schema}.job j
      WHERE j.name = $1
        AND j.state < 'active'
        AND j.start_after < now()
        AND NOT EXISTS (
          SELECT 1 FROM ${schema}.job a
          WHERE a.name = $1 AND a.state = 'active' AND a.singleton_key = j.singleton_key
        )
      ORDER BY j.priority DESC, j.created_on, j.id
      LIMIT $2
      FOR UPDATE SKIP LOCKED
    ), grouped AS (
      SELECT id, row_number() OVER (PARTITION BY COALESCE(singleton_key, id::text)) AS row_number
      FROM next
    )
    UPDATE ${schema}.job j SET
      state = 'active',
      started_on = now(),
      retry_count = CASE WHEN j.started_on IS NOT NULL THEN j.retry_count + 1 ELSE j.retry_count END
    FROM grouped
    WHERE j.name = $1 AND j.id = grouped.id AND grouped.row_number = 1
    RETURNING j.id, j.name, j.data, j.retry_count, j.retry_limit, j.retry_delay, j.singleton_key
  `;
}

/**
 * The scaled-out engine: pg-boss 10 on the store's PostgreSQL (through the store's own pool), in its own schema.
 *
 * Every queue is created with pg-boss's `stately` policy, whose unique index allows per (queue, singleton key)
 * at most one job `created`, one `retry` and one `active`. So across all workers a key never runs twice at
 * once (the fetch skips keys with an active job, and the index turns away the loser of a race), and a send
 * while one is queued inserts nothing and returns null: the coalescing the interface promises. Jobs without a key get a private unique
 * key, otherwise the policy would treat all of them as one.
 */
export class PgBossJobQueue extends EventEmitter implements JobQueue {
  readonly #boss: PgBoss;
  readonly #queues = new Map<string, Promise<void>>();
  readonly #registrations = new Map<string, Registration>();
  readonly #loops: Promise<void>[] = [];
  readonly #running = new Map<string, { done: Promise<void>; controller: AbortController }>();
  readonly #schedules: Schedule[] = [];
  readonly #pollingIntervalSeconds: number;
  readonly #stopTimeoutMs: number;
  readonly #db: Kysely<Database>;
  readonly #fetchSql: string;
  #prepared = false;
  #started = false;
  #stopping = false;

  constructor(db: Kysely<Database>, options: PgBossQueueOptions) {
    super();
    // The schema is written into SQL: only a plain identifier will do.
    if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`Invalid pg-boss schema name: ${options.schema}`);
    this.#pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
    this.#stopTimeoutMs = options.stopTimeoutMs ?? 30_000;
    this.#db = db;
    this.#fetchSql = fetchNextJobsSql(options.schema);
    this.#boss = new PgBoss({
      // One pool for the service and its jobs: pg-boss runs its SQL through the store's Kysely instance.
      db: { executeSql: async (text, values) => db.executeQuery(CompiledQuery.raw(text, values)) },
      schema: options.schema,
      // Cron scheduling is minute-grained; `every` uses throttled sends instead (see there).
      schedule: false,
      supervise: true,
    });
    this.#boss.on('error', (error) => this.#emitError(new JobEngineError('pg-boss', error)));
  }

  register<T>(name: string, handler: JobHandler<T>, options: { concurrency?: number } = {}): void {
    if (this.#registrations.has(name)) throw new Error(`A handler for job ${name} is already registered`);
    const registration: Registration = {
      name,
      handler: handler as JobHandler<unknown>,
      concurrency: Math.max(1, options.concurrency ?? 1),
      active: 0,
      wake: () => {},
    };
    this.#registrations.set(name, registration);
    if (this.#started) this.#startWorker(registration);
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<string | null> {
    const id = randomUUID();
    return this.#send(
      name,
      { payload: data, attemptsBefore: 0 },
      {
        id,
        singletonKey: options.singletonKey ?? `${UNKEYED_PREFIX}${id}`,
        ...(options.runAfter ? { startAfter: options.runAfter } : {}),
        retryLimit: normaliseRetryLimit(options.retryLimit),
        retryDelay: normaliseRetryDelay(options.retryDelaySeconds),
        retryBackoff: true,
      },
    );
  }

  async prepare(): Promise<void> {
    if (this.#prepared) return;
    // Installs or migrates pg-boss's schema; our own fetch loops start only with start().
    await this.#boss.start();
    this.#prepared = true;
  }

  async start(): Promise<void> {
    if (this.#started) return;
    await this.prepare();
    this.#started = true;
    this.#stopping = false;
    for (const registration of this.#registrations.values()) this.#startWorker(registration);
    for (const schedule of this.#schedules) await this.#startSchedule(schedule);
  }

  /**
   * Every worker sends the job each `seconds` with pg-boss's throttling (`singletonSeconds`): its unique index
   * on (name, time slot, key) lets one send per slot through across all workers; the stately index coalesces
   * it with one still queued. Whole seconds, at least 1.
   */
  async every(name: string, seconds: number, data: unknown = {}): Promise<void> {
    if (!Number.isInteger(seconds) || seconds < 1)
      throw new Error(`every(${name}): seconds must be a whole number ≥ 1 with pg-boss`);
    if (this.#schedules.some((schedule) => schedule.name === name)) throw new Error(`Job ${name} is already scheduled`);
    const schedule = { name, seconds, data };
    this.#schedules.push(schedule);
    if (this.#started) await this.#startSchedule(schedule);
  }

  async stop({ graceful = true }: { graceful?: boolean } = {}): Promise<void> {
    if (!this.#started) {
      if (this.#prepared) await this.#boss.stop({ graceful: false, close: false });
      this.#prepared = false;
      return;
    }
    this.#started = false;
    this.#prepared = false;
    this.#stopping = true;
    for (const schedule of this.#schedules) clearInterval(schedule.timer);
    // Fetch nothing more; the fetch under way, if any, hands its jobs back (see #runJob).
    for (const registration of this.#registrations.values()) registration.wake();
    await Promise.all(this.#loops.splice(0));
    const running = [...this.#running.values()];
    const finished =
      graceful &&
      (await settleWithin(
        running.map((run) => run.done),
        this.#stopTimeoutMs,
      ));
    if (!finished) {
      for (const run of running) run.controller.abort(new Error('job queue stopping'));
      if (
        graceful &&
        !(await settleWithin(
          running.map((run) => run.done),
          ABORT_GRACE_MS,
        ))
      ) {
        this.#emitError(
          new JobEngineError(
            'Stopped while handlers still ran',
            new Error(`${this.#running.size} handler(s) ignored their abort signal`),
          ),
        );
      }
    }
    // A handler that ignored its abort stays active until pg-boss's maintenance expires it (expireIn) and retries
    // it. The pool is the store's to close.
    await this.#boss.stop({ graceful: false, close: false });
  }

  async #send(name: string, envelope: Envelope, options: PgBoss.SendOptions): Promise<string | null> {
    await this.#ensureQueue(name);
    const id = await this.#boss.send(name, envelope as unknown as object, options);
    // Wake this process's idle workers now rather than at their next poll.
    if (id !== null) this.#registrations.get(name)?.wake();
    return id;
  }

  #ensureQueue(name: string): Promise<void> {
    let created = this.#queues.get(name);
    if (!created) {
      created = this.#createQueue(name);
      created.catch(() => this.#queues.delete(name));
      this.#queues.set(name, created);
    }
    return created;
  }

  /** pg-boss 10's create_queue is not safe against itself: workers starting together can deadlock; try again. */
  async #createQueue(name: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.#boss.createQueue(name, { name, policy: 'stately' });
        return;
      } catch (error) {
        if (attempt >= 5 || !LOST_RACE.has(String((error as { code?: unknown }).code))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt * Math.random()));
      }
    }
  }

  /**
   * One polling loop per job name, fetching as many jobs as it has free slots. pg-boss's own `work()` is not
   * used: its fetch takes the oldest queued job even when a job of the same key is active, fails on the stately
   * index and returns nothing, so one busy key would hold up every other key of the queue (head-of-line blocking).
   */
  #startWorker(registration: Registration): void {
    const pollMs = this.#pollingIntervalSeconds * 1000;
    const loop = async () => {
      while (this.#started && !this.#stopping) {
        let fetched = 0;
        const free = registration.concurrency - registration.active;
        if (free > 0) {
          try {
            const jobs = await this.#fetch(registration.name, free);
            fetched = jobs.length;
            for (const job of jobs) this.#launch(registration, job);
          } catch (error) {
            this.#emitError(new JobEngineError(`Could not fetch ${registration.name} jobs`, error));
          }
        }
        if (fetched === 0 || registration.active >= registration.concurrency) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            registration.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          registration.wake = () => {};
        }
      }
    };
    this.#loops.push(loop());
  }

  async #fetch(name: string, limit: number): Promise<FetchedJob[]> {
    await this.#ensureQueue(name);
    try {
      const { rows } = await this.#db.executeQuery<FetchedJob>(CompiledQuery.raw(this.#fetchSql, [name, limit]));
      return rows;
    } catch (error) {
      // Nothing to do; the next round fetches again.
      if (LOST_RACE.has(String((error as { code?: unknown }).code))) return [];
      throw error;
    }
  }

  #launch(registration: Registration, job: FetchedJob): void {
    registration.active += 1;
    const controller = new AbortController();
    const done = this.#runJob(registration.handler, job, controller.signal)
      .catch((error: unknown) =>
        this.#emitError(new JobEngineError(`Could not record the outcome of ${job.name} ${job.id}`, error)),
      )
      .finally(() => {
        registration.active -= 1;
        this.#running.delete(job.id);
        // A slot is free, and a job of the same key may now run.
        registration.wake();
      });
    this.#running.set(job.id, { done, controller });
  }

  async #runJob(handler: JobHandler<unknown>, job: FetchedJob, signal: AbortSignal): Promise<void> {
    const attempt = job.data.attemptsBefore + job.retry_count + 1;
    // A fetch that was under way when stop() began: hand the job back untouched instead of starting it.
    if (this.#stopping) return this.#requeue(job, attempt, 0);
    try {
      await handler({ id: job.id, name: job.name, data: job.data.payload, attempt, signal });
    } catch (error) {
      if (error instanceof RetryLater) return this.#requeue(job, attempt, error.seconds);
      if (job.retry_count >= job.retry_limit)
        this.#emitError(new JobFailedError({ id: job.id, name: job.name, data: job.data.payload, attempt }, error));
      // pg-boss records the error on the job and either schedules the retry (with backoff) or marks it failed.
      await this.#boss.fail(job.name, job.id, error instanceof Error ? error : { value: String(error) });
      return;
    }
    await this.#boss.complete(job.name, job.id);
  }

  /**
   * Completes this job and sends a new one with the same key, data and remaining attempts to run in `seconds`
   * (or coalesces it into one already queued): pg-boss 10 cannot postpone an active job without counting a retry.
   */
  async #requeue(job: FetchedJob, attempt: number, seconds: number): Promise<void> {
    await this.#send(
      job.name,
      { payload: job.data.payload, attemptsBefore: attempt - 1 },
      {
        ...(job.singleton_key ? { singletonKey: job.singleton_key } : {}),
        startAfter: new Date(Date.now() + seconds * 1000),
        retryLimit: Math.max(0, job.retry_limit - job.retry_count),
        retryDelay: job.retry_delay,
        retryBackoff: true,
      },
    );
    await this.#boss.complete(job.name, job.id);
  }

  async #startSchedule(schedule: Schedule): Promise<void> {
    const tick = async () => {
      try {
        await this.#send(
          schedule.name,
          { payload: schedule.data, attemptsBefore: 0 },
          { singletonKey: EVERY_KEY, singletonSeconds: schedule.seconds },
        );
      } catch (error) {
        this.#emitError(new JobEngineError(`Could not schedule ${schedule.name}`, error));
      }
    };
    await tick();
    schedule.timer = setInterval(() => void tick(), schedule.seconds * 1000);
  }

  #emitError(error: JobQueueErrorEvent): void {
    // An 'error' event with no listener would throw inside pg-boss's loop and end the process; say it instead.
    if (this.listenerCount('error') === 0) console.error(error);
    else this.emit('error', error);
  }
}
