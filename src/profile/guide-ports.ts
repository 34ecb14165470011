import { effectivePort, parseIceUri } from '../ice/uri';
import { hostPatternKind } from './hosts';
import { portRanges, rangeIncludes, type PortRange } from './ports';
import type { Profile } from './types';

/**
 * Below this, ports belong to services a firewall opens for their own sake
 * (UDP 53 DNS, 123 NTP, 443 QUIC): an answer there says nothing about the rest.
 * IANA's system ports end at 1023 (RFC 6335 §6).
 */
export const FIRST_USER_PORT = 1024;

/** Ports a reference server could be put on, in the order the report suggests them: one outside the guide is named. */
const SUGGESTED_PORTS = [40000, 10000, 6500, 5000, 2000, 1500, 1100, 1024];

export interface GuideUdpPorts {
  /** Whether an admin who follows the guide opens UDP to this port (or it is a system port). */
  opens(port: number): boolean;
  /** A port the guide does not open, for a reference STUN server; null when the guide opens every user port. */
  suggested: number | null;
}

/**
 * The UDP ports an admin who follows the vendor's guide opens: every port its
 * STUN/TURN servers use (over any transport: guides list "3478 TCP/UDP") and
 * every port or range of its raw `udp` rules toward the vendor's own hosts.
 * Reference rules are the admin's own, not the guide's, and are left out; so
 * are raw rules to any address (`0.0.0.0/0`, `::/0`): those are the peer rule
 * itself (Senso's "hole punching: UDP 1-65535 to any address", OnSight's
 * endpoint media 6000-6200), and an answer on their ports from a reference is
 * what they promise.
 *
 * Why it matters: hole punching needs UDP to whatever port a peer's NAT
 * picked. A firewall opened exactly as the guide says passes every answer on
 * these ports, to any address, while a peer's port is refused (adversarial
 * review, session 9: `! --dports 3478,19302` got "hole punching available").
 */
export function guideUdpPorts(profile: Pick<Profile, 'rules'>): GuideUdpPorts {
  const ranges: PortRange[] = [];
  for (const rule of profile.rules) {
    if ((rule.kind === 'stun' || rule.kind === 'turn') && rule.reference !== true) {
      for (const url of rule.urls) {
        const uri = parseIceUri(url);
        if (uri.ok) {
          const port = effectivePort(uri.value);
          ranges.push({ from: port, to: port });
        }
      }
    }
    if (rule.kind === 'udp' && !rule.hosts.some(isAnyAddress)) ranges.push(...portRanges(rule.ports));
  }
  return guideOpening((port) => ranges.some((range) => rangeIncludes(range, port)));
}

/** A guide that opens the ports `opensPort` says, and the system ports. */
export function guideOpening(opensPort: (port: number) => boolean): GuideUdpPorts {
  const opens = (port: number) => port < FIRST_USER_PORT || opensPort(port);
  return { opens, suggested: SUGGESTED_PORTS.find((port) => !opens(port)) ?? null };
}

/** `0.0.0.0/0` or `::/0`: every address. */
function isAnyAddress(host: string): boolean {
  return hostPatternKind(host) === 'cidr' && host.endsWith('/0');
}
