/**
 * The cause of a finding: who can fix it. A cause is the one explanation
 * consistent with all of a run's evidence (docs/verdict.md, "Causes", mirrors
 * CAUSE_TABLE row by row). Only `firewall` findings become "Allow outbound …"
 * rules, and only on a firewall's signature: a port silent or refused while
 * the same host, or another host, answers on another port; a reset from the
 * network. An answer from the wrong address is the DNS filter's; TCP that
 * connects and TLS that then fails is never a firewall's; a fault the school
 * cannot fix is the vendor's; where the evidence cannot decide, the cause is
 * `unknown` and the report says what would decide it.
 *
 * Adding a cause: one entry in CAUSE_INFO (who fixes it, its section's message
 * keys), the rows that decide it in CAUSE_TABLE, and its phrases in _locales.
 */
import type { Cause } from './cause-info';
import {
  addressKnownPublic,
  blockPageShown,
  endpointOf,
  hostAlive,
  portFilterShown,
  webAnsweredThere,
  endpointOpenElsewhere,
  ruleEndpointOpenElsewhere,
  runFacts,
  SILENT_LIKE,
  sinkholeAddress,
  type CheckFacts,
  type RunFacts,
} from './endpoints';
import type { CheckReason, CheckResult } from './types';
import { interceptedBy } from './certificate';
import { unroutableRange } from '../ice/address-range';

export { CAUSE_INFO, CAUSES, type Cause, type CauseInfo } from './cause-info';

/** What the whole run shows, for causes one check cannot tell alone. */
export interface CauseContext {
  /**
   * The browser's proxy showed itself: a web check met it (a refused CONNECT, a 407), or a public name
   * answered with a valid certificate from a non-public address (webRequest names the proxy as the peer)
   * while no web check of the run reached a public address.
   */
  proxyInUse: boolean;
  /**
   * A public name answered with a valid certificate from a non-public address, whether or not
   * other names went direct: a proxy some names go through (a PAC file sends others DIRECT)
   * or a school filter answering for the names it blocks. TURN over TCP/TLS silent beside it
   * is then no firewall signature: a proxy's refused CONNECT looks the same.
   */
  proxyPossible: boolean;
  /** Nothing answered and the browser had no local address: the device is offline. */
  offline: boolean;
  /**
   * STUN/TURN routes the browser's WebRTC IP handling setting forbids the checks
   * themselves (src/ip-handling/webrtc-ip-handling.ts `iceForbiddenToChecks`): `all` but a
   * proxied one, `udp`, or `none` (Chrome: the setting binds web pages only).
   */
  iceForbidden: 'all' | 'udp' | 'none';
  /** Another check showed TLS inspection: an untrusted issuer (Chrome's error) or a private root (Firefox's chain). */
  inspectionSeen: boolean;
  /** Hosts, ports and addresses across every check of the run (src/checks/endpoints.ts). */
  facts: RunFacts;
}

export type CausedFacts = CheckFacts & Pick<CheckResult, 'detail' | 'evidence' | 'reference'>;

export interface CauseRow {
  /** Stable id, quoted in docs/verdict.md. */
  id: string;
  cause: Cause;
  /** The condition, in words (the docs table repeats it). */
  when: string;
  /** The evidence that decides it. */
  evidence: string;
  applies: (check: CausedFacts, context: CauseContext) => boolean;
}

const is =
  (...reasons: CheckReason[]) =>
  (c: { reason: CheckReason | null }) =>
    c.reason !== null && reasons.includes(c.reason);
const TURN_OVER_TCP = (c: { kind: string; transport: string }) => c.kind === 'turn' && (c.transport === 'tcp' || c.transport === 'tls');
const silentLike = (c: CausedFacts) => c.status === 'fail' && c.reason !== null && SILENT_LIKE.has(c.reason);

/** First matching row wins; checks that passed, warn without a fault, or cannot be tested have no cause. */
export const CAUSE_TABLE: readonly CauseRow[] = [
  {
    id: 'this-device.offline',
    cause: 'this-device',
    when: 'nothing answered and the browser found no local address',
    evidence: 'no host candidate, no check passed',
    applies: (_c, context) => context.offline,
  },
  {
    id: 'this-device.webrtc-setting',
    cause: 'this-device',
    when: 'a STUN/TURN check failed over a route the browser’s WebRTC IP handling setting forbids its own WebRTC (a browser where it binds extensions too)',
    evidence:
      '`privacy.network.webRTCIPHandlingPolicy` = `proxy_only` (every STUN/TURN check) or `disable_non_proxied_udp` (UDP ones) in Firefox, where it binds the extension (measured)',
    applies: (c, context) =>
      c.status === 'fail' &&
      (c.kind === 'stun' || c.kind === 'turn') &&
      (context.iceForbidden === 'all' || (context.iceForbidden === 'udp' && c.transport === 'udp')),
  },
  {
    id: 'this-device.browser',
    cause: 'this-device',
    when: 'the browser itself stopped the check: a browser policy or another extension, a network change during the run, or no connection at all',
    evidence: '`net::ERR_BLOCKED_BY_*`, `net::ERR_NETWORK_CHANGED`, `net::ERR_INTERNET_DISCONNECTED`',
    applies: (c) => is('blocked', 'network-changed')(c) || (c.reason === 'unreachable' && /INTERNET_DISCONNECTED/.test(c.evidence ?? '')),
  },
  {
    id: 'relay-credentials.rejected',
    cause: 'relay-credentials',
    when: 'a TURN server answered and rejected the credentials the profile gave',
    evidence: '`icecandidateerror` 401 with profile (or policy) credentials',
    applies: (c) => c.reason === 'auth-401' && c.status === 'fail',
  },
  {
    id: 'dns-filter.unresolved',
    cause: 'dns-filter',
    when: 'the name did not resolve',
    evidence: '`net::ERR_NAME_NOT_RESOLVED`, `701 … host lookup received error`, or a TURN/TCP refusal for a name another check saw unresolved',
    applies: is('dns'),
  },
  {
    id: 'dns-filter.sinkhole',
    cause: 'dns-filter',
    when: 'a public name led the browser to an address outside public unicast space (0.0.0.0, loopback, private, CGNAT, link-local, ULA), and nothing of the vendor answered there',
    evidence:
      'the address the browser connected to for that name (webRequest `ip`, this check’s or another check’s of the same name), classified with ipaddr.js',
    applies: (c, { facts, proxyInUse }) => c.status === 'fail' && !proxyInUse && sinkholeAddress(c, facts) !== null && !hostAlive(c, facts),
  },
  {
    id: 'dns-filter.block-page',
    cause: 'dns-filter',
    when: 'TLS to a name failed on a certificate for another name while no name of the run answered at all: one server answering for the vendor’s names with its own certificate, as a filter’s block page does, or a captive portal on the path (an inspecting proxy re-signs with the right names: an untrusted issuer, `proxy.inspection`)',
    evidence: '`net::ERR_CERT_COMMON_NAME_INVALID` (measured: the block page), and every other name of the run silent or failing',
    applies: (c, { facts }) => is('cert-name-mismatch')(c) && blockPageShown(c, facts),
  },
  {
    id: 'proxy.refused',
    cause: 'proxy',
    when: 'the proxy refused the tunnel or asked for a login, or stripped the WebSocket upgrade',
    evidence:
      '`net::ERR_TUNNEL_CONNECTION_FAILED`, a 407 (`onAuthRequired` with `isProxy`), a failed WebSocket beside a working HTTPS request to the same host',
    applies: is('proxy', 'proxy-auth', 'upgrade-refused'),
  },
  {
    id: 'proxy.inspection',
    cause: 'proxy',
    when: 'TCP connected and the TLS certificate came from an issuer the browser does not trust: an inspecting filter (with or without a proxy setting) replaced it',
    evidence: '`net::ERR_CERT_AUTHORITY_INVALID` (Chrome), a chain ending in a root this device added (Firefox `getSecurityInfo`)',
    applies: is('cert-untrusted'),
  },
  {
    id: 'proxy.inspection-turn',
    cause: 'proxy',
    when: 'TURN over TLS failed on a network where another check showed TLS inspection: an inspecting middlebox expects HTTP inside TLS and breaks TURN',
    evidence: 'another check’s `net::ERR_CERT_AUTHORITY_INVALID` or a private root (Firefox), and `701 Failed to establish connection` or silence for `turns:`',
    applies: (c, context) => context.inspectionSeen && c.kind === 'turn' && c.transport === 'tls' && is('refused', 'timeout', 'tls-failed')(c),
  },
  {
    id: 'vendor-server.not-turn',
    cause: 'vendor-server',
    when: 'TURN over TLS failed on a host and port where HTTPS got an answer: TCP and TLS work there, and what answers is not a TURN server (a web server where `turns:` points)',
    evidence: 'an HTTPS/WSS check of the same host and port passed; `701 Failed to establish connection` or silence for `turns:`',
    applies: (c, { facts }) => c.kind === 'turn' && c.transport === 'tls' && is('refused', 'timeout', 'tls-failed')(c) && webAnsweredThere(c, facts),
  },
  {
    id: 'proxy.tls-broken',
    cause: 'proxy',
    when: 'TLS failed after TCP connected, on a run whose checks met the browser’s proxy',
    evidence: '`net::ERR_SSL_*` with another check’s 407 or refused CONNECT',
    applies: (c, context) => context.proxyInUse && is('tls-failed')(c),
  },
  {
    id: 'proxy.turn-connect',
    cause: 'proxy',
    when: 'TURN over TCP/TLS failed while other checks of the run went through the browser’s proxy',
    evidence: 'the browser sends TURN over TCP/TLS as a CONNECT through its proxy (measured with Squid); another check met the proxy',
    applies: (c, context) => context.proxyInUse && TURN_OVER_TCP(c) && is('refused', 'timeout')(c),
  },
  {
    id: 'vendor-server.certificate',
    cause: 'vendor-server',
    when: 'the server presented an expired certificate (block pages and inspecting filters present current ones); a certificate for another name stays `unknown` in Chrome: the vendor’s certificate and a block page for that one name look alike',
    evidence: '`net::ERR_CERT_DATE_INVALID`',
    applies: is('cert-expired'),
  },
  {
    id: 'vendor-server.error',
    cause: 'vendor-server',
    when: 'the server answered with an error, allocated a relay address no peer outside can reach, stayed silent while UDP evidently reached other ports, or finished without a relay candidate and without an error',
    evidence:
      'a STUN/TURN error code 3xx–6xx other than 401 (403 Forbidden, 486 Allocation Quota Reached, 508 …); `unroutable-relay` (a relay address outside public unicast space, ipaddr.js); `server-silent` (a loopback call carried UDP to a relay port meanwhile); gathering complete, no relay candidate',
    applies: (c) => is('server-error', 'forbidden', 'quota', 'unroutable-relay', 'server-silent')(c) || (c.kind === 'turn' && c.reason === 'no-candidate'),
  },
  {
    id: 'firewall.destination-filter',
    cause: 'firewall',
    when: 'a reference STUN server outside the vendor’s addresses was silent on a UDP port a vendor server answered on: the firewall lets UDP out only to some destinations (hole punching needs a peer’s address)',
    evidence: 'the reference rule’s silence (profile rule `reference`) beside a vendor check’s answer on the same transport and port',
    applies: (c, { facts }) => c.reference === true && silentLike(c) && endpointOpenElsewhere(c, facts),
  },
  {
    id: 'vendor-server.down',
    cause: 'vendor-server',
    when: 'a server was silent or refused on a transport and port that another server of the same rule answered on, and its address is known (an IP literal, a public address seen, or the host answered elsewhere): the rule’s firewall line is evidently open',
    evidence:
      'another check of the same rule answered on the same transport and port; this host’s answer on another port, its IP literal, or its public address (webRequest `ip`)',
    applies: (c, { facts }) => silentLike(c) && ruleEndpointOpenElsewhere(c, facts) && (hostAlive(c, facts) || addressKnownPublic(c, facts)),
  },
  {
    id: 'firewall.reset',
    cause: 'firewall',
    when: 'the connection was reset by something on the path',
    evidence: '`net::ERR_CONNECTION_RESET` / `_CLOSED` / `_ABORTED`, `NS_ERROR_NET_RESET`',
    applies: (c, { facts }) => c.status === 'fail' && is('reset')(c) && sinkholeAddress(c, facts) === null,
  },
  {
    id: 'firewall.port-filter',
    cause: 'firewall',
    when: 'silence or a refusal on a port while the same host answered on another port; or on a port nothing answered on, while another host that answered elsewhere failed on it too, or while the other transport answered and two servers at IP literals failed on this one; never on a port (TCP and TLS counted together) another host, or this one, answered on in the run, nor for a host whose STUN/TURN over UDP or TCP was silent on a port another host answered on (the port is let out: the host does not serve there), nor for TURN over TCP/TLS where a public name answered from a private address (a proxy some names go through)',
    evidence: 'the other checks of the run: an answer from the same or another host on another port or transport (src/checks/endpoints.ts `portFilterShown`)',
    applies: (c, { facts, proxyPossible }) => silentLike(c) && portFilterShown(c, facts) && !(proxyPossible && TURN_OVER_TCP(c)),
  },
  {
    id: 'unknown.undecided',
    cause: 'unknown',
    when: 'otherwise, for a failed check: the evidence fits more than one cause (a name silent on every port with its address unseen; one port silent beside a server down; nothing answered at all; TLS failing without a proxy; a failure the browser gave no reason for)',
    evidence: 'nothing that singles one cause out; the report names the explanations left and what would decide between them',
    applies: (c) => c.status === 'fail' || c.status === 'warn',
  },
];

/**
 * Why the cause of a finding stayed `unknown`, which decides what the report
 * tells the admin to look at:
 * - host-silent: a name answered on no port while other hosts did (DNS filter, server down, address blocked);
 * - port-or-server: another port answered, this one did not, and no filter pattern shows (port limit or server down);
 * - destination-or-server: another host answered on this very port, or this host was silent on such a port (the
 *   host does not serve there, or the firewall lets the port out only to some addresses);
 * - proxy-or-firewall: TURN over TCP/TLS silent in a run where a public name answered from a private address (a
 *   proxy some names go through refusing it, or the firewall);
 * - nothing-answered: nothing at all answered in the run (everything blocked, or no way out);
 * - tls: TCP connected, TLS failed, no proxy seen (a filter on the path, or no TLS server there);
 * - cert-name: a certificate for another name (the vendor's certificate, or a block page for this one name);
 * - no-reason: the browser gave no reason (a bare failure, e.g. without host access);
 * - other: none of the above.
 */
export type Doubt =
  'host-silent' | 'port-or-server' | 'destination-or-server' | 'proxy-or-firewall' | 'nothing-answered' | 'tls' | 'cert-name' | 'no-reason' | 'other';

export function doubtOf(check: CausedFacts, { facts, proxyPossible }: CauseContext): Doubt {
  if (!facts.anyAnswered) return 'nothing-answered';
  if (check.reason === 'tls-failed') return 'tls';
  if (check.reason === 'cert-name-mismatch') return 'cert-name';
  if (check.reason === 'unknown') return 'no-reason';
  if (check.reason !== null && SILENT_LIKE.has(check.reason)) {
    if (proxyPossible && TURN_OVER_TCP(check)) return 'proxy-or-firewall';
    const endpoint = endpointOf(check);
    if (endpoint !== null && (endpointOpenElsewhere(check, facts) || facts.hostsSilentWhereOpen.has(endpoint.host))) return 'destination-or-server';
    return hostAlive(check, facts) ? 'port-or-server' : 'host-silent';
  }
  return 'other';
}

/** A check's cause with what decided it: the CAUSE_TABLE row, and for the report's advice the doubt or the sinkhole's address. */
export interface CauseFinding {
  cause: Cause;
  /** The CAUSE_TABLE row id, e.g. `firewall.port-filter`. */
  row: string;
  /** Set when cause is `unknown`. */
  doubt?: Doubt;
  /** Set for `dns-filter.sinkhole`: the address the name led to. */
  sinkhole?: string;
}

/** The cause of a check and its evidence; null when there is nothing to fix. */
export function causeFindingOf(check: CausedFacts, context: CauseContext): CauseFinding | null {
  const row = causeRowOf(check, context);
  if (!row) return null;
  const finding: CauseFinding = { cause: row.cause, row: row.id };
  if (row.cause === 'unknown') finding.doubt = doubtOf(check, context);
  const sinkhole = row.id === 'dns-filter.sinkhole' ? sinkholeAddress(check, context.facts) : null;
  if (sinkhole !== null) finding.sinkhole = sinkhole;
  return finding;
}

/**
 * The cause of one check; null when there is nothing to fix: a pass, a 401
 * challenge without credentials, an untestable rule, or a check we failed to
 * run (`error`: our failure says nothing about the network).
 */
export function causeOf(check: CausedFacts, context: CauseContext): Cause | null {
  return causeRowOf(check, context)?.cause ?? null;
}

/** The CAUSE_TABLE row that decides a check, null when it has nothing to fix. */
export function causeRowOf(check: CausedFacts, context: CauseContext): CauseRow | null {
  if (check.status === 'pass' || check.status === 'untestable' || check.status === 'error') return null;
  if (check.status === 'warn' && check.reason === 'auth-401') return null;
  return CAUSE_TABLE.find((row) => row.applies(check, context)) ?? null;
}

/** An HTTPS/WSS answer for a public name, with a valid certificate, from a non-public address: the browser's proxy. */
function answeredThroughProxy(c: CheckResult): boolean {
  if (c.status !== 'pass' || !c.address || (c.kind !== 'https' && c.kind !== 'wss')) return false;
  const endpoint = endpointOf(c);
  return endpoint !== null && !endpoint.literal && unroutableRange(c.address) !== null;
}

/** An HTTPS/WSS check the browser connected to a public address for: no proxy stood between (webRequest `ip`). */
function reachedPublicAddress(c: CheckResult): boolean {
  return (c.kind === 'https' || c.kind === 'wss') && !!c.address && unroutableRange(c.address) === null;
}

/**
 * The run-wide facts causes depend on. `noLocalAddress`: ICE gathering ran and
 * found no host candidate (a profile without STUN/TURN tells nothing about it).
 */
export function causeContext(checks: readonly CheckResult[], noLocalAddress: boolean, iceForbidden: CauseContext['iceForbidden'] = 'none'): CauseContext {
  // A proxy shows itself by a refusal or a 407, or by answering for a public name from a private address:
  // through a proxy webRequest names the proxy as the peer (measured with Squid: 10.99.0.1), and a valid
  // certificate for the name rules out a sinkhole.
  // The private address alone is not enough: a school's own filter answering for a name it sinkholes, with a
  // certificate from a CA the school rolled out, looks the same (adversarial review, session 9). A web check that
  // reached a public address shows the browser going direct for some names at least (a PAC file may send only some
  // through the proxy): the proxy is then possible, not shown, and TURN over TCP beside it stays undecided.
  const proxyPossible = checks.some(answeredThroughProxy);
  const proxyInUse =
    checks.some((c) => c.kind !== 'turn' && c.kind !== 'stun' && (c.reason === 'proxy' || c.reason === 'proxy-auth')) ||
    (proxyPossible && !checks.some(reachedPublicAddress));
  const tested = checks.filter((c) => c.status !== 'untestable' && c.status !== 'error');
  const offline = noLocalAddress && tested.length > 0 && tested.every((c) => c.status === 'fail');
  const inspectionSeen = checks.some((c) => c.reason === 'cert-untrusted' || interceptedBy(c.certificate) !== null);
  return { proxyInUse, proxyPossible, offline, iceForbidden, inspectionSeen, facts: runFacts(checks) };
}
