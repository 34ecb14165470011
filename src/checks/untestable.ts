/** Checks whose result is known without running anything: what a browser cannot test, and why. */
import { formatPortRange, type PortRange } from '../profile/ports';
import { PUSH_PORTS } from './blocked-ports';
import { phrase, type Phrase } from '../i18n/phrase';
import type { CheckReason, CheckTarget, PlannedUntestable } from './types';

function untestable(target: CheckTarget, reason: CheckReason, detail: Phrase): PlannedUntestable {
  return { type: 'untestable', ...target, outcome: { status: 'untestable', reason, detail } };
}

export function untestableBlockedPort(target: CheckTarget, port: number): PlannedUntestable {
  return untestable(target, 'unsafe-port', phrase('detail_port_blocked_list', { ports: String(port) }));
}

export function untestableRawUdp(target: CheckTarget, ranges: PortRange[]): PlannedUntestable {
  return untestable(target, 'raw-udp', withPush(phrase('detail_raw_udp'), ranges));
}

export function untestableRawTcp(target: CheckTarget, ranges: PortRange[], blocked: number[]): PlannedUntestable {
  if (blocked.length === ranges.length) return untestable(target, 'unsafe-port', phrase('detail_port_blocked_list', { ports: blocked.join(', ') }));
  const ports = ranges.map(formatPortRange).join(', ');
  const raw = phrase('detail_raw_tcp', { ports });
  const detail =
    blocked.length === 0 ? raw : phrase('detail_with_note', { detail: raw, note: phrase('detail_also_blocked_list', { ports: blocked.join(', ') }) });
  return untestable(target, 'raw-tcp', withPush(detail, ranges));
}

export function untestableNoProbeHost(target: CheckTarget, port: number): PlannedUntestable {
  return untestable(target, 'no-probe-host', phrase('detail_no_probe_host', { port: String(port) }));
}

export function untestableUnnamedHost(target: CheckTarget): PlannedUntestable {
  return untestable(target, 'no-probe-host', phrase('detail_unnamed_host'));
}

/** The detail, and which push service uses these ports from the operating system (not from web pages), if one does. */
function withPush(detail: Phrase, ranges: PortRange[]): Phrase {
  const push = PUSH_PORTS.find((p) => ranges.some((r) => r.from <= p.to && r.to >= p.from));
  return push ? phrase('detail_push_ports', { detail, service: push.service }) : detail;
}
