import { describe, expect, it } from 'vitest';
import { reportFileName } from './filename';

describe('reportFileName', () => {
  it('names the profile and the local start time', () => {
    const at = new Date(2026, 10, 21, 9, 5); // local time
    expect(reportFileName({ startedAt: at.toISOString(), profile: { id: 'senso' } as never }, 'json')).toBe('webrtc-check-senso-2026-11-21_0905.json');
  });

  it('survives a profile id that is no file name', () => {
    const at = new Date(2026, 0, 2, 23, 59);
    expect(reportFileName({ startedAt: at.toISOString(), profile: { id: '../a b/c' } as never }, 'txt')).toBe('webrtc-check-_a_b_c-2026-01-02_2359.txt');
  });

  it('still names a file when the start time is unreadable', () => {
    expect(reportFileName({ startedAt: 'yesterday', profile: { id: 'x' } as never }, 'json')).toBe('webrtc-check-x-unknown-time.json');
  });
});
