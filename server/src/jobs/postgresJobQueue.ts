import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import {
  JobAborted,
  JobEngineError,
  JobFailedError,
  normaliseRetryDelay,
  normaliseRetryLimit,
  RetryLater,
  retryDelayMs,
  settleWithin,
  type EnqueueOptions,
  type JobHandler,
  type JobInfo,
  type JobQueue,
  type JobQueueErrorEvent,
} from './jobQueue.js';
import {
  claimSchedule,
  completeJob,
  failJob,
  finishRun,
  insertJob,
  isLostRace,
  pruneRuns,
  reclaimExpiredJobs,
  renewLeases,
  requeueJob,
  retryJob,
  takeNextJob,
  type LeasedJob,
} from './postgresJobRows.js';

export interface PostgresJobQueueOptions {
  /** How often an idle worker asks PostgreSQL for work. */
  pollingIntervalSeconds?: number;
  /** How long a graceful stop waits for running handlers before aborting them. */
  stopTimeoutMs?: number;
  /**
   * A running job's lease: renewed every `heartbeatSeconds`; once it expires, any worker takes the job up again. Its
   * length is the longest a job of a dead worker waits, and the longest the event loop may stall without the
   * worker giving up its jobs.
   */
  leaseSeconds?: number;
  heartbeatSeconds?: number;
  /**
   * A worker that has not renewed a lease for `leaseSeconds − fenceMarginSeconds` aborts that job's handler, so it
   * has stopped before the lease can expire and another worker start the same job (a database it cannot reach).
   */
  fenceMarginSeconds?: number;
  /** Names this worker in `job_runs`; by default host, process id and a random part. */
  workerId?: string;
}

interface Registration {
  name: string;
  handler: JobHandler<unknown>;
  concurrency: number;
  active: number;
  /** Ends the loop's current wait: a job was enqueued here, a slot freed, or the queue is stopping. */
  wake: () => void;
}

/** One job this worker runs. */
interface Run {
  job: LeasedJob;
  controller: AbortController;
  done: Promise<void>;
  /** Local time the fetch that took the job returned: renewals sent after it see the lease. */
  takenAt: number;
  /** Local time the last renewal that covered this lease was sent (the lease runs from later than that). */
  renewedAt: number;
  fence: NodeJS.Timeout;
}

interface Schedule {
  name: string;
  seconds: number;
  data: unknown;
  timer?: NodeJS.Timeout;
}

/** Only the one scheduled job per `every` name; never coalesced with an enqueue that names its own key. */
const EVERY_KEY = '__every';
/** Once aborted, a handler that ignores its signal gets this long before stop() gives up waiting for it. */
const ABORT_GRACE_MS = 5000;
const PRUNE_EVERY_MS = 60_000;

/**
 * The scaled-out engine: jobs in the store's own PostgreSQL tables (`job_queue`, `job_runs`, `job_schedules`),
 * through the store's pool. A running job is leased to its worker, which renews the lease by heartbeat; a job whose
 * worker died is taken up by any worker once the lease expires, and a worker that cannot renew aborts its handler
 * before that can happen. Unique indexes keep one job per key running and one waiting across all workers.
 */
export class PostgresJobQueue extends EventEmitter implements JobQueue {
  readonly workerId: string;
  readonly #db: Kysely<Database>;
  readonly #registrations = new Map<string, Registration>();
  readonly #loops: Promise<void>[] = [];
  readonly #running = new Map<string, Run>();
  readonly #schedules: Schedule[] = [];
  readonly #pollMs: number;
  readonly #stopTimeoutMs: number;
  readonly #leaseSeconds: number;
  readonly #heartbeatMs: number;
  readonly #fenceMs: number;
  #heartbeat: NodeJS.Timeout | undefined;
  #lastPrune = 0;
  #beating = false;
  #started = false;
  #stopping = false;

  constructor(db: Kysely<Database>, options: PostgresJobQueueOptions = {}) {
    super();
    this.#db = db;
    this.#pollMs = (options.pollingIntervalSeconds ?? 2) * 1000;
    this.#stopTimeoutMs = options.stopTimeoutMs ?? 30_000;
    this.#leaseSeconds = options.leaseSeconds ?? 12;
    this.#heartbeatMs = (options.heartbeatSeconds ?? 2) * 1000;
    this.#fenceMs = (this.#leaseSeconds - (options.fenceMarginSeconds ?? 5)) * 1000;
    if (this.#fenceMs < 2 * this.#heartbeatMs)
      throw new Error('The lease must outlast two heartbeats plus the fence margin');
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
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
    if (this.#started) this.#startLoop(registration);
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<string | null> {
    const id = randomUUID();
    const inserted = await insertJob(this.#db, {
      id,
      name,
      data,
      singletonKey: options.singletonKey ?? null,
      runAfter: options.runAfter ?? null,
      retryLimit: normaliseRetryLimit(options.retryLimit),
      retryDelaySeconds: normaliseRetryDelay(options.retryDelaySeconds),
    });
    if (!inserted) return null;
    // This process's idle loop starts it now rather than at its next poll.
    this.#registrations.get(name)?.wake();
    return id;
  }

  async prepare(): Promise<void> {
    // The tables are the store's own, made by its migrations when the store opened.
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#stopping = false;
    this.#heartbeat = setInterval(() => void this.#beat(), this.#heartbeatMs);
    await this.#beat();
    for (const registration of this.#registrations.values()) this.#startLoop(registration);
    for (const schedule of this.#schedules) this.#startSchedule(schedule);
  }

  async every(name: string, seconds: number, data: unknown = {}): Promise<void> {
    if (!(seconds > 0)) throw new Error(`every(${name}): seconds must be positive`);
    if (this.#schedules.some((schedule) => schedule.name === name)) throw new Error(`Job ${name} is already scheduled`);
    const schedule: Schedule = { name, seconds, data };
    this.#schedules.push(schedule);
    if (this.#started && !this.#stopping) this.#startSchedule(schedule);
  }

  /**
   * Stops fetching, waits for running handlers (graceful) up to the stop timeout, then aborts them; a job whose
   * handler was aborted goes back to the queue as it was (not a failed attempt) for another worker to take.
   */
  async stop({ graceful = true }: { graceful?: boolean } = {}): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    this.#stopping = true;
    for (const schedule of this.#schedules) clearInterval(schedule.timer);
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
      for (const run of running) run.controller.abort(new JobAborted('stopping', ''));
      if (
        !(await settleWithin(
          running.map((run) => run.done),
          ABORT_GRACE_MS,
        ))
      ) {
        this.#emitError(
          new JobEngineError(
            'Stopped while handlers still ran',
            new Error(`${this.#running.size} handler(s) ignored their abort signal; their leases will expire`),
          ),
        );
      }
    }
    clearInterval(this.#heartbeat);
  }

  /** One loop per job name: takes due jobs while it has free slots, then waits for a wake-up or the next poll. */
  #startLoop(registration: Registration): void {
    const loop = async () => {
      while (this.#fetching()) {
        let fetched = 0;
        try {
          while (registration.active < registration.concurrency && this.#fetching()) {
            const sentAt = Date.now();
            const job = await this.#take(registration.name);
            if (!job) break;
            fetched += 1;
            this.#launch(registration, job, sentAt);
          }
        } catch (error) {
          this.#emitError(new JobEngineError(`Could not fetch ${registration.name} jobs`, error));
        }
        if (fetched === 0 || registration.active >= registration.concurrency) await this.#idle(registration);
      }
    };
    this.#loops.push(loop());
  }

  /** A method, not a field read: the loops read it again after every await. */
  #fetching(): boolean {
    return this.#started && !this.#stopping;
  }

  #idle(registration: Registration): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.#pollMs * (0.75 + Math.random() * 0.5));
      registration.wake = () => {
        registration.wake = () => {};
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async #take(name: string): Promise<LeasedJob | undefined> {
    try {
      return await takeNextJob(this.#db, name, this.workerId, randomUUID(), this.#leaseSeconds);
    } catch (error) {
      // Another worker took that key's other job at the same moment; the next round looks again.
      if (isLostRace(error)) return undefined;
      throw error;
    }
  }

  /** Runs a job just taken; its lease counts from `sentAt`, when the fetch that took it was sent. */
  #launch(registration: Registration, job: LeasedJob, sentAt: number): void {
    registration.active += 1;
    const controller = new AbortController();
    const run = { job, controller, done: Promise.resolve(), takenAt: Date.now() } as Run;
    this.#renewed(run, sentAt);
    run.done = this.#runJob(registration.handler, run)
      .catch((error: unknown) =>
        this.#emitError(new JobEngineError(`Could not record the outcome of ${job.name} ${job.id}`, error, info(job))),
      )
      .finally(() => {
        clearTimeout(run.fence);
        registration.active -= 1;
        this.#running.delete(job.lease_token);
        // A slot is free, and a job of the same key may now run.
        registration.wake();
      });
    this.#running.set(job.lease_token, run);
  }

  /** Re-arms the fence: the handler is aborted if no renewal sent after `sentAt` succeeds in time. */
  #renewed(run: Run, sentAt: number): void {
    run.renewedAt = sentAt;
    clearTimeout(run.fence);
    run.fence = setTimeout(
      () => run.controller.abort(new JobAborted('lease_lost', `not renewed for ${this.#fenceMs / 1000}s`)),
      Math.max(0, sentAt + this.#fenceMs - Date.now()),
    );
  }

  async #runJob(handler: JobHandler<unknown>, run: Run): Promise<void> {
    const { job, controller } = run;
    let outcome: unknown = undefined;
    let threw = false;
    if (this.#stopping) controller.abort(new JobAborted('stopping', ''));
    else {
      try {
        await handler({ id: job.id, name: job.name, data: job.data, attempt: job.attempt, signal: controller.signal });
      } catch (error) {
        threw = true;
        outcome = error;
      }
    }
    const endedAt = new Date();
    const reason: unknown = controller.signal.reason;
    if (reason instanceof JobAborted && reason.why === 'lease_lost') {
      // Another worker may hold the job by now; what it does with it is its business. Record when ours ended.
      this.#emitError(new JobEngineError(`Gave up ${job.name} ${job.id}`, reason, info(job)));
      await finishRun(this.#db, job.lease_token, 'handed_back', endedAt);
      return;
    }
    if (reason instanceof JobAborted) {
      await finishRun(this.#db, job.lease_token, 'handed_back', endedAt);
      return this.#owned(job, await requeueJob(this.#db, job, 0));
    }
    if (!threw) {
      await finishRun(this.#db, job.lease_token, 'completed', endedAt);
      return this.#owned(job, await completeJob(this.#db, job));
    }
    if (outcome instanceof RetryLater) {
      await finishRun(this.#db, job.lease_token, 'retry_later', endedAt);
      return this.#owned(job, await requeueJob(this.#db, job, outcome.seconds));
    }
    await finishRun(this.#db, job.lease_token, 'failed', endedAt);
    if (job.attempt <= job.retry_limit) {
      return this.#owned(job, await retryJob(this.#db, job, retryDelayMs(job.retry_delay_seconds, job.attempt)));
    }
    const owned = await failJob(this.#db, job, describe(outcome));
    this.#owned(job, owned);
    if (owned) this.#emitError(new JobFailedError(info(job), outcome));
  }

  /** A job whose lease was taken away while it ran: the outcome was not recorded, and the operator must know. */
  #owned(job: LeasedJob, owned: boolean): void {
    if (!owned)
      this.#emitError(
        new JobEngineError(
          `Could not record the outcome of ${job.name} ${job.id}`,
          new Error('its lease had passed to another worker'),
          info(job),
        ),
      );
  }

  /** Renews this worker's leases, fences the runs it could not renew, and takes back the jobs of dead workers. */
  async #beat(): Promise<void> {
    // A beat still waiting on a database that does not answer: the fences keep time meanwhile.
    if (this.#beating) return;
    this.#beating = true;
    try {
      await this.#renewAndReclaim();
    } finally {
      this.#beating = false;
    }
  }

  async #renewAndReclaim(): Promise<void> {
    const sentAt = Date.now();
    const covered = [...this.#running.values()].filter((run) => run.takenAt < sentAt);
    try {
      if (covered.length) {
        const held = await renewLeases(this.#db, this.workerId, this.#leaseSeconds);
        for (const run of covered) {
          if (held.has(run.job.lease_token)) this.#renewed(run, sentAt);
          else if (this.#running.has(run.job.lease_token))
            run.controller.abort(new JobAborted('lease_lost', 'its lease was taken back'));
        }
      }
    } catch (error) {
      this.#emitError(new JobEngineError('Could not renew job leases', error));
    }
    try {
      const { retried, failed } = await reclaimExpiredJobs(this.#db);
      if (retried) for (const registration of this.#registrations.values()) registration.wake();
      for (const job of failed)
        this.#emitError(new JobFailedError(info(job), new Error('its worker stopped renewing the lease')));
      if (Date.now() - this.#lastPrune > PRUNE_EVERY_MS) {
        this.#lastPrune = Date.now();
        await pruneRuns(this.#db);
      }
    } catch (error) {
      this.#emitError(new JobEngineError('Could not take back expired jobs', error));
    }
  }

  /** Every worker ticks twice a period; the schedule's row lets one claim per period through across all workers. */
  #startSchedule(schedule: Schedule): void {
    const tick = async () => {
      try {
        if (await claimSchedule(this.#db, schedule.name, schedule.seconds))
          await this.enqueue(schedule.name, schedule.data, { singletonKey: EVERY_KEY });
      } catch (error) {
        this.#emitError(new JobEngineError(`Could not schedule ${schedule.name}`, error));
      }
    };
    void tick();
    schedule.timer = setInterval(() => void tick(), (schedule.seconds * 1000) / 2);
  }

  #emitError(error: JobQueueErrorEvent): void {
    // An 'error' event with no listener would throw inside a timer and end the process; say it instead.
    if (this.listenerCount('error') === 0) console.error(error);
    else this.emit('error', error);
  }
}

function info(job: LeasedJob): JobInfo {
  return { id: job.id, name: job.name, data: job.data, attempt: job.attempt };
}

function describe(cause: unknown): string {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
}
