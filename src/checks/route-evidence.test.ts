import { describe, expect, it } from 'vitest';
import { phrase } from '../i18n/phrase';
import type { NatAnalysis } from '../ice/nat';
import { routeEvidence } from './route-evidence';
import type { CheckResult } from './types';

let seq = 0;
const stun = (target: string, status: 'pass' | 'fail'): CheckResult => ({
  id: `stun#${++seq}`,
  ruleId: 'stun',
  kind: 'stun',
  target,
  transport: 'udp',
  status,
  reason: status === 'pass' ? null : 'timeout',
  detail: phrase('detail_no_answer_within', { seconds: '2 s' }),
  durationMs: 2_000,
});
const nat = { mapping: 'endpoint-independent' } as unknown as NatAnalysis;
const evidence = (checks: CheckResult[]) => routeEvidence({ checks, candidates: [], nat, localGatheringRan: true });

describe('routeEvidence: a UDP port limit', () => {
  it('is a server answering on one port while another on a port nothing answered on stays silent', () => {
    const a = stun('stun:203.0.113.10:3478', 'pass');
    const b = stun('stun:203.0.113.11:19302', 'fail');
    expect(evidence([a, b]).udpPortLimit).toEqual({ answered: a, silent: b });
  });

  it('is not shown by a silent server on a port another server answered on: the port is let out', () => {
    const a = stun('stun:203.0.113.10:3478', 'pass');
    const b = stun('stun:203.0.113.10:19302', 'pass');
    const c = stun('stun:203.0.113.11:3478', 'fail');
    expect(evidence([a, b, c]).udpPortLimit).toBeNull();
  });
});
