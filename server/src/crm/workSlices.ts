import { performance } from 'node:perf_hooks';

/**
 * A checkpoint for a long loop over what a user sent or owns: once the loop has run `sliceMs` without a break, the
 * checkpoint lets the other requests waiting on the event loop run before the loop goes on.
 */
export function workSlices(sliceMs = 20): () => Promise<void> {
  let sliceStarted = performance.now();
  return async () => {
    if (performance.now() - sliceStarted < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStarted = performance.now();
  };
}
