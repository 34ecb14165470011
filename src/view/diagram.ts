/**
 * The route diagram's links, coloured by what passed: this device -> its
 * network/NAT -> the internet -> STUN, TURN and the vendor's services.
 */
import type { CheckResult } from '../checks/types';
import type { Report } from '../report/types';
import type { MethodStatus } from '../verdict';

export type LinkState = 'ok' | 'partial' | 'failed' | 'unknown';
export interface DiagramLinks {
  device: LinkState;
  internet: LinkState;
  stun: LinkState;
  turn: LinkState;
  vendor: LinkState;
}

function fromChecks(checks: readonly CheckResult[]): LinkState {
  const tested = checks.filter((c) => c.status !== 'untestable');
  if (tested.length === 0) return 'unknown';
  const good = tested.filter((c) => c.status === 'pass' || c.status === 'warn').length;
  if (good === tested.length) return 'ok';
  return good === 0 ? 'failed' : 'partial';
}

function fromStatus(status: MethodStatus | undefined): LinkState {
  if (status === 'available') return 'ok';
  if (status === 'unverified') return 'partial';
  return status === 'unavailable' ? 'failed' : 'unknown';
}

export function diagramLinks(report: Pick<Report, 'verdict' | 'checks'>): DiagramLinks {
  const method = (m: string) => report.verdict.methods.find((v) => v.method === m)?.status;
  const relay = ['relay-udp', 'relay-tcp', 'relay-tls'].map(method);
  const turn: LinkState = relay.includes('available') ? 'ok' : relay.includes('unverified') ? 'partial' : relay.includes('unavailable') ? 'failed' : 'unknown';
  const vendor = fromChecks(report.checks.filter((c) => c.kind === 'https' || c.kind === 'wss' || c.kind === 'tcp' || c.kind === 'udp'));
  const stunChecks = report.checks.filter((c) => c.kind === 'stun');
  const anyPassed = report.checks.some((c) => c.status === 'pass' || c.status === 'warn');
  return {
    device: fromStatus(method('lan')),
    internet: anyPassed ? 'ok' : report.checks.some((c) => c.status === 'fail') ? 'failed' : 'unknown',
    // What the STUN servers answered, not whether hole punching works: behind a symmetric NAT both STUN
    // servers answer and hole punching is still not possible (a ✕ there contradicted the checks).
    stun: stunChecks.length > 0 ? fromChecks(stunChecks) : fromStatus(method('hole-punching')),
    turn,
    vendor,
  };
}
