import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_MS } from './deadline';
import { FAST_ANSWER_MS, udpSilenceMs, UDP_THIRD_RETRANSMISSION_MS } from './silence';

describe('silence over UDP decided on evidence', () => {
  it('is the third RFC 8489 retransmission (3.5 s) once another server answered fast, never past the deadline', () => {
    expect(UDP_THIRD_RETRANSMISSION_MS).toBe(500 + 1_000 + 2_000);
    expect(udpSilenceMs(DEFAULT_DEADLINE_MS, 12)).toBe(3_500);
    expect(udpSilenceMs(2_000, 12)).toBe(2_000);
  });

  it('waits for the deadline without evidence, or when the network answered only slowly', () => {
    expect(udpSilenceMs(DEFAULT_DEADLINE_MS, null)).toBe(DEFAULT_DEADLINE_MS);
    expect(udpSilenceMs(DEFAULT_DEADLINE_MS, FAST_ANSWER_MS + 1)).toBe(DEFAULT_DEADLINE_MS);
  });
});
