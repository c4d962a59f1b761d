import { performance } from 'node:perf_hooks';
import type { Stack } from './stack.js';

/** What other users saw while one request ran. */
export interface Responsiveness<T> {
  result: T;
  /** The request's own duration (wall clock). */
  ms: number;
  /** The longest a `/healthz` call waited, from when it was due to its answer (wall clock). */
  worstHealthzMs: number;
  /** The most CPU this process spent while one `/healthz` call waited: the work it waited behind. */
  worstHealthzCpuMs: number;
  /** How many `/healthz` calls answered while it ran. */
  healthzCalls: number;
  /** The longest the event loop was held at once (wall clock). */
  maxLoopDelayMs: number;
  /** The most CPU spent in one such hold: the work that held the loop, whatever else the machine was doing. */
  maxLoopHoldCpuMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const HEALTH_EVERY_MS = 20;
const TICK_MS = 10;

/**
 * Runs `work` (requests to the stack) while another client calls `/healthz` over and over, and measures how long those
 * calls and the event loop waited. The service, the local tenant and this test share one process: a request that
 * holds the loop holds up the timers here as much, so a call's wait is counted from when it was due. On a machine
 * shared with other busy processes, wall-clock waits also count the time the operating system gave to those; the CPU
 * this process spent meanwhile counts only its own work, so bounds are asserted on it and the wall clock is reported.
 */
export async function whileWatchingHealth<T>(stack: Stack, work: () => Promise<T>): Promise<Responsiveness<T>> {
  const health = async (due: { wall: number; cpu: number }): Promise<{ wall: number; cpu: number }> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await stack.fetch(`${stack.serviceUrl}/healthz`);
        await response.text();
        if (response.status !== 200) throw new Error(`/healthz answered ${response.status}`);
        return { wall: performance.now() - due.wall, cpu: cpuMs() - due.cpu };
      } catch (error) {
        // A kept-alive connection the server closed while the loop was held; a new one is made on the next try.
        if (attempt >= 2) throw error;
      }
    }
  };
  const now = () => ({ wall: performance.now(), cpu: cpuMs() });
  // A connection already open, so the first timed call does not count a TLS handshake.
  await health(now());

  let maxLoopDelayMs = 0;
  let maxLoopHoldCpuMs = 0;
  let lastTick = now();
  const ticker = setInterval(() => {
    const tick = now();
    maxLoopDelayMs = Math.max(maxLoopDelayMs, tick.wall - lastTick.wall - TICK_MS);
    maxLoopHoldCpuMs = Math.max(maxLoopHoldCpuMs, tick.cpu - lastTick.cpu);
    lastTick = tick;
  }, TICK_MS);

  let done = false;
  const waits: { wall: number; cpu: number }[] = [];
  const poller = (async () => {
    do {
      // When the timer is due: a held loop fires it late, and the wait counts from here.
      const due = now();
      due.wall += HEALTH_EVERY_MS;
      await sleep(HEALTH_EVERY_MS);
      waits.push(await health(due));
    } while (!done);
  })();
  try {
    const started = performance.now();
    const result = await work();
    const ms = performance.now() - started;
    done = true;
    // The last call started after the work ended; the ticker has seen the loop since.
    await poller;
    return {
      result,
      ms,
      worstHealthzMs: Math.max(...waits.map((wait) => wait.wall)),
      worstHealthzCpuMs: Math.max(...waits.map((wait) => wait.cpu)),
      healthzCalls: waits.length,
      maxLoopDelayMs,
      maxLoopHoldCpuMs,
    };
  } finally {
    done = true;
    clearInterval(ticker);
    await poller.catch(() => undefined);
  }
}
