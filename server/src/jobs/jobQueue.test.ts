import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './jobQueue.js';

describe('retry backoff', () => {
  it('grows exponentially from the base, jittered up to twice, and is capped', () => {
    expect(retryDelayMs(5, 1, () => 0)).toBe(5000);
    expect(retryDelayMs(5, 1, () => 0.999)).toBeCloseTo(9995);
    expect(retryDelayMs(5, 3, () => 0)).toBe(20_000);
    expect(retryDelayMs(5, 30, () => 0.5)).toBe(3_600_000);
  });
});
