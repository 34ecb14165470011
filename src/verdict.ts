/**
 * Check results -> which route calls to a peer outside the LAN will take, and
 * why the better routes are not available. The decision is one table,
 * VERDICT_TABLE, mirrored row by row in docs/verdict.md: read either one.
 */
import type { DeviceNetwork, RouteEvidence } from './checks/route-evidence';
import type { CheckResult } from './checks/types';
import type { RelayProtocol } from './ice/types';
import type { LoopbackResult } from './ice/loopback';
import { phrase, type Phrase, type PhraseParam } from './i18n/phrase';
import { checkLine } from './checks/check-line';

export type Method = 'lan' | 'hole-punching' | 'relay-udp' | 'relay-tcp' | 'relay-tls';
export type RouteMethod = Exclude<Method, 'lan'>;
/**
 * The best route to a peer outside the LAN; 'none' = calls will fail;
 * 'untested' = no route method could be tested from a browser (every one is
 * `untested`): the rules must be verified on the firewall, not read as blocked.
 */
export type Route = RouteMethod | 'none' | 'untested';

/**
 * - available: shown by evidence.
 * - unverified: possible, not proven (TURN 401 without credentials; NAT mapping
 *   unknown; UDP seen on one port only; LAN P2P, which one device cannot test).
 * - unavailable: evidence shows it will not work.
 * - untested: the profile gave nothing to test it with, or we failed to run the test.
 */
export type MethodStatus = 'available' | 'unverified' | 'unavailable' | 'untested';

/**
 * A reason as a phrase (a message code with named parameters, rendered in the
 * reader's language by src/i18n/words.ts), tied to the checks that show it.
 */
export interface Explanation extends Phrase {
  checkIds: string[];
}

export interface VerdictRow {
  /** Stable id, quoted in reports and in docs/verdict.md. */
  id: string;
  method: Method;
  status: MethodStatus;
  /** The condition, in words (the docs table repeats it). */
  when: string;
  applies: (e: RouteEvidence) => boolean;
  explain: (e: RouteEvidence) => Explanation[];
}

export interface MethodVerdict {
  method: Method;
  status: MethodStatus;
  /** The VERDICT_TABLE row that decided it. */
  rowId: string;
  reasons: Explanation[];
}

export interface Verdict {
  /** The best route to a peer outside the LAN (see Route). */
  route: Route;
  /** false when the route rests on an `unverified` method. */
  routeVerified: boolean;
  /**
   * LAN P2P: `possible` = this device has a local address (a same-network call is
   * possible, not tested: one device cannot see client isolation or VLANs);
   * `unavailable` = no local address; `untested` = the local gathering could not run.
   */
  lan: 'possible' | 'unavailable' | 'untested';
  /** What the always-run local gathering showed about this device's network. */
  device: DeviceNetwork;
  methods: MethodVerdict[];
  /** One sentence for the popup, as a phrase (`summary_relay_udp`, …). */
  summary: Phrase;
}

/** Best first: each step is slower than the one before. */
export const ROUTE_PREFERENCE: readonly RouteMethod[] = ['hole-punching', 'relay-udp', 'relay-tcp', 'relay-tls'];

const why = (text: Phrase, checks: readonly CheckResult[] = []): Explanation => ({ ...text, checkIds: checks.map((c) => c.id) });
const failures = (checks: readonly CheckResult[]): Explanation[] =>
  checks.filter((c) => c.status === 'fail' || c.status === 'warn').map((c) => why(checkLine(c), [c]));
const passed = (checks: readonly CheckResult[]) => checks.filter((c) => c.status === 'pass');
const challenged = (checks: readonly CheckResult[]) => checks.filter((c) => c.status === 'warn' && c.reason === 'auth-401');
const rejected = (checks: readonly CheckResult[]) => checks.filter((c) => c.status === 'fail' && c.reason === 'auth-401');
const flagged = (checks: readonly CheckResult[]) => checks.filter((c) => c.status === 'warn' && c.reason === 'unroutable-relay');
const OVER: Record<RelayProtocol, string> = { udp: 'UDP', tcp: 'TCP', tls: 'TLS' };
const notRun = (checks: readonly CheckResult[]) => phrase('why_not_run', { checks: checks.map(checkLine) });
/** Ports as a list ("3478, 443"), or "?" when none answered. */
const portList = (ports: readonly number[]): string => ports.join(', ') || '?';

/** "25 of 30 packets arrived; round trip 12 ms; jitter 1 ms": what a loopback call measured. */
function callFigures(call: LoopbackResult): Phrase[] {
  const figures = [phrase('figures_packets', { received: call.received, sent: call.sent })];
  if (call.rttMs !== null) figures.push(phrase('figures_rtt', { ms: Math.round(call.rttMs) }));
  if (call.jitterMs !== null) figures.push(phrase('figures_jitter', { ms: Math.round(call.jitterMs) }));
  if (!call.connected) figures.push(phrase('figures_not_connected'));
  return figures;
}

/** The caller is the relay-only end: its local candidate's port is the relay's allocated port ("?" when unknown). */
function relayPort(call: LoopbackResult): PhraseParam {
  const port = call.selectedPair?.localType === 'relay' ? call.selectedPair.localPort : null;
  return port ? port : '?';
}

/** First row of every method: with no network at all nothing else matters. */
function offlineRow(method: Method): VerdictRow {
  return {
    id: `${method}.offline`,
    method,
    status: 'unavailable',
    when: 'the device has no network: the always-run local gathering finished without a host candidate',
    applies: (e) => e.device === 'offline',
    explain: () => [why(phrase('why_offline'))],
  };
}

/** Rows for one relay transport; written once so the three stay identical. */
function relayRows(method: 'relay-udp' | 'relay-tcp' | 'relay-tls', transport: RelayProtocol): VerdictRow[] {
  const over = OVER[transport];
  return [
    offlineRow(method),
    {
      id: `${method}.untested`,
      method,
      status: 'untested',
      when: `the profile has no TURN server over ${over} a browser can test`,
      applies: (e) => e.turn[transport].length === 0 && e.turnNotRun[transport].length === 0,
      explain: () => [why(phrase('why_no_turn_server', { transport: over }))],
    },
    {
      id: `${method}.not-run`,
      method,
      status: 'untested',
      when: `every TURN check over ${over} failed to run (status \`error\`: our failure, no evidence about the network)`,
      applies: (e) => e.turn[transport].length === 0,
      explain: (e) => [why(notRun(e.turnNotRun[transport]), e.turnNotRun[transport])],
    },
    {
      id: `${method}.media-blocked`,
      method,
      status: 'unavailable',
      when: `a TURN server allocated a relay over ${over}, but a loopback call through it carried no data (the reason names the likely side: the server when no relay of any transport carried data, the path when only UDP lost it)`,
      applies: (e) => e.relayMedia[transport].status === 'blocked',
      explain: (e) => {
        const call = e.relayMedia[transport].call!;
        const key = e.relayRefusesData ? 'why_relay_refuses_data' : transport === 'udp' && e.udpMediaLost ? 'why_relay_udp_lost' : 'why_relay_media_blocked';
        return [why(phrase(key, { url: call.turnUrl, figures: callFigures(call) }), passed(e.turn[transport]))];
      },
    },
    {
      id: `${method}.media-carried`,
      method,
      status: 'available',
      when: `a loopback call through a relay over ${over} carried data`,
      applies: (e) => e.relayMedia[transport].status === 'carried',
      explain: (e) => [
        why(
          phrase('why_relay_media_carried', { url: e.relayMedia[transport].call!.turnUrl, figures: callFigures(e.relayMedia[transport].call!) }),
          passed(e.turn[transport]),
        ),
      ],
    },
    {
      id: `${method}.allocated`,
      method,
      status: 'available',
      when: `a TURN server gave a relay candidate over ${over} (no loopback call: the profile has no credentials for it, or the call could not run)`,
      applies: (e) => passed(e.turn[transport]).length > 0,
      explain: (e) => passed(e.turn[transport]).map((c) => why(checkLine(c), [c])),
    },
    {
      id: `${method}.unroutable-relay`,
      method,
      status: 'unverified',
      when: `a TURN server over ${over} allocated a relay whose address is outside public unicast space (private, CGNAT, loopback, link-local, ULA): peers outside cannot send to it`,
      applies: (e) => flagged(e.turn[transport]).length > 0,
      explain: (e) => flagged(e.turn[transport]).map((c) => why(checkLine(c), [c])),
    },
    {
      id: `${method}.challenged`,
      method,
      status: 'unverified',
      when: `a TURN server answered over ${over} with a 401 challenge, and the profile has no credentials`,
      applies: (e) => challenged(e.turn[transport]).length > 0,
      explain: (e) => challenged(e.turn[transport]).map((c) => why(checkLine(c), [c])),
    },
    {
      // A 401 to real credentials proves server and transport reachable: the network is not
      // what stops the relay, the login is (cause relay-credentials). No relay is proven, and
      // if the app signs in with the same credentials its relayed calls fail too.
      id: `${method}.credentials-rejected`,
      method,
      status: 'unavailable',
      when: `a TURN server answered over ${over} but rejected the profile's credentials (401): reachable, but no relay with this login (the network is not the cause)`,
      applies: (e) => rejected(e.turn[transport]).length > 0,
      explain: (e) => rejected(e.turn[transport]).map((c) => why(phrase('why_credentials_rejected', { check: checkLine(c) }), [c])),
    },
    {
      id: `${method}.failed`,
      method,
      status: 'unavailable',
      when: `otherwise: every TURN server over ${over} failed`,
      applies: () => true,
      explain: (e) => failures(e.turn[transport]),
    },
  ];
}

/** For each method, the first row whose condition holds decides. */
export const VERDICT_TABLE: readonly VerdictRow[] = [
  offlineRow('lan'),
  {
    id: 'lan.no-host',
    method: 'lan',
    status: 'unavailable',
    when: 'online, yet the browser gave WebRTC no local address (its WebRTC IP handling setting hides them): no direct call on the local network',
    applies: (e) => e.device === 'online' && !e.hostGathered,
    explain: () => [why(phrase('why_lan_no_host'))],
  },
  {
    id: 'lan.host',
    method: 'lan',
    status: 'unverified',
    when: 'host candidates were gathered: possible, not tested (one device cannot see Wi-Fi client isolation or VLANs between rooms)',
    applies: (e) => e.device === 'online',
    explain: (e) => [why(phrase('why_lan_host', { addresses: e.hostAddresses.join(', ') || phrase('why_addresses_hidden') }))],
  },
  {
    id: 'lan.not-run',
    method: 'lan',
    status: 'untested',
    when: 'the local gathering could not be set up',
    applies: () => true,
    explain: () => [why(phrase('why_lan_not_run'))],
  },
  offlineRow('hole-punching'),
  {
    id: 'hole-punching.untested',
    method: 'hole-punching',
    status: 'untested',
    when: 'the profile has no STUN server a browser can test',
    applies: (e) => e.stun.length === 0 && e.stunNotRun.length === 0,
    explain: () => [why(phrase('why_no_stun_server'))],
  },
  {
    id: 'hole-punching.not-run',
    method: 'hole-punching',
    status: 'untested',
    when: 'every STUN check failed to run (status `error`: our failure, no evidence about the network)',
    applies: (e) => e.stun.length === 0,
    explain: (e) => [why(notRun(e.stunNotRun), e.stunNotRun)],
  },
  {
    id: 'hole-punching.symmetric-nat',
    method: 'hole-punching',
    status: 'unavailable',
    when: 'NAT mapping is endpoint-dependent (symmetric NAT)',
    applies: (e) => e.nat.mapping === 'endpoint-dependent',
    explain: (e) => [why(e.nat.reason, e.stun)],
  },
  {
    id: 'hole-punching.no-answer',
    method: 'hole-punching',
    status: 'unavailable',
    when: 'no STUN server answered',
    applies: (e) => passed(e.stun).length === 0,
    explain: (e) => failures(e.stun),
  },
  {
    id: 'hole-punching.udp-media-lost',
    method: 'hole-punching',
    status: 'unavailable',
    when:
      'the relay over UDP allocated but its loopback call carried nothing while a relay over TCP or TLS carried data: UDP media does not cross this network ' +
      '(large UDP packets lost on a VPN, tunnel or PPPoE link, or a filter dropping UDP media), and a direct call needs the same',
    applies: (e) => e.udpMediaLost,
    explain: (e) => [why(phrase('why_udp_media_lost', { url: e.relayMedia.udp.call!.turnUrl }), passed(e.stun))],
  },
  {
    id: 'hole-punching.destination-limited',
    method: 'hole-punching',
    status: 'unavailable',
    when: 'a reference STUN server outside the vendor’s addresses stayed silent on a UDP port a vendor server answered on: UDP is let out only to some destinations, and a peer’s address is not among them',
    applies: (e) => e.referenceSilent.length > 0,
    explain: (e) => e.referenceSilent.map((c) => why(phrase('why_reference_silent', { check: checkLine(c) }), [c])),
  },
  {
    id: 'hole-punching.high-ports-blocked',
    method: 'hole-punching',
    status: 'unavailable',
    when:
      "a loopback call from this network to the relay's allocated port carried nothing while the relay itself carried data over UDP, and no reference server showed UDP reaching such ports: " +
      'outbound UDP to high ports is blocked (or the vendor closes its relay ports: docs/verdict.md, Causes), and hole punching needs UDP to whatever port the peer uses',
    applies: (e) => e.udpHighPorts.status === 'blocked' && !e.udpHighPortShown,
    explain: (e) => [why(phrase('why_high_ports_blocked', { port: relayPort(e.udpHighPorts.call!), figures: callFigures(e.udpHighPorts.call!) }))],
  },
  {
    id: 'hole-punching.direct-udp-failed',
    method: 'hole-punching',
    status: 'unavailable',
    when:
      "UDP answered on one destination port only, and the one attempt to send UDP elsewhere (a loopback call to the relay's allocated port) got nothing through; " +
      'the relay carried nothing either, so this rests on the absence of any sign that UDP reaches other ports',
    applies: (e) => e.udpHighPorts.status === 'failed' && e.udpPortsAnswered.length < 2,
    explain: (e) => [why(phrase('why_direct_udp_failed', { ports: portList(e.udpPortsAnswered), figures: callFigures(e.udpHighPorts.call!) }), passed(e.stun))],
  },
  {
    id: 'hole-punching.udp-ports-limited',
    method: 'hole-punching',
    status: 'unverified',
    when:
      'over UDP, a server on one port answered while a server on another port stayed silent: outbound UDP may be limited to certain ports ' +
      '(hole punching needs UDP to any port), or that server may be down; a browser cannot tell the two apart from gathering alone',
    applies: (e) => e.udpPortLimit !== null && e.udpHighPorts.status !== 'carried',
    explain: ({ udpPortLimit: limit }) => [
      why(phrase('why_udp_ports_limited', { answered: limit!.answered.target, silent: checkLine(limit!.silent) }), [limit!.answered, limit!.silent]),
    ],
  },
  {
    id: 'hole-punching.mapping-unknown',
    method: 'hole-punching',
    status: 'unverified',
    when: 'a STUN server answered but the NAT mapping is unknown (fewer than two STUN servers on different addresses answered)',
    applies: (e) => e.nat.mapping === 'unknown',
    explain: (e) => [why(phrase('why_mapping_unknown', { nat: e.nat.reason }), passed(e.stun))],
  },
  {
    id: 'hole-punching.one-udp-port',
    method: 'hole-punching',
    status: 'unverified',
    when: "the NAT mapping is endpoint-independent (or there is no NAT), but UDP answered on one destination port only and no loopback call reached the relay's high port: a peer's NAT picks an arbitrary port, and UDP to other ports was not shown",
    applies: (e) => e.udpPortsAnswered.length < 2 && e.udpHighPorts.status !== 'carried',
    explain: (e) => [why(phrase('why_one_udp_port', { nat: e.nat.reason, ports: portList(e.udpPortsAnswered) }), passed(e.stun))],
  },
  {
    id: 'hole-punching.vendor-only',
    method: 'hole-punching',
    status: 'unverified',
    when:
      'otherwise, when no reference STUN server outside the vendor’s addresses answered: UDP was shown to reach the vendor’s servers only, and a firewall that lets UDP out only to those ' +
      '(a common way to follow a vendor guide) passes every vendor check while calls to a peer’s address fail',
    applies: (e) => e.referenceAnswered.length === 0,
    explain: (e) => [why(phrase('why_vendor_only', { nat: e.nat.reason, ports: portList(e.udpPortsAnswered) }), passed(e.stun))],
  },
  {
    id: 'hole-punching.guide-ports-only',
    method: 'hole-punching',
    status: 'unverified',
    when:
      'otherwise, when a reference STUN server outside the vendor’s addresses answered only on ports the vendor’s guide opens (or system ports below 1024): UDP was shown to reach other addresses on those ports, and other ports only at the vendor’s addresses; ' +
      'a firewall opened exactly as the guide says passes both while a peer’s port, which its NAT picks, is refused',
    applies: (e) => e.referenceBeyondGuide.length === 0,
    explain: (e) => [
      why(
        phrase('why_guide_ports_only', { servers: e.referenceAnswered.map((c) => c.target).join(', '), port: e.referencePortToAdd ?? '?' }),
        e.referenceAnswered,
      ),
    ],
  },
  {
    id: 'hole-punching.open',
    method: 'hole-punching',
    status: 'available',
    when: "otherwise: mapping endpoint-independent or no NAT, UDP answered on at least two destination ports or carried data to the relay's high port, and a reference STUN server outside the vendor's addresses answered on a port the guide does not open",
    applies: () => true,
    explain: (e) => [
      why(
        e.udpHighPorts.status === 'carried'
          ? phrase('why_open_high_port', { nat: e.nat.reason, port: relayPort(e.udpHighPorts.call!), figures: callFigures(e.udpHighPorts.call!) })
          : phrase('why_open_ports', { nat: e.nat.reason, ports: portList(e.udpPortsAnswered) }),
        passed(e.stun),
      ),
      why(phrase('why_reference_answered', { servers: e.referenceBeyondGuide.map((c) => c.target).join(', ') }), e.referenceBeyondGuide),
    ],
  },
  ...relayRows('relay-udp', 'udp'),
  ...relayRows('relay-tcp', 'tcp'),
  ...relayRows('relay-tls', 'tls'),
];

const METHODS: readonly Method[] = ['lan', ...ROUTE_PREFERENCE];

/**
 * The route is the best method the evidence shows (`available`); only when none
 * is shown, the best one that is possible but unproven (`unverified`, with
 * `routeVerified` false). A proven relay beats an unproven hole punch: the
 * verdict is never more confident than its evidence.
 */
export function decideVerdict(evidence: RouteEvidence): Verdict {
  const methods = METHODS.map((method): MethodVerdict => {
    // Every method ends in a catch-all row, so a row always applies.
    const row = VERDICT_TABLE.find((r) => r.method === method && r.applies(evidence))!;
    return { method, status: row.status, rowId: row.id, reasons: row.explain(evidence) };
  });
  const routeMethods = ROUTE_PREFERENCE.map((method) => methods.find((m) => m.method === method)!);
  const usable = routeMethods.find((m) => m.status === 'available') ?? routeMethods.find((m) => m.status === 'unverified');
  const allUntested = routeMethods.every((m) => m.status === 'untested');
  const route: Route = usable ? (usable.method as RouteMethod) : allUntested && evidence.device !== 'offline' ? 'untested' : 'none';
  const lanStatus = methods[0]!.status;
  const lan = lanStatus === 'unverified' ? 'possible' : lanStatus === 'untested' ? 'untested' : 'unavailable';
  const routeVerified = usable?.status === 'available';
  return { route, routeVerified, lan, device: evidence.device, methods, summary: summarize(route, routeVerified, evidence.device) };
}

const ROUTE_SUMMARY: Record<Route, Phrase> = {
  'hole-punching': phrase('summary_hole_punching'),
  'relay-udp': phrase('summary_relay_udp'),
  'relay-tcp': phrase('summary_relay_tcp'),
  'relay-tls': phrase('summary_relay_tls'),
  none: phrase('summary_none'),
  untested: phrase('summary_untested'),
};

function summarize(route: Route, verified: boolean, device: DeviceNetwork): Phrase {
  if (device === 'offline') return phrase('summary_offline');
  return verified || route === 'none' || route === 'untested' ? ROUTE_SUMMARY[route] : phrase('summary_unverified', { summary: ROUTE_SUMMARY[route] });
}
