/** Marker returned by {@link raceTimeout} when the promise did not settle in time. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * Resolves with the promise's value, or TIMED_OUT after `ms`. A rejection becomes TIMED_OUT too, and a late
 * rejection is swallowed: teams-js rejects app.initialize() after 60 s outside Teams, long after we moved on.
 */
export function raceTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  const guarded = promise.catch((): typeof TIMED_OUT => TIMED_OUT);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([guarded, timeout]).finally(() => clearTimeout(timer));
}
