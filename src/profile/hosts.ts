/**
 * Host patterns in tcp/udp rules: what a firewall admin types. A browser can
 * only probe a concrete name or address, hence `isConcreteHost`.
 */
import { isDnsName, isIPv4, isIPv6 } from '../ice/address';

export type HostPatternKind = 'name' | 'wildcard' | 'ipv4' | 'ipv6' | 'cidr';

export function hostPatternKind(pattern: string): HostPatternKind | null {
  if (isIPv4(pattern)) return 'ipv4';
  if (isIPv6(pattern)) return 'ipv6';
  if (isCidr(pattern)) return 'cidr';
  // Only a whole leftmost label may be a wildcard, as firewalls and TLS certificates accept it.
  if (pattern.startsWith('*.') && isDnsName(pattern.slice(2)) && pattern.slice(2).includes('.')) return 'wildcard';
  if (isDnsName(pattern)) return 'name';
  return null;
}

function isCidr(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash === -1) return false;
  const address = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  if (isIPv4(address)) return Number(bits) <= 32;
  if (isIPv6(address)) return Number(bits) <= 128;
  return false;
}

export function isConcreteHost(host: string): boolean {
  const kind = hostPatternKind(host);
  return kind === 'name' || kind === 'ipv4' || kind === 'ipv6';
}

/** Whether a concrete name is covered by a name or wildcard pattern. Address ranges are not resolved. */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p.startsWith('*.')) return h.endsWith(p.slice(1)) && h.length > p.length - 1;
  return p === h;
}
