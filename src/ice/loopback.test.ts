import { describe, expect, it } from 'vitest';
import { callBudgetMs, gradeCall, inFlightCutoff, interarrivalJitter, median } from './loopback';

describe('interarrivalJitter (RFC 3550 §6.4.1)', () => {
  it('is zero for a constant transit time and null with fewer than two packets', () => {
    expect(interarrivalJitter([20, 20, 20, 20])).toBe(0);
    expect(interarrivalJitter([20])).toBeNull();
  });

  it('moves 1/16 of the way towards each new transit difference', () => {
    // D = 16 once: J = 16/16 = 1; then D = 16 again: J = 1 + (16 - 1)/16.
    expect(interarrivalJitter([0, 16])).toBe(1);
    expect(interarrivalJitter([0, 16, 0])).toBeCloseTo(1 + 15 / 16);
  });
});

describe('median', () => {
  it('takes the middle, or the mean of the two middles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('gradeCall', () => {
  const m = (rttMs: number | null, loss: number | null, jitterMs: number | null, received = 30) => ({ received, rttMs, loss, jitterMs });
  it('grades by the documented thresholds', () => {
    expect(gradeCall(m(40, 0, 2))).toBe('good-for-video');
    expect(gradeCall(m(300, 0.01, 30))).toBe('good-for-video');
    expect(gradeCall(m(40, 2 / 150, 2))).toBe('audio-only');
    expect(gradeCall(m(301, 0, 0))).toBe('audio-only');
    expect(gradeCall(m(100, 0.05, 10))).toBe('audio-only');
    expect(gradeCall(m(900, 0, 0))).toBe('unusable');
    expect(gradeCall(m(100, 0.2, 0))).toBe('unusable');
  });

  it('calls a route that carried nothing unusable', () => {
    expect(gradeCall(m(null, 1, null, 0))).toBe('unusable');
  });
});

describe('callBudgetMs', () => {
  it('is 2.5 s for a relay that answers at once, six allocations plus a second for a slow one, never more than 6 s', () => {
    expect(callBudgetMs(40)).toBe(2_500);
    expect(callBudgetMs(null)).toBe(2_500);
    expect(callBudgetMs(523)).toBe(4_138);
    expect(callBudgetMs(5_000)).toBe(6_000);
  });
});

describe('inFlightCutoff', () => {
  it('leaves out packets sent too late to have arrived: one and a half times the slowest transit seen before the end', () => {
    expect(inFlightCutoff(2_000, [200, 210, 190])).toBe(2_000 - 315);
    // Nothing arrived: nothing tells what is in flight, every packet counts.
    expect(inFlightCutoff(2_000, [])).toBe(2_000);
  });
});
