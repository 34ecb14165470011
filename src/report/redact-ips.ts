/**
 * Replaces the user's own IP addresses with stable placeholders: `host-1`,
 * `host-2`… for local (interface) addresses, `public-1`… for the addresses the
 * network is seen from (and `mac-1` for a ChromeOS device's MAC address). The same address gets the same placeholder wherever it
 * appears (candidate fields, raw candidate lines, check details, verdict
 * reasons), so the report still reads consistently.
 *
 * Server addresses (STUN/TURN/web hosts from the profile) are not the user's
 * and stay: support needs them to know which server failed. Only addresses
 * the report itself names as the user's are replaced, so nothing is guessed
 * from the shape of a number.
 */
import type { Report } from './types';
import { mapStrings } from './map-strings';

export interface IpPlaceholders {
  /** Address as it appears in the report -> placeholder. */
  map: Map<string, string>;
}

export function ipPlaceholders(report: Report): IpPlaceholders {
  const map = new Map<string, string>();
  const counts = { host: 0, public: 0, mac: 0 };
  const add = (address: string | null | undefined, kind: 'host' | 'public' | 'mac') => {
    if (!address || map.has(address)) return;
    // A port or an mDNS name is not an address to hide here.
    if (kind === 'mac' ? !/^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(address) : !looksLikeIp(address)) return;
    // Chrome masks the last octet of a local address in ICE errors (10.0.0.x): same interface, same placeholder.
    const unmasked = /\.x$/i.test(address) ? [...map.keys()].find((known) => known.startsWith(address.slice(0, -1))) : undefined;
    if (unmasked) return void map.set(address, map.get(unmasked)!);
    counts[kind] += 1;
    map.set(address, `${kind}-${counts[kind]}`);
  };
  // Report order, so numbering is stable for a given report.
  for (const c of report.candidates) {
    if (c.type === 'host') add(c.address, 'host');
    else if (c.type === 'srflx' || c.type === 'prflx') {
      add(c.relatedAddress, 'host');
      add(c.address, 'public');
    } else if (c.type === 'relay') add(c.relatedAddress, 'public');
  }
  for (const e of report.iceErrors) add(e.address, 'host');
  for (const a of report.nat.publicAddresses) add(a, 'public');
  for (const [key, value] of Object.entries(report.environment.device.facts)) {
    if (/ip/i.test(key)) add(value, 'host');
    else if (/mac/i.test(key)) add(value, 'mac');
  }
  return { map };
}

/** IPv4 (Chrome masks the last octet of some local addresses as `x`) or IPv6. */
function looksLikeIp(text: string): boolean {
  return /^\d{1,3}\.\d{1,3}\.\d{1,3}\.(\d{1,3}|x)$/i.test(text) || (/^[0-9a-f:.]+$/i.test(text) && text.includes(':') && text.split(':').length >= 3);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function redactIps(report: Report): Report {
  const { map } = ipPlaceholders(report);
  if (map.size === 0) return { ...report, redaction: { ipAddresses: true } };
  // Longest first, and never inside a longer number/address: 10.0.0.1 must not eat 10.0.0.10.
  const addresses = [...map.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![0-9A-Za-z.:])(${addresses.map(escape).join('|')})(?![0-9A-Za-z]|\\.[0-9A-Za-z])`, 'g');
  const scrub = (text: string) => text.replace(pattern, (address) => map.get(address) ?? address);
  const redacted = mapStrings(report, scrub) as Report;
  return { ...redacted, redaction: { ipAddresses: true } };
}
