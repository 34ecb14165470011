/**
 * Check results -> which route calls to a peer outside the LAN will take, and
 * why the better routes are not available. The decision is one table,
 * VERDICT_TABLE, mirrored row by row in docs/verdict.md: read either one.
 */
import type { RouteEvidence } from './checks/route-evidence';
import type { CheckResult } from './checks/types';
import type { RelayProtocol } from './ice/types';

export type Method = 'lan' | 'hole-punching' | 'relay-udp' | 'relay-tcp' | 'relay-tls';
export type RouteMethod = Exclude<Method, 'lan'>;
export type Route = RouteMethod | 'none';

/**
 * - available: shown by evidence.
 * - unverified: likely, not proven (TURN 401 without credentials; NAT mapping unknown).
 * - unavailable: evidence shows it will not work.
 * - untested: the profile gave nothing to test it with.
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
  /** The best route to a peer outside the LAN; 'none' = calls will fail. */
  route: Route;
  /** false when the route rests on an `unverified` method. */
  routeVerified: boolean;
  lan: 'direct' | 'unavailable';
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
const OVER: Record<RelayProtocol, string> = { udp: 'UDP', tcp: 'TCP', tls: 'TLS' };

/** Rows for one relay transport; written once so the three stay identical. */
function relayRows(method: 'relay-udp' | 'relay-tcp' | 'relay-tls', transport: RelayProtocol): VerdictRow[] {
  const over = OVER[transport];
  return [
    {
      id: `${method}.untested`,
      method,
      status: 'untested',
      when: `the profile has no TURN server over ${over} a browser can test`,
      applies: (e) => e.turn[transport].length === 0,
      explain: () => [why(`the profile lists no TURN server over ${over} that a browser can test`)],
    },
    {
      id: `${method}.allocated`,
      method,
      status: 'available',
      when: `a TURN server gave a relay candidate over ${over}`,
      applies: (e) => passed(e.turn[transport]).length > 0,
      explain: (e) => passed(e.turn[transport]).map((c) => why(`${c.target}: ${c.detail}`, [c])),
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
      explain: (e) =>
        rejected(e.turn[transport]).map((c) => why(`${c.target}: ${c.detail}; the network lets it through, the login is what fails`, [c])),
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
  {
    id: 'lan.host',
    method: 'lan',
    status: 'available',
    when: 'host candidates were gathered',
    applies: (e) => e.hostCandidates,
    explain: () => [why('the browser has a local address: peers on the same VLAN or access point can connect directly')],
  },
  {
    id: 'lan.no-host',
    method: 'lan',
    status: 'unavailable',
    when: 'no host candidate was gathered',
    applies: () => true,
    explain: () => [why('the browser gathered no local address, so not even peers on the same network can connect directly')],
  },
  {
    id: 'hole-punching.untested',
    method: 'hole-punching',
    status: 'untested',
    when: 'the profile has no STUN server a browser can test',
    applies: (e) => e.stun.length === 0,
    explain: () => [why('the profile lists no STUN server that a browser can test')],
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
    when: 'no srflx candidate was gathered, and the NAT mapping is not `none`',
    applies: (e) => !e.srflxGathered && e.nat.mapping !== 'none',
    explain: (e) => failures(e.stun),
  },
  {
    id: 'hole-punching.udp-ports-limited',
    method: 'hole-punching',
    status: 'unavailable',
    when:
      'over UDP, a server on one port answered while one on another port stayed silent: outbound UDP is limited to certain ports, and hole punching needs UDP to any port',
    applies: (e) => e.udpPortLimit !== null,
    explain: ({ udpPortLimit: limit }) => [
      why(
        `${limit!.answered.target} answered over UDP but ${limit!.silent.target}: ${limit!.silent.detail}. ` +
          'Outbound UDP seems limited to certain ports; hole punching needs UDP to any port',
        [limit!.answered, limit!.silent],
      ),
    ],
  },
  {
    id: 'hole-punching.mapping-unknown',
    method: 'hole-punching',
    status: 'unverified',
    when: 'a srflx was gathered but the NAT mapping is unknown (fewer than two STUN servers on different addresses answered)',
    applies: (e) => e.nat.mapping === 'unknown',
    explain: (e) => [why(`a public address was found, but ${e.nat.reason}`, passed(e.stun))],
  },
  {
    id: 'hole-punching.open',
    method: 'hole-punching',
    status: 'available',
    when: 'otherwise: mapping endpoint-independent, or no NAT',
    applies: () => true,
    explain: (e) => [why(e.nat.reason, passed(e.stun))],
  },
  ...relayRows('relay-udp', 'udp'),
  ...relayRows('relay-tcp', 'tcp'),
  ...relayRows('relay-tls', 'tls'),
];

const METHODS: readonly Method[] = ['lan', ...ROUTE_PREFERENCE];

export function decideVerdict(evidence: RouteEvidence): Verdict {
  const methods = METHODS.map((method): MethodVerdict => {
    // Every method ends in a catch-all row, so a row always applies.
    const row = VERDICT_TABLE.find((r) => r.method === method && r.applies(evidence))!;
    return { method, status: row.status, rowId: row.id, reasons: row.explain(evidence) };
  });
  const usable = ROUTE_PREFERENCE.map((method) => methods.find((m) => m.method === method)!).find(
    (m) => m.status === 'available' || m.status === 'unverified',
  );
  const route: Route = usable ? (usable.method as RouteMethod) : 'none';
  const lan = methods[0]!.status === 'available' ? 'direct' : 'unavailable';
  return { route, routeVerified: usable?.status === 'available', lan, methods, summary: summarize(route, usable?.status === 'available') };
}

const ROUTE_SUMMARY: Record<Route, string> = {
  'hole-punching': 'Calls to people outside this network will connect directly (hole punching).',
  'relay-udp': 'Calls to people outside this network will be relayed over UDP: they work, a little slower.',
  'relay-tcp': 'Calls to people outside this network will be relayed over TCP: they work, but slower.',
  'relay-tls': 'Calls to people outside this network will be relayed over TLS: they work, but slowest.',
  none: 'Calls to people outside this network will fail: no route is open.',
};

function summarize(route: Route, verified: boolean): string {
  return verified || route === 'none' ? ROUTE_SUMMARY[route] : `${ROUTE_SUMMARY[route]} (Not fully verified.)`;
}
