/**
 * Check results -> which route calls to a peer outside the LAN will take, and
 * why the better routes are not available. The decision is one table,
 * VERDICT_TABLE, mirrored row by row in docs/verdict.md: read either one.
 */
import type { DeviceNetwork, RouteEvidence } from './checks/route-evidence';
import type { CheckResult } from './checks/types';
import type { RelayProtocol } from './ice/types';
import type { LoopbackResult } from './ice/loopback';

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

/** A reason in plain words, tied to the checks that show it. */
export interface Explanation {
  text: string;
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
  /** One sentence for the popup. */
  summary: string;
}

/** Best first: each step is slower than the one before. */
export const ROUTE_PREFERENCE: readonly RouteMethod[] = ['hole-punching', 'relay-udp', 'relay-tcp', 'relay-tls'];

const why = (text: string, checks: readonly CheckResult[] = []): Explanation => ({ text, checkIds: checks.map((c) => c.id) });
const failures = (checks: readonly CheckResult[]): Explanation[] =>
  checks.filter((c) => c.status === 'fail' || c.status === 'warn').map((c) => why(`${c.target}: ${c.detail}`, [c]));
const passed = (checks: readonly CheckResult[]) => checks.filter((c) => c.status === 'pass');
const challenged = (checks: readonly CheckResult[]) => checks.filter((c) => c.status === 'warn' && c.reason === 'auth-401');
const rejected = (checks: readonly CheckResult[]) => checks.filter((c) => c.status === 'fail' && c.reason === 'auth-401');
const flagged = (checks: readonly CheckResult[]) => checks.filter((c) => c.status === 'warn' && c.reason === 'unroutable-relay');
const OVER: Record<RelayProtocol, string> = { udp: 'UDP', tcp: 'TCP', tls: 'TLS' };
const OFFLINE_TEXT = 'this device is not connected to a network: the browser found no local address';
const notRunText = (checks: readonly CheckResult[]) =>
  `could not be tested (our own failure, not the network's): ${checks.map((c) => `${c.target}: ${c.detail}`).join('; ')}`;

/** "25 of 30 packets, round trip 12 ms, jitter 1 ms": what a loopback call measured. */
function callFigures(call: LoopbackResult): string {
  const figures = [`${call.received} of ${call.sent} packets arrived`];
  if (call.rttMs !== null) figures.push(`round trip ${Math.round(call.rttMs)} ms`);
  if (call.jitterMs !== null) figures.push(`jitter ${Math.round(call.jitterMs)} ms`);
  if (!call.connected) figures.push('the call never connected');
  return figures.join(', ');
}

/** The caller is the relay-only end: its local candidate's port is the relay's allocated port. */
function relayPortText(call: LoopbackResult): string {
  const port = call.selectedPair?.localType === 'relay' ? call.selectedPair.localPort : null;
  return port ? ` ${port}` : '';
}

/** First row of every method: with no network at all nothing else matters. */
function offlineRow(method: Method): VerdictRow {
  return {
    id: `${method}.offline`,
    method,
    status: 'unavailable',
    when: 'the device has no network: the always-run local gathering finished without a host candidate',
    applies: (e) => e.device === 'offline',
    explain: () => [why(OFFLINE_TEXT)],
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
      explain: () => [why(`the profile lists no TURN server over ${over} that a browser can test`)],
    },
    {
      id: `${method}.not-run`,
      method,
      status: 'untested',
      when: `every TURN check over ${over} failed to run (status \`error\`: our failure, no evidence about the network)`,
      applies: (e) => e.turn[transport].length === 0,
      explain: (e) => [why(notRunText(e.turnNotRun[transport]), e.turnNotRun[transport])],
    },
    {
      id: `${method}.media-blocked`,
      method,
      status: 'unavailable',
      when: `a TURN server allocated a relay over ${over}, but a loopback call through it carried no data: a firewall or filter drops relayed media`,
      applies: (e) => e.relayMedia[transport].status === 'blocked',
      explain: (e) => [
        why(
          `${e.relayMedia[transport].call!.turnUrl}: the relay was allocated but no data got through it (${callFigures(e.relayMedia[transport].call!)}): ` +
            'a firewall or filter is dropping relayed media',
          passed(e.turn[transport]),
        ),
      ],
    },
    {
      id: `${method}.media-carried`,
      method,
      status: 'available',
      when: `a loopback call through a relay over ${over} carried data`,
      applies: (e) => e.relayMedia[transport].status === 'carried',
      explain: (e) => [
        why(
          `${e.relayMedia[transport].call!.turnUrl}: a loopback call through the relay carried data (${callFigures(e.relayMedia[transport].call!)})`,
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
      explain: (e) => passed(e.turn[transport]).map((c) => why(`${c.target}: ${c.detail}`, [c])),
    },
    {
      id: `${method}.unroutable-relay`,
      method,
      status: 'unverified',
      when: `a TURN server over ${over} allocated a relay whose address is outside public unicast space (private, CGNAT, loopback, link-local, ULA): peers outside cannot send to it`,
      applies: (e) => flagged(e.turn[transport]).length > 0,
      explain: (e) => flagged(e.turn[transport]).map((c) => why(`${c.target}: ${c.detail}`, [c])),
    },
    {
      id: `${method}.challenged`,
      method,
      status: 'unverified',
      when: `a TURN server answered over ${over} with a 401 challenge, and the profile has no credentials`,
      applies: (e) => challenged(e.turn[transport]).length > 0,
      explain: (e) => challenged(e.turn[transport]).map((c) => why(`${c.target}: ${c.detail}`, [c])),
    },
    {
      // A 401 to real credentials still proves server and transport reachable: the
      // network is not what stops the relay, the login is (cause relay-credentials).
      id: `${method}.credentials-rejected`,
      method,
      status: 'unverified',
      when: `a TURN server answered over ${over} but rejected the profile's credentials (401): reachable, relay not proven`,
      applies: (e) => rejected(e.turn[transport]).length > 0,
      explain: (e) => rejected(e.turn[transport]).map((c) => why(`${c.target}: ${c.detail}; the network lets it through, the login is what fails`, [c])),
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
    explain: () => [
      why(
        "the browser offers WebRTC no local address (its WebRTC IP handling setting, in the report's environment): a call to a peer on the same network cannot go direct and takes the route a call across the internet would",
      ),
    ],
  },
  {
    id: 'lan.host',
    method: 'lan',
    status: 'unverified',
    when: 'host candidates were gathered: possible, not tested (one device cannot see Wi-Fi client isolation or VLANs between rooms)',
    applies: (e) => e.device === 'online',
    explain: (e) => [
      why(
        `this device has a local address (${e.hostAddresses.join(', ') || 'hidden'}): a call to a peer on the same network is possible, ` +
          'not tested; guest or student Wi-Fi that isolates clients, or a VLAN between the two rooms, would still block it',
      ),
    ],
  },
  {
    id: 'lan.not-run',
    method: 'lan',
    status: 'untested',
    when: 'the local gathering could not be set up',
    applies: () => true,
    explain: () => [why("could not be tested (our own failure, not the network's): the browser could not gather local addresses")],
  },
  offlineRow('hole-punching'),
  {
    id: 'hole-punching.untested',
    method: 'hole-punching',
    status: 'untested',
    when: 'the profile has no STUN server a browser can test',
    applies: (e) => e.stun.length === 0 && e.stunNotRun.length === 0,
    explain: () => [why('the profile lists no STUN server that a browser can test')],
  },
  {
    id: 'hole-punching.not-run',
    method: 'hole-punching',
    status: 'untested',
    when: 'every STUN check failed to run (status `error`: our failure, no evidence about the network)',
    applies: (e) => e.stun.length === 0,
    explain: (e) => [why(notRunText(e.stunNotRun), e.stunNotRun)],
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
    id: 'hole-punching.high-ports-blocked',
    method: 'hole-punching',
    status: 'unavailable',
    when:
      "a loopback call from this network to the relay's allocated port carried nothing while the relay itself carried data over UDP: " +
      'outbound UDP to high ports is blocked, and hole punching needs UDP to whatever port the peer uses',
    applies: (e) => e.udpHighPorts.status === 'blocked',
    explain: (e) => [
      why(
        `UDP from this network to the relay's port${relayPortText(e.udpHighPorts.call!)} got nothing through (${callFigures(e.udpHighPorts.call!)}), ` +
          'while the relay itself carried data: outbound UDP to high ports (the relay range, 49152-65535 on most servers) is blocked',
      ),
    ],
  },
  {
    id: 'hole-punching.direct-udp-failed',
    method: 'hole-punching',
    status: 'unavailable',
    when:
      "UDP answered on one destination port only, and the one attempt to send UDP elsewhere (a loopback call to the relay's allocated port) got nothing through; " +
      'the relay carried nothing either, so this rests on the absence of any sign that UDP reaches other ports',
    applies: (e) => e.udpHighPorts.status === 'failed' && e.udpPortsAnswered.length < 2,
    explain: (e) => [
      why(
        `UDP answered only on port ${e.udpPortsAnswered.join(', ') || '?'}, and a loopback call sending UDP from this network to the relay's port got nothing through ` +
          `(${callFigures(e.udpHighPorts.call!)}): nothing shows UDP reaching the other ports hole punching needs`,
        passed(e.stun),
      ),
    ],
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
      why(
        `${limit!.answered.target} answered over UDP but ${limit!.silent.target}: ${limit!.silent.detail}. ` +
          'UDP to this port may be blocked (hole punching needs UDP to any port), or the server may be down',
        [limit!.answered, limit!.silent],
      ),
    ],
  },
  {
    id: 'hole-punching.mapping-unknown',
    method: 'hole-punching',
    status: 'unverified',
    when: 'a STUN server answered but the NAT mapping is unknown (fewer than two STUN servers on different addresses answered)',
    applies: (e) => e.nat.mapping === 'unknown',
    explain: (e) => [why(`a public address was found, but ${e.nat.reason}`, passed(e.stun))],
  },
  {
    id: 'hole-punching.one-udp-port',
    method: 'hole-punching',
    status: 'unverified',
    when: "the NAT mapping is endpoint-independent (or there is no NAT), but UDP answered on one destination port only and no loopback call reached the relay's high port: a peer's NAT picks an arbitrary port, and UDP to other ports was not shown",
    applies: (e) => e.udpPortsAnswered.length < 2 && e.udpHighPorts.status !== 'carried',
    explain: (e) => [
      why(
        `${e.nat.reason}; but UDP was seen to reach port ${e.udpPortsAnswered.join(', ') || '?'} only, and a peer's NAT may pick any port: ` +
          'UDP to other ports was not proven',
        passed(e.stun),
      ),
    ],
  },
  {
    id: 'hole-punching.open',
    method: 'hole-punching',
    status: 'available',
    when: "otherwise: mapping endpoint-independent or no NAT, and UDP answered on at least two destination ports or carried data to the relay's high port",
    applies: () => true,
    explain: (e) => [
      why(
        e.udpHighPorts.status === 'carried'
          ? `${e.nat.reason}; UDP from this network reached the relay's port${relayPortText(e.udpHighPorts.call!)} (${callFigures(e.udpHighPorts.call!)})`
          : `${e.nat.reason}; UDP reached ports ${e.udpPortsAnswered.join(' and ')}`,
        passed(e.stun),
      ),
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

const ROUTE_SUMMARY: Record<Route, string> = {
  'hole-punching': 'Calls to people outside this network will connect directly (hole punching).',
  'relay-udp': 'Calls to people outside this network will be relayed over UDP: they work, a little slower.',
  'relay-tcp': 'Calls to people outside this network will be relayed over TCP: they work, but slower.',
  'relay-tls': 'Calls to people outside this network will be relayed over TLS: they work, but slowest.',
  none: 'Calls to people outside this network will fail: no route is open.',
  untested: 'No route can be tested from a browser with this profile: verify the listed rules on the firewall.',
};

function summarize(route: Route, verified: boolean, device: DeviceNetwork): string {
  if (device === 'offline') return 'This device is not connected to a network.';
  return verified || route === 'none' || route === 'untested' ? ROUTE_SUMMARY[route] : `${ROUTE_SUMMARY[route]} (Not fully verified.)`;
}
