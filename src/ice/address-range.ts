/**
 * Which addresses a peer on the public Internet cannot send to. Range
 * classification comes from ipaddr.js (IANA special-purpose registries,
 * RFC 6890), not hand-written prefixes.
 */
import ipaddr from 'ipaddr.js';

/** The ipaddr.js ranges a relay address must never be in: RFC 1918, CGNAT (RFC 6598), loopback, link-local, ULA (RFC 4193), unspecified. */
const UNROUTABLE: Record<string, string> = {
  private: 'a private address (RFC 1918)',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10, RFC 6598)',
  loopback: 'a loopback address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a unique local IPv6 address (RFC 4193)',
  unspecified: 'the unspecified address',
};

/**
 * Plain words for why peers outside cannot reach `address` ("a private address
 * (RFC 1918)"), or null when it is routable or not an IP literal at all.
 * IPv4-mapped IPv6 is judged as the IPv4 address it carries. Documentation
 * ranges (TEST-NET, 2001:db8::/32) count as routable: they are what labs use.
 */
export function unroutableRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  return UNROUTABLE[ipaddr.process(address).range()] ?? null;
}
