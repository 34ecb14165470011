import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../background/settings/one-at-a-time';

describe('oneAtATime', () => {
  it('runs read-change-write tasks one after the other, so none writes back a stale value', async () => {
    let stored = 0;
    const increment = () =>
      oneAtATime(async () => {
        const seen = stored;
        await new Promise((resolve) => setTimeout(resolve, 5));
        stored = seen + 1;
        return stored;
      });
    expect(await Promise.all([increment(), increment(), increment()])).toEqual([1, 2, 3]);
    expect(stored).toBe(3);
  });

  it('goes on after a task fails, and hands the failure to its caller', async () => {
    await expect(oneAtATime(() => Promise.reject(new Error('storage full')))).rejects.toThrow('storage full');
    expect(await oneAtATime(async () => 'next')).toBe('next');
  });
});
