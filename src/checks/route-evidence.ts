/**
 * The facts the route verdict is decided on, gathered from check results and
 * candidates in one place, so that the decision table reads like its doc.
 */
import type { NatAnalysis } from '../ice/nat';
import type { GatheredCandidate, RelayProtocol } from '../ice/types';
import { effectivePort, parseIceUri } from '../ice/uri';
import type { CheckResult } from './types';

export interface UdpPortLimit {
  answered: CheckResult;
  silent: CheckResult;
}

export interface RouteEvidence {
  hostCandidates: boolean;
  srflxGathered: boolean;
  nat: NatAnalysis;
  /** STUN checks the browser ran (untestable ones left out). */
  stun: CheckResult[];
  /** TURN checks the browser ran, by transport to the server. */
  turn: Record<RelayProtocol, CheckResult[]>;
  /** A UDP server on one port answered while one on another port stayed silent. */
  udpPortLimit: UdpPortLimit | null;
}

export function routeEvidence(input: { checks: readonly CheckResult[]; candidates: readonly GatheredCandidate[]; nat: NatAnalysis }): RouteEvidence {
  const ran = input.checks.filter((check) => check.status !== 'untestable');
  const turnOver = (transport: RelayProtocol) => ran.filter((check) => check.kind === 'turn' && check.transport === transport);
  return {
    hostCandidates: input.candidates.some((c) => c.type === 'host'),
    srflxGathered: input.candidates.some((c) => c.type === 'srflx'),
    nat: input.nat,
    stun: ran.filter((check) => check.kind === 'stun'),
    turn: { udp: turnOver('udp'), tcp: turnOver('tcp'), tls: turnOver('tls') },
    udpPortLimit: findUdpPortLimit(ran),
  };
}

/**
 * Hole punching sends UDP to whatever port the peer's NAT picked, so a
 * firewall that lets UDP out only to some ports breaks it even when STUN
 * works. The sign: over UDP, a server on one port answered (a srflx, a relay
 * or a 401) while one on another port got no answer at all.
 */
function findUdpPortLimit(checks: CheckResult[]): UdpPortLimit | null {
  const udp = checks.filter((check) => check.transport === 'udp' && (check.kind === 'stun' || check.kind === 'turn'));
  const answered = udp.filter((check) => check.status === 'pass' || (check.status === 'warn' && check.reason === 'auth-401'));
  const silent = udp.filter((check) => check.status === 'fail' && check.reason === 'timeout');
  for (const a of answered) {
    const s = silent.find((candidate) => portOf(candidate) !== portOf(a));
    if (s) return { answered: a, silent: s };
  }
  return null;
}

function portOf(check: CheckResult): number | null {
  const uri = parseIceUri(check.target);
  return uri.ok ? effectivePort(uri.value) : null;
}
