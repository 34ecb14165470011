/**
 * Which loopback calls a run makes, from the TURN checks that allocated
 * (src/ice/loopback.ts explains the two paths). A call needs a relay on at
 * least one end, and a relay needs the profile's own credentials: without
 * them (most built-in profiles) no call is possible and the evidence stays
 * what gathering showed.
 */
import { callBudgetMs, type LoopbackPath } from '../ice/loopback';
import type { IceServerConfig, RelayProtocol } from '../ice/types';
import { formatIceUri, parseIceUri } from '../ice/uri';
import type { CheckResult, PlannedCheck, PlannedIceCheck } from './types';

export interface LoopbackEnd {
  /** May hold TURN credentials: give to RTCPeerConnection, never store. */
  iceServers: IceServerConfig[];
  iceTransportPolicy: 'relay' | 'all';
}

export interface PlannedLoopback {
  id: string;
  path: LoopbackPath;
  transport: RelayProtocol;
  turnUrl: string;
  checkId: string;
  /** From how long the allocation took (callBudgetMs). */
  budgetMs: number;
  caller: LoopbackEnd;
  callee: LoopbackEnd;
}

const TRANSPORTS: readonly RelayProtocol[] = ['udp', 'tcp', 'tls'];

/**
 * One `relay-relay` call per transport that allocated (the first such TURN
 * URL), and one `relay-direct` call on the UDP relay: its other end asks the
 * same server as a STUN server (TURN servers answer Binding requests), so
 * that it has a server-reflexive candidate the relay may send to.
 */
export function planLoopbacks(plan: readonly PlannedCheck[], results: readonly CheckResult[]): PlannedLoopback[] {
  const allocated = (transport: RelayProtocol) =>
    plan.find(
      (check): check is PlannedIceCheck =>
        check.type === 'ice' &&
        check.role === 'turn' &&
        check.targets[0]!.transport === transport &&
        check.targets[0]!.hasCredentials &&
        results.some((r) => r.id === check.targets[0]!.checkId && r.status === 'pass'),
    );
  const calls: PlannedLoopback[] = [];
  for (const transport of TRANSPORTS) {
    const turn = allocated(transport);
    if (!turn) continue;
    const target = turn.targets[0]!;
    const relayOnly: LoopbackEnd = { iceServers: turn.iceServers, iceTransportPolicy: 'relay' };
    const allocationMs = results.find((r) => r.id === target.checkId)?.durationMs ?? null;
    const base = { transport, turnUrl: target.target, checkId: target.checkId, budgetMs: callBudgetMs(allocationMs) };
    calls.push({ id: `loopback-relay-${transport}`, path: 'relay-relay', ...base, caller: relayOnly, callee: relayOnly });
    const stun = transport === 'udp' ? stunUrlOf(target.target) : null;
    if (stun) {
      calls.push({
        id: 'loopback-relay-direct',
        path: 'relay-direct',
        ...base,
        caller: relayOnly,
        callee: { iceServers: [{ urls: [stun] }], iceTransportPolicy: 'all' },
      });
    }
  }
  return calls;
}

/** `turn:host:port?transport=udp` -> `stun:host:port`. */
function stunUrlOf(turnUrl: string): string | null {
  const uri = parseIceUri(turnUrl);
  return uri.ok ? formatIceUri({ ...uri.value, scheme: 'stun', transport: null }) : null;
}
