import { describe, expect, it } from 'vitest';
import { phrase } from '../i18n/phrase';
import type { NatAnalysis } from '../ice/nat';
import { guideOpening } from '../profile/guide-ports';
import type { LoopbackResult } from '../ice/loopback';
import { call } from '../../test/fixtures/verdict-cases';
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
    const guide = guideOpening((port) => port === 3478 || port >= 49152);
    expect(routeEvidence({ checks: [vendor, onGuideRange], candidates: [], nat, localGatheringRan: true, guide }).referenceBeyondGuide).toEqual([]);
    // A guide opening every user port toward its own hosts leaves nothing to prove the rest on: the answer from beyond the vendor does.
    const everything = guideOpening(() => true);
    expect(routeEvidence({ checks: [vendor, onGuideRange], candidates: [], nat, localGatheringRan: true, guide: everything }).referenceBeyondGuide).toEqual([
      onGuideRange,
    ]);
    expect(evidence([vendor, onGuideRange]).referenceBeyondGuide).toEqual([onGuideRange]);
  });
});

describe('routeEvidence: what a loopback call proves', () => {
  const loopback = (path: 'relay-relay' | 'relay-direct', transport: 'udp' | 'tcp', figures: { connected: boolean; sent: number; received: number }) => ({
    ...call(path, transport, figures.received),
    ...figures,
  });
  const run = (loopbacks: LoopbackResult[]) =>
    routeEvidence({ checks: [stun('stun:203.0.113.10:3478', 'pass')], candidates: [], nat, localGatheringRan: true, loopbacks });

  it('takes a call that connected and sent nothing (its budget ran out) as no evidence, not as UDP blocked', () => {
    const e = run([
      loopback('relay-relay', 'udp', { connected: true, sent: 12, received: 6 }),
      loopback('relay-direct', 'udp', { connected: true, sent: 0, received: 0 }),
    ]);
    expect(e.udpHighPorts.status).toBe('unknown');
  });

  it('blames the packet size only on a UDP call that never connected beside a TCP call that carried', () => {
    const tcp = loopback('relay-relay', 'tcp', { connected: true, sent: 150, received: 150 });
    expect(run([loopback('relay-relay', 'udp', { connected: false, sent: 0, received: 0 }), tcp]).udpMediaLost).toBe(true);
    // Connected: the handshake's ~1250 B datagrams crossed; what was lost after is not their size.
    expect(run([loopback('relay-relay', 'udp', { connected: true, sent: 150, received: 0 }), tcp]).udpMediaLost).toBe(false);
  });
});
