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

describe('routeEvidence: a reference beyond the guide', () => {
  const reference = (target: string, status: 'pass' | 'fail') => ({ ...stun(target, status), ruleId: 'reference', reference: true as const });

  it("takes a reference's answer on a port the vendor's checks do not use, and not on theirs", () => {
    const vendor = stun('stun:203.0.113.10:3478', 'pass');
    const onGuidePort = reference('stun:203.0.113.40:3478', 'pass');
    const onPeerPort = reference('stun:203.0.113.40:40000', 'pass');
    expect(evidence([vendor, onGuidePort]).referenceBeyondGuide).toEqual([]);
    expect(evidence([vendor, onGuidePort, onPeerPort]).referenceBeyondGuide).toEqual([onPeerPort]);
    expect(evidence([vendor, onGuidePort, reference('stun:203.0.113.40:40000', 'fail')]).referenceBeyondGuide).toEqual([]);
  });

  it("uses the guide's ports when given: a range the guide opens is no proof", () => {
    const vendor = stun('stun:203.0.113.10:3478', 'pass');
    const onGuideRange = reference('stun:203.0.113.40:50000', 'pass');
    const guidePort = (port: number) => port === 3478 || port >= 49152;
    expect(routeEvidence({ checks: [vendor, onGuideRange], candidates: [], nat, localGatheringRan: true, guidePort }).referenceBeyondGuide).toEqual([]);
    expect(evidence([vendor, onGuideRange]).referenceBeyondGuide).toEqual([onGuideRange]);
  });
});
