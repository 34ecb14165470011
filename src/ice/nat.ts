/**
 * NAT mapping behaviour (RFC 4787) from the srflx candidates of ONE peer
 * connection that asked several STUN servers. One connection means one local
 * port (base) per interface, so comparing what each server saw for that base
 * tells whether the NAT keeps one mapping for every destination.
 *
 * What Chrome shows, and what it means:
 * - It emits a srflx only for an address:port it does not have yet (and not
 *   when the mapped address equals the local one). So two servers that
 *   answered but one srflx = both saw the same mapping: endpoint-independent.
 * - Two srflx for the same base with different ports or addresses = the NAT
 *   picks a new mapping per destination: endpoint-dependent ("symmetric"),
 *   which defeats hole punching.
 * - A srflx equal to a host address, or servers that answered without any
 *   srflx, = the local address is already public: no NAT.
 * Which servers answered comes from the STUN check results, since a dropped
 * duplicate leaves no candidate behind.
 */
import { phrase, type Phrase } from '../i18n/phrase';
import type { GatheredCandidate } from './types';
import { isMdnsName } from './address';
import { parseIceUri } from './uri';

export type NatMapping = 'none' | 'endpoint-independent' | 'endpoint-dependent' | 'unknown';

export interface NatAnalysis {
  mapping: NatMapping;
  /** The distinct public (srflx) addresses seen. */
  publicAddresses: string[];
  /** The reasoning, as a phrase (`nat_symmetric`, …) rendered in the reader's language. */
  reason: Phrase;
}

export interface NatEvidence {
  /** Candidates of the STUN batch connection only. */
  candidates: readonly GatheredCandidate[];
  /** URLs of the STUN servers known to have answered. */
  answeredServers: readonly string[];
}

export function analyzeNatMapping({ candidates, answeredServers }: NatEvidence): NatAnalysis {
  const srflx = candidates.filter((c) => c.type === 'srflx' && c.address !== null);
  const publicAddresses = unique(srflx.map((c) => c.address!));
  const result = (mapping: NatMapping, reason: Phrase): NatAnalysis => ({ mapping, publicAddresses, reason });

  const hostAddresses = new Set(candidates.filter((c) => c.type === 'host').map((c) => c.address));
  const unmapped = srflx.find((c) => hostAddresses.has(c.address));
  if (unmapped) return result('none', phrase('nat_none_local', { address: unmapped.address ?? '?' }));

  const udpHosts = candidates.filter((c) => c.type === 'host' && c.protocol === 'udp').length;
  const split = findSplitMapping(srflx) ?? findSplitAmongHiddenBases(srflx, udpHosts);
  if (split) {
    const [a, b] = split;
    return result(
      'endpoint-dependent',
      phrase('nat_symmetric', {
        base: baseOf(a),
        first: mapped(a),
        first_server: a.url ?? phrase('nat_one_server'),
        second: mapped(b),
        second_server: b.url ?? phrase('nat_another_server'),
      }),
    );
  }

  // Servers are told apart by host as written; two names resolving to one address would be
  // miscounted, which profiles avoid by naming servers on different addresses.
  const servers = unique(answeredServers.map(serverHost));
  if (servers.length > 0 && srflx.length === 0) {
    return result('none', phrase('nat_none_answered', { servers: servers.join(', ') }));
  }
  if (servers.length < 2) {
    return result('unknown', phrase(servers.length === 0 ? 'nat_unknown_none' : 'nat_unknown_one'));
  }
  // With every local address hidden as an mDNS name (Firefox), a srflx cannot be compared
  // with the local address: "no NAT" and "a NAT with one mapping" look the same, and both let
  // hole punching through, so the reading is kept and the doubt said.
  const hidden = hostAddresses.size > 0 && [...hostAddresses].every((a) => a !== null && isMdnsName(a));
  return result(
    'endpoint-independent',
    phrase(hidden ? 'nat_independent_hidden' : 'nat_independent', { servers: servers.join(', '), mapping: srflx.map(mapped).join(', ') }),
  );
}

/**
 * Firefox hides a srflx's base (`raddr 0.0.0.0 rport 0`, test/fixtures/firefox-153.json).
 * Each local UDP socket (one per host candidate) can show each mapping once, so
 * more distinct mappings than sockets means some socket was mapped twice
 * (pigeonhole): endpoint-dependent, whichever socket it was.
 */
function findSplitAmongHiddenBases(srflx: GatheredCandidate[], udpHosts: number): [GatheredCandidate, GatheredCandidate] | null {
  const hidden = srflx.filter(hiddenBase);
  const distinct = [...new Map(hidden.map((c) => [mapped(c), c])).values()];
  return udpHosts > 0 && distinct.length > udpHosts ? [distinct[0]!, distinct[1]!] : null;
}

function hiddenBase(candidate: GatheredCandidate): boolean {
  return candidate.relatedAddress === null || candidate.relatedAddress === '0.0.0.0' || candidate.relatedAddress === '::';
}

/** Two srflx of the same (known) local base with different mappings, if any. */
function findSplitMapping(srflx: GatheredCandidate[]): [GatheredCandidate, GatheredCandidate] | null {
  const firstByBase = new Map<string, GatheredCandidate>();
  for (const candidate of srflx.filter((c) => !hiddenBase(c))) {
    const first = firstByBase.get(baseOf(candidate));
    if (!first) firstByBase.set(baseOf(candidate), candidate);
    else if (mapped(first) !== mapped(candidate)) return [first, candidate];
  }
  return null;
}

function baseOf(candidate: GatheredCandidate): string {
  if (hiddenBase(candidate)) return 'a port the browser does not name';
  return `${candidate.relatedAddress ?? '?'}:${candidate.relatedPort ?? '?'}`;
}

function mapped(candidate: GatheredCandidate): string {
  return `${candidate.address}:${candidate.port}`;
}

function serverHost(url: string): string {
  const parsed = parseIceUri(url);
  return parsed.ok ? parsed.value.host : url;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
