import { describe, expect, it } from 'vitest';
import { formatDuration, formatRate } from './labels';

describe('numbers in the reader’s language (issue 28)', () => {
  it('writes durations and rates with the locale’s decimal separator, English by default', () => {
    expect([850, 4_200, 12_000].map((ms) => formatDuration(ms))).toEqual(['850 ms', '4.2 s', '12 s']);
    expect([850, 4_200, 12_000].map((ms) => formatDuration(ms, 'de'))).toEqual(['850 ms', '4,2 s', '12 s']);
    expect(formatDuration(4_200, 'fr')).toBe('4,2 s');
    // Never grouped: "1234 ms" would read as "1.234 ms" in German.
    expect(formatDuration(999.6, 'de')).toBe('1000 ms');
    expect(formatRate(1_840, 'de')).toBe('1,8 Mbit/s');
  });
});
