/**
 * The verdict's five methods folded into the three a teacher knows: direct on
 * this network, hole punching, relay (the best of UDP/TCP/TLS). A reason
 * backed by a failed check is given as that check's translated reason line;
 * one that is not (the NAT's behaviour, say) stays the verdict's own words.
 */
import type { CheckResult } from '../checks/types';
import { gradeCall, type CallGrade, type LoopbackResult } from '../ice/loopback';
import type { Method, MethodStatus, MethodVerdict, Verdict } from '../verdict';
import { reasonLineOf, type ReasonLine } from './reasons';

export type MethodGroup = 'lan' | 'hole-punching' | 'relay';

export interface MethodRow {
  group: MethodGroup;
  labelKey: string;
  status: MethodStatus;
  statusKey: string;
  /** For the relay row: the transport that decided its status (udp/tcp/tls), else null. */
  transport: 'udp' | 'tcp' | 'tls' | null;
  /** One line: the first reason, for any status but available; null otherwise. */
  reason: string | null;
  /** The same reason as a translatable line, when a check with a reason code stands behind it. */
  reasonLine: ReasonLine | null;
  /** How many further reasons the details list holds. */
  moreReasons: number;
  /** What the loopback call through this route measured, graded; null when none ran. */
  call: CallLine | null;
}

/** A loopback call's grade for the popup: "Test call: good for video (round trip 3 ms, 0 % lost)". */
export interface CallLine {
  grade: CallGrade;
  gradeKey: string;
  /** Median round trip, ms; null when no echo came back. */
  rttMs: number | null;
  /** One-way loss, 0..1. */
  loss: number;
}

export const METHOD_LABEL_KEYS: Record<MethodGroup, string> = {
  lan: 'verdict_method_lan',
  'hole-punching': 'verdict_method_hole_punching',
  relay: 'verdict_method_relay',
};

export const STATUS_KEYS: Record<MethodStatus, string> = {
  available: 'verdict_status_available',
  unverified: 'verdict_status_unverified',
  unavailable: 'verdict_status_unavailable',
  untested: 'verdict_status_untested',
};

/** Best first, as the route is chosen (docs/verdict.md). */
const STATUS_RANK: Record<MethodStatus, number> = { available: 0, unverified: 1, unavailable: 2, untested: 3 };
const RELAYS: readonly Method[] = ['relay-udp', 'relay-tcp', 'relay-tls'];

function pick(verdict: Verdict, method: Method): MethodVerdict | undefined {
  return verdict.methods.find((m) => m.method === method);
}

/** Relay is as good as its best transport; among equals the faster one (UDP before TCP before TLS). */
function bestRelay(verdict: Verdict): MethodVerdict | undefined {
  const relays = RELAYS.map((m) => pick(verdict, m)).filter((m): m is MethodVerdict => m !== undefined);
  // Every relay untested but one unavailable: the unavailable one explains more.
  return [...relays].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status])[0];
}

/**
 * The call that speaks for a row: for relay, the relay ↔ relay call over the
 * transport that decided the row; for hole punching, the call from this
 * network to the relay's port (direct UDP to an arbitrary port, as a peer's
 * would be). The LAN has none.
 */
function callFor(group: MethodGroup, transport: MethodRow['transport'], loopbacks: readonly LoopbackResult[]): CallLine | null {
  const call =
    group === 'relay'
      ? loopbacks.find((l) => l.path === 'relay-relay' && l.transport === transport)
      : group === 'hole-punching'
        ? loopbacks.find((l) => l.path === 'relay-direct')
        : undefined;
  if (!call || call.setupError !== null || call.sent === 0) return null;
  const grade = gradeCall(call);
  return { grade, gradeKey: `report_grade_${grade.replace(/-/g, '_')}`, rttMs: call.rttMs, loss: call.loss ?? 1 };
}

function row(group: MethodGroup, verdict: MethodVerdict | undefined, checks: readonly CheckResult[], loopbacks: readonly LoopbackResult[]): MethodRow {
  const status = verdict?.status ?? 'untested';
  const explained = status === 'available' || !verdict ? [] : verdict.reasons;
  const reasons = explained.map((r) => r.text);
  const transport = group === 'relay' && verdict ? (verdict.method.slice('relay-'.length) as MethodRow['transport']) : null;
  return {
    group,
    labelKey: METHOD_LABEL_KEYS[group],
    status,
    // One device cannot test a same-network call: "possible, not tested", not "likely works".
    statusKey: group === 'lan' && status === 'unverified' ? 'verdict_status_lan_possible' : STATUS_KEYS[status],
    transport,
    reason: reasons[0] ?? null,
    reasonLine: explained[0] ? reasonLineOf(explained[0].checkIds, checks) : null,
    moreReasons: Math.max(0, reasons.length - 1),
    call: callFor(group, transport, loopbacks),
  };
}

export function methodRows(verdict: Verdict, checks: readonly CheckResult[] = [], loopbacks: readonly LoopbackResult[] = []): MethodRow[] {
  return [
    row('lan', pick(verdict, 'lan'), checks, loopbacks),
    row('hole-punching', pick(verdict, 'hole-punching'), checks, loopbacks),
    row('relay', bestRelay(verdict), checks, loopbacks),
  ];
}

/** The LAN line of the report and ticket text, by `verdict.lan`. */
export const LAN_KEYS: Record<Verdict['lan'], string> = {
  possible: 'report_lan_direct',
  unavailable: 'report_lan_unavailable',
  untested: 'report_lan_untested',
};

export const RELAY_TRANSPORT_KEYS: Record<'udp' | 'tcp' | 'tls', string> = {
  udp: 'verdict_relay_over_udp',
  tcp: 'verdict_relay_over_tcp',
  tls: 'verdict_relay_over_tls',
};
