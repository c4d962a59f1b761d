import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  JobAborted,
  JobEngineError,
  JobFailedError,
  normaliseRetryDelay,
  normaliseRetryLimit,
  RetryLater,
  retryDelayMs,
  type EnqueueOptions,
  type JobHandler,
  type JobInfo,
  type JobQueue,
  type JobQueueErrorEvent,
  settleWithin,
} from './jobQueue.js';

export interface InProcessQueueOptions {
  /** How long a graceful stop waits for running handlers before aborting them. */
  stopTimeoutMs?: number;
  /** Keeps a record of a job that ran out of attempts (the store's `job_failures`). */
  recordFailure?: (job: JobInfo, error: unknown) => Promise<void>;
}

interface Registration {
  handler: JobHandler<unknown>;
  concurrency: number;
  running: number;
}

interface WaitingJob {
  id: string;
  name: string;
  data: unknown;
  key: string | null;
  runAt: number;
  /** The number of the attempt this job will make when it next runs. */
  attempt: number;
  retryLimit: number;
  retryDelaySeconds: number;
  /** As in the PostgreSQL engine: a job waiting to be retried does not take the one queued place of its singleton key. */
  state: 'created' | 'retry';
}

/** Once aborted, a handler that ignores its signal gets this long before stop() gives up waiting for it. */
const ABORT_GRACE_MS = 5000;
interface Schedule {
  name: string;
  seconds: number;
  data: unknown;
  timer?: NodeJS.Timeout;
}

/** Only the one scheduled job per `every` name; never coalesced with an enqueue that names its own key. */
const EVERY_KEY = '__every';

/**
 * The embedded engine: jobs live in memory and run in this process, woken by one timer for the earliest
 * delayed job, so an idle queue costs nothing. Jobs not yet run are lost when the process ends; the periodic
 * jobs (`every`) exist so that nothing depends on a queued job surviving a restart.
 */
export class InProcessJobQueue extends EventEmitter implements JobQueue {
  readonly #registrations = new Map<string, Registration>();
  #waiting: WaitingJob[] = [];
  readonly #activeKeys = new Set<string>();
  readonly #running = new Map<string, { done: Promise<void>; controller: AbortController }>();
  readonly #schedules: Schedule[] = [];
  #wakeTimer: NodeJS.Timeout | undefined;
  #wakeAt = Infinity;
  #started = false;
  #stopping = false;
  readonly #stopTimeoutMs: number;
  readonly #recordFailure: InProcessQueueOptions['recordFailure'];

  constructor(options: InProcessQueueOptions = {}) {
    super();
    this.#stopTimeoutMs = options.stopTimeoutMs ?? 30_000;
    this.#recordFailure = options.recordFailure;
  }

  register<T>(name: string, handler: JobHandler<T>, options: { concurrency?: number } = {}): void {
    if (this.#registrations.has(name)) throw new Error(`A handler for job ${name} is already registered`);
    this.#registrations.set(name, {
      handler: handler as JobHandler<unknown>,
      concurrency: Math.max(1, options.concurrency ?? 1),
      running: 0,
    });
    this.#dispatch();
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<string | null> {
    const key = options.singletonKey ?? null;
    if (key !== null && this.#waiting.some((job) => job.name === name && job.key === key && job.state === 'created'))
      return null;
    const job: WaitingJob = {
      id: randomUUID(),
      name,
      data,
      key,
      runAt: options.runAfter?.getTime() ?? Date.now(),
      attempt: 1,
      retryLimit: normaliseRetryLimit(options.retryLimit),
      retryDelaySeconds: normaliseRetryDelay(options.retryDelaySeconds),
      state: 'created',
    };
    this.#waiting.push(job);
    this.#dispatch();
    return job.id;
  }

  async prepare(): Promise<void> {
    // Nothing to install: the jobs live in this process.
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#stopping = false;
    for (const schedule of this.#schedules) this.#startSchedule(schedule);
    this.#dispatch();
  }

  async every(name: string, seconds: number, data: unknown = {}): Promise<void> {
    if (!(seconds > 0)) throw new Error(`every(${name}): seconds must be positive`);
    if (this.#schedules.some((schedule) => schedule.name === name)) throw new Error(`Job ${name} is already scheduled`);
    const schedule = { name, seconds, data };
    this.#schedules.push(schedule);
    if (this.#started && !this.#stopping) this.#startSchedule(schedule);
  }

  async stop({ graceful = true }: { graceful?: boolean } = {}): Promise<void> {
    if (!this.#started) return;
    this.#stopping = true;
    this.#started = false;
    for (const schedule of this.#schedules) clearInterval(schedule.timer);
    clearTimeout(this.#wakeTimer);
    this.#wakeAt = Infinity;
    const running = [...this.#running.values()];
    if (graceful && running.length > 0) {
      const finished = await settleWithin(
        running.map((run) => run.done),
        this.#stopTimeoutMs,
      );
      if (finished) return;
    }
    for (const run of running) run.controller.abort(new JobAborted('stopping', ''));
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

  #startSchedule(schedule: Schedule): void {
    const tick = () => void this.enqueue(schedule.name, schedule.data, { singletonKey: EVERY_KEY });
    tick();
    schedule.timer = setInterval(tick, schedule.seconds * 1000);
  }

  /** Starts every job that may run now, then sleeps until the earliest delayed one is due. */
  #dispatch(): void {
    if (!this.#started || this.#stopping) return;
    const now = Date.now();
    let nextRunAt = Infinity;
    for (const job of [...this.#waiting]) {
      const registration = this.#registrations.get(job.name);
      if (!registration) continue;
      if (job.runAt > now) {
        nextRunAt = Math.min(nextRunAt, job.runAt);
        continue;
      }
      if (registration.running >= registration.concurrency) continue;
      if (job.key !== null && this.#activeKeys.has(keyOf(job))) continue;
      this.#waiting = this.#waiting.filter((waiting) => waiting !== job);
      this.#run(job, registration);
    }
    this.#sleepUntil(nextRunAt);
  }

  #sleepUntil(at: number): void {
    if (at === this.#wakeAt) return;
    clearTimeout(this.#wakeTimer);
    this.#wakeAt = at;
    if (at === Infinity) return;
    // Timers fire a little early or late; dispatch() re-checks and re-arms.
    this.#wakeTimer = setTimeout(
      () => {
        this.#wakeAt = Infinity;
        this.#dispatch();
      },
      Math.max(0, at - Date.now()),
    );
  }

  #run(job: WaitingJob, registration: Registration): void {
    registration.running += 1;
    if (job.key !== null) this.#activeKeys.add(keyOf(job));
    const controller = new AbortController();
    const done = (async () => {
      try {
        await registration.handler({
          id: job.id,
          name: job.name,
          data: job.data,
          attempt: job.attempt,
          signal: controller.signal,
        });
      } catch (error) {
        await this.#afterFailure(job, error);
      } finally {
        registration.running -= 1;
        if (job.key !== null) this.#activeKeys.delete(keyOf(job));
        this.#running.delete(job.id);
        this.#dispatch();
      }
    })();
    this.#running.set(job.id, { done, controller });
  }

  async #afterFailure(job: WaitingJob, error: unknown): Promise<void> {
    if (error instanceof RetryLater) {
      // Like a fresh enqueue: coalesced into a job of the same key that is already queued.
      const queued =
        job.key !== null &&
        this.#waiting.some((other) => other.name === job.name && other.key === job.key && other.state === 'created');
      if (!queued) this.#waiting.push({ ...job, state: 'created', runAt: Date.now() + error.seconds * 1000 });
      return;
    }
    if (job.attempt <= job.retryLimit) {
      this.#waiting.push({
        ...job,
        state: 'retry',
        attempt: job.attempt + 1,
        runAt: Date.now() + retryDelayMs(job.retryDelaySeconds, job.attempt),
      });
      return;
    }
    const info: JobInfo = { id: job.id, name: job.name, data: job.data, attempt: job.attempt };
    this.#emitError(new JobFailedError(info, error));
    if (this.#recordFailure) {
      await this.#recordFailure(info, error).catch((recordError: unknown) =>
        this.#emitError(new JobEngineError('Could not record a failed job', recordError, info)),
      );
    }
  }

  #emitError(error: JobQueueErrorEvent): void {
    // An 'error' event with no listener would throw inside a timer and end the process; say it instead.
    if (this.listenerCount('error') === 0) console.error(error);
    else this.emit('error', error);
  }
}

function keyOf(job: WaitingJob): string {
  return `${job.name}\u0000${job.key}`;
}
