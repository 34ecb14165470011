/**
 * Which addresses a peer on the public Internet cannot send to. Range
 * classification comes from ipaddr.js (IANA special-purpose registries,
 * RFC 6890), not hand-written prefixes.
 */
import ipaddr from 'ipaddr.js';
import { phrase, type Phrase } from '../i18n/phrase';

/** The ipaddr.js ranges a relay address must never be in: RFC 1918, CGNAT (RFC 6598), loopback, link-local, ULA (RFC 4193), unspecified. */
const UNROUTABLE: Record<string, Phrase> = {
  private: phrase('range_private'),
  carrierGradeNat: phrase('range_cgnat'),
  loopback: phrase('range_loopback'),
  linkLocal: phrase('range_link_local'),
  uniqueLocal: phrase('range_unique_local'),
  unspecified: phrase('range_unspecified'),
};

/**
 * Why peers outside cannot reach `address`, as a phrase (`range_private`: "a
 * private address (RFC 1918)"), or null when it is routable or not an IP literal at all.
 * IPv4-mapped IPv6 is judged as the IPv4 address it carries. Documentation
 * ranges (TEST-NET, 2001:db8::/32) count as routable: they are what labs use.
 */
export function unroutableRange(address: string): Phrase | null {
  if (!ipaddr.isValid(address)) return null;
  return UNROUTABLE[ipaddr.process(address).range()] ?? null;
}
