/**
 * A firewall rule as paste-ready words. Apart from firewall.ts (which builds
 * the rules while planning, also in the popup's host-access request) so that
 * the popup does not carry the wording only the service worker needs.
 */
import type { FirewallLine } from './types';

const ANY_IPV4 = '0.0.0.0/0';
const ANY_IPV6 = '::/0';

/**
 * Destinations as an admin reads them: "any destination" instead of the
 * literal `0.0.0.0/0, ::/0`, and never an empty list (a vendor guide that
 * names no host for a rule: the admin must ask the vendor).
 */
export function formatDestinations(destinations: readonly string[]): string {
  if (destinations.length === 0) return "the vendor's servers (the vendor's guide names no host: ask the vendor)";
  const v4 = destinations.includes(ANY_IPV4);
  const v6 = destinations.includes(ANY_IPV6);
  if (v4 && v6) return 'any destination';
  const rest = destinations.filter((d) => d !== ANY_IPV4 && d !== ANY_IPV6);
  const any = v4 ? ['any IPv4 destination'] : v6 ? ['any IPv6 destination'] : [];
  return [...any, ...rest].join(', ');
}

/** "port 443", "ports 49152-65535", "ports 5060, 5061". */
export function formatPorts(ports: string): string {
  return ports.includes(',') || ports.includes('-') ? `ports ${ports}` : `port ${ports}`;
}

/** Paste-ready: "Allow outbound UDP to turn.example.org port 3478 (TURN over UDP)". */
export function formatFirewallLine(line: FirewallLine): string {
  const service = line.service === null ? '' : ` (${line.service})`;
  return `Allow ${line.direction} ${line.protocol} to ${formatDestinations(line.destinations)} ${formatPorts(line.ports)}${service}`;
}
