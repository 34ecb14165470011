import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_MS } from './deadline';
import { FAST_ANSWER_MS, udpSilenceMs, UDP_SILENCE_MS } from './silence';
import { seconds } from './result';

describe('silence over UDP decided on evidence', () => {
  it('is past the browsers’ third retransmission (2 s) once another server answered fast, never past the deadline', () => {
    // Measured on the wire (docs/measured.md): Chromium's third retransmission 1.67 s after its first request, which
    // leaves up to ~80 ms into the gathering; Firefox's at 0.70 s. Past it, with time for an answer.
    expect(UDP_SILENCE_MS).toBeGreaterThanOrEqual(1_670 + 80 + 200);
    expect(udpSilenceMs(DEFAULT_DEADLINE_MS, 12)).toBe(2_000);
    expect(udpSilenceMs(1_500, 12)).toBe(1_500);
  });

  it('waits for the deadline without evidence, or when the network answered only slowly', () => {
    expect(udpSilenceMs(DEFAULT_DEADLINE_MS, null)).toBe(DEFAULT_DEADLINE_MS);
    expect(udpSilenceMs(DEFAULT_DEADLINE_MS, FAST_ANSWER_MS + 1)).toBe(DEFAULT_DEADLINE_MS);
  });

  it('says a wait as waited: "1.75 s", not rounded up to "1.8 s"', () => {
    expect(seconds(UDP_SILENCE_MS)).toBe('2 s');
    expect([seconds(5_000), seconds(2_500), seconds(1_750), seconds(2_999)]).toEqual(['5 s', '2.5 s', '1.75 s', '2.99 s']);
  });
});
