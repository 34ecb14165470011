/**
 * When to try a failed send again: exponential backoff with "equal jitter"
 * (half the window fixed, half random), so 3,000 devices that lost their
 * collector together do not all come back in the same second, while none
 * retries sooner than half its window.
 */
/** First window 1 min, doubling, at most 1 h. chrome.alarms fires no sooner than 30 s in a packed extension anyway. */
export const RETRY_BASE_MS = 60_000;
export const RETRY_CAP_MS = 60 * 60_000;

/**
 * Delay in ms before attempt `failures + 1`, after `failures` (≥ 1) failed
 * attempts: uniformly in [w/2, w] with w = min(cap, base · 2^(failures−1)).
 * `random` returns [0, 1) (Math.random; a test passes its own).
 */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const window = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, Math.min(failures, 32) - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(window / 2 + (r * window) / 2);
}
