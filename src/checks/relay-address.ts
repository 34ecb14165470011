/**
 * A TURN server that hands out a relay address no peer outside can reach: the
 * allocation works (the check passes), yet every call relayed through it would
 * carry no media. Coturn does this when it runs behind NAT without
 * `external-ip`. The fix is the vendor's server configuration, so it becomes a
 * `vendor-server` note, never a firewall rule. Ranges from ipaddr.js.
 */
import ipaddr from 'ipaddr.js';
import type { GatheredCandidate } from '../ice/types';
import { parseIceUri } from '../ice/uri';
import type { CauseAdvice } from './missing-rules';

/** ipaddr.js range names no peer on the internet can send to. */
const UNROUTABLE = new Set(['private', 'loopback', 'unspecified', 'linkLocal', 'carrierGradeNat', 'uniqueLocal']);

function rangeOf(address: string): string | null {
  try {
    return ipaddr.parse(address).range();
  } catch {
    return null;
  }
}

export interface UnroutableRelay {
  url: string;
  address: string;
  range: string;
}

/**
 * Relay candidates with an unroutable address from a server the browser did
 * not itself reach on such an address (an on-premises TURN server on a private
 * address is meant for the LAN and is left alone).
 */
export function unroutableRelays(candidates: readonly Pick<GatheredCandidate, 'type' | 'address' | 'url'>[]): UnroutableRelay[] {
  const found = new Map<string, UnroutableRelay>();
  for (const c of candidates) {
    if (c.type !== 'relay' || c.address === null || c.url === null) continue;
    const range = rangeOf(c.address);
    if (range === null || !UNROUTABLE.has(range)) continue;
    const uri = parseIceUri(c.url);
    const serverRange = uri.ok && uri.value.hostKind !== 'name' ? rangeOf(uri.value.host.replace(/^\[|\]$/g, '')) : null;
    if (serverRange !== null && UNROUTABLE.has(serverRange)) continue;
    found.set(`${c.url} ${c.address}`, { url: c.url, address: c.address, range });
  }
  return [...found.values()];
}

/** Adds one note per unroutable relay to the vendor-server section. */
export function withRelayAddressNotes(sections: readonly CauseAdvice[], relays: readonly UnroutableRelay[]): CauseAdvice[] {
  if (relays.length === 0) return [...sections];
  const notes = relays.map(
    (r) =>
      `${r.url} allocated the relay address ${r.address} (${r.range} range), which peers outside this network cannot reach: the TURN server needs its public relay address configured (coturn: external-ip).`,
  );
  const lines = notes.map((n) => `Ask the vendor to check: ${n}`);
  const vendor = sections.find((s) => s.cause === 'vendor-server');
  const updated: CauseAdvice = vendor
    ? { ...vendor, notes: [...vendor.notes, ...notes], text: [vendor.text, ...lines].join('\n') }
    : { cause: 'vendor-server', rules: [], notes, text: lines.join('\n') };
  // Sections keep the CAUSES order: vendor-server sits before this-device.
  const others = sections.filter((s) => s.cause !== 'vendor-server');
  const device = others.findIndex((s) => s.cause === 'this-device');
  return device === -1 ? [...others, updated] : [...others.slice(0, device), updated, ...others.slice(device)];
}
