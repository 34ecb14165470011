import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_MS } from './deadline';
import { FAST_ANSWER_MS, udpSilenceMs, UDP_THIRD_RETRANSMISSION_MS } from './silence';
import { seconds } from './result';

describe('silence over UDP decided on evidence', () => {
  it('is past the browsers’ third retransmission (1.75 s) once another server answered fast, never past the deadline', () => {
    // Measured on the wire (docs/measured.md): Chromium's third retransmission at 1.67 s, Firefox's at 0.70 s.
    expect(UDP_THIRD_RETRANSMISSION_MS).toBeGreaterThan(1_670 + 30);
    expect(udpSilenceMs(DEFAULT_DEADLINE_MS, 12)).toBe(1_750);
    expect(udpSilenceMs(1_500, 12)).toBe(1_500);
  });

  it('waits for the deadline without evidence, or when the network answered only slowly', () => {
    expect(udpSilenceMs(DEFAULT_DEADLINE_MS, null)).toBe(DEFAULT_DEADLINE_MS);
    expect(udpSilenceMs(DEFAULT_DEADLINE_MS, FAST_ANSWER_MS + 1)).toBe(DEFAULT_DEADLINE_MS);
  });

  it('says the silence point as waited: "1.75 s", not rounded up to "1.8 s"', () => {
    expect(seconds(UDP_THIRD_RETRANSMISSION_MS)).toBe('1.75 s');
    expect([seconds(5_000), seconds(2_500), seconds(2_999)]).toEqual(['5 s', '2.5 s', '2.99 s']);
  });
});
