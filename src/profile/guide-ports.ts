import { effectivePort, parseIceUri } from '../ice/uri';
import { portRanges, rangeIncludes, type PortRange } from './ports';
import type { Profile } from './types';

/**
 * Below this, ports belong to services a firewall opens for their own sake
 * (UDP 53 DNS, 123 NTP, 443 QUIC): an answer there says nothing about the rest.
 * IANA's system ports end at 1023 (RFC 6335 §6).
 */
export const FIRST_USER_PORT = 1024;

/**
 * The UDP ports an admin who follows the vendor's guide opens: every port its
 * STUN/TURN servers use (over any transport: guides list "3478 TCP/UDP") and
 * every port or range of its raw `udp` rules. Reference rules are the admin's
 * own, not the guide's, and are left out.
 *
 * Why it matters: hole punching needs UDP to whatever port a peer's NAT
 * picked. A firewall opened exactly as the guide says passes every answer on
 * these ports, to any address, while a peer's port is refused (adversarial
 * review, session 9: `! --dports 3478,19302` got "hole punching available").
 */
export function guideUdpPorts(profile: Pick<Profile, 'rules'>): (port: number) => boolean {
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
    if (rule.kind === 'udp') ranges.push(...portRanges(rule.ports));
  }
  return (port) => port < FIRST_USER_PORT || ranges.some((range) => rangeIncludes(range, port));
}
