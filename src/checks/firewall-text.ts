/**
 * A firewall rule as paste-ready words: phrases (src/i18n/phrase.ts) that each
 * page says in its reader's language, and the English text the report keeps
 * for readers without the extension. Apart from firewall.ts (which builds the
 * rules while planning, also in the popup's host-access request).
 */
import { phrase, type Phrase } from '../i18n/phrase';
import type { FirewallLine } from './types';

const ANY_IPV4 = '0.0.0.0/0';
const ANY_IPV6 = '::/0';

/**
 * Destinations as an admin reads them: "any destination" instead of the
 * literal `0.0.0.0/0, ::/0`, and never an empty list (a vendor guide that
 * names no host for a rule: the admin must ask the vendor).
 */
export function destinationsPhrase(destinations: readonly string[]): Phrase {
  if (destinations.length === 0) return phrase('fw_vendor_servers');
  const v4 = destinations.includes(ANY_IPV4);
  const v6 = destinations.includes(ANY_IPV6);
  if (v4 && v6) return phrase('fw_any_destination');
  const rest = destinations.filter((d) => d !== ANY_IPV4 && d !== ANY_IPV6).join(', ');
  if (v4 || v6) return rest === '' ? phrase(v4 ? 'fw_any_ipv4' : 'fw_any_ipv6') : phrase(v4 ? 'fw_any_ipv4_and' : 'fw_any_ipv6_and', { hosts: rest });
  return phrase('fw_hosts', { hosts: rest });
}

/** "port 443", "ports 49152-65535", "ports 5060, 5061". */
export function portsPhrase(ports: string): Phrase {
  return phrase(ports.includes(',') || ports.includes('-') ? 'fw_ports' : 'fw_port', { ports });
}

/** "turn.example.org port 3478 (TURN over UDP)": where a rule or a fix applies. */
export function placePhrase(line: Pick<FirewallLine, 'destinations' | 'ports' | 'service'>): Phrase {
  const destination = destinationsPhrase(line.destinations);
  const ports = portsPhrase(line.ports);
  return line.service === null ? phrase('fw_place', { destination, ports }) : phrase('fw_place_service', { destination, ports, service: line.service });
}

/** Paste-ready: "Allow outbound UDP to turn.example.org port 3478 (TURN over UDP)". */
export function firewallLinePhrase(line: FirewallLine): Phrase {
  return phrase('fw_allow', { protocol: line.protocol, place: placePhrase(line) });
}
