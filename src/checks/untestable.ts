/** Checks whose result is known without running anything: what a browser cannot test, and why. */
import { formatPortRange, type PortRange } from '../profile/ports';
import { PUSH_PORTS } from './blocked-ports';
import type { CheckReason, CheckTarget, PlannedUntestable } from './types';

function untestable(target: CheckTarget, reason: CheckReason, detail: string): PlannedUntestable {
  return { type: 'untestable', ...target, outcome: { status: 'untestable', reason, detail } };
}

export function untestableBlockedPort(target: CheckTarget, port: number): PlannedUntestable {
  return untestable(target, 'unsafe-port', `port ${port} is on the browser's blocked-port list, so a browser cannot test it`);
}

export function untestableRawUdp(target: CheckTarget, ranges: PortRange[]): PlannedUntestable {
  return untestable(target, 'raw-udp', `a browser cannot send plain UDP to chosen ports${pushNote(ranges)}`);
}

export function untestableRawTcp(target: CheckTarget, ranges: PortRange[], blocked: number[]): PlannedUntestable {
  const blockedNote = blocked.length === 0 ? '' : `; ${blocked.join(', ')} ${blocked.length > 1 ? 'are' : 'is'} also on the browser's blocked-port list`;
  if (blocked.length === ranges.length) {
    return untestable(
      target,
      'unsafe-port',
      `port ${blocked.join(', ')} ${blocked.length > 1 ? 'are' : 'is'} on the browser's blocked-port list, so a browser cannot test ${blocked.length > 1 ? 'them' : 'it'}`,
    );
  }
  const ports = ranges.map(formatPortRange).join(', ');
  return untestable(target, 'raw-tcp', `a browser opens only HTTP(S) connections, not plain TCP to port ${ports}${blockedNote}${pushNote(ranges)}`);
}

export function untestableNoProbeHost(target: CheckTarget, port: number): PlannedUntestable {
  return untestable(
    target,
    'no-probe-host',
    `port ${port} could be probed over HTTP(S), but the rule names only wildcards or address ranges; a "probeHost" in the profile would make it testable`,
  );
}

export function untestableUnnamedHost(target: CheckTarget): PlannedUntestable {
  return untestable(
    target,
    'no-probe-host',
    "the vendor's document does not name this host (lost from the published guide); ask the vendor, then name it in a custom or policy profile",
  );
}

function pushNote(ranges: PortRange[]): string {
  const push = PUSH_PORTS.find((p) => ranges.some((r) => r.from <= p.to && r.to >= p.from));
  return push ? ` (${push.service} uses these ports from the operating system, not from web pages)` : '';
}
