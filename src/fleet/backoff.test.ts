import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { retryDelay, RETRY_BASE_MS, RETRY_CAP_MS } from './backoff';

describe('retry backoff', () => {
  it('doubles its window from one minute and stops at one hour', () => {
    const top = (failures: number) => retryDelay(failures, () => 1);
    expect([1, 2, 3, 4].map(top)).toEqual([RETRY_BASE_MS, 2 * RETRY_BASE_MS, 4 * RETRY_BASE_MS, 8 * RETRY_BASE_MS]);
    expect(top(7)).toBe(RETRY_CAP_MS);
    expect(top(1000)).toBe(RETRY_CAP_MS);
  });

  it('stays within [window/2, window] for any random value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (failures, r) => {
        const window = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (failures - 1));
        const delay = retryDelay(failures, () => r);
        return delay >= window / 2 && delay <= window;
      }),
    );
  });

  it('spreads devices that failed together: 3,000 first retries land in over 1,000 different seconds', () => {
    const seconds = new Set(Array.from({ length: 3000 }, () => Math.floor(retryDelay(1) / 1000)));
    // The window is 30 s wide at the first retry; by the fifth it is 8 min.
    expect(seconds.size).toBeGreaterThanOrEqual(25);
    const fifth = new Set(Array.from({ length: 3000 }, () => Math.floor(retryDelay(5) / 1000)));
    expect(fifth.size).toBeGreaterThan(400);
  });
});
