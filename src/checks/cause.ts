/**
 * The cause of a finding: who can fix it. Only `firewall` findings become
 * "Allow outbound …" rules; every other cause gets its own text for the person
 * who can act on it (docs/verdict.md, "Causes", mirrors CAUSE_TABLE row by row).
 *
 * - firewall: the network did not let the connection through (no answer, refused, reset).
 * - proxy: the browser's proxy or an SSL-inspecting filter refused, asked for a login,
 *   replaced the certificate or stripped the WebSocket upgrade.
 * - dns-filter: the resolver gave no address for the name (a DNS filter, or a name
 *   missing from the network's DNS).
 * - relay-credentials: the TURN server answered and refused the profile's login (401).
 * - vendor-server: the server answered with an error, or gave no usable relay.
 * - this-device: the browser or this computer (offline, a browser policy, a network change).
 * - vendor-server also covers a relay address no outside peer can reach (`unroutable-relay`).
 */
import type { CheckReason, CheckResult } from './types';

export type Cause = 'firewall' | 'proxy' | 'dns-filter' | 'relay-credentials' | 'vendor-server' | 'this-device';

/** In the order the report lists the sections. */
export const CAUSES: readonly Cause[] = ['firewall', 'proxy', 'dns-filter', 'relay-credentials', 'vendor-server', 'this-device'];

/** What the whole run shows, for causes one check cannot tell alone. */
export interface CauseContext {
  /** Another check met the browser's proxy (a refused CONNECT, a 407): TCP went through it. */
  proxyInUse: boolean;
  /** Nothing answered and the browser had no local address: the device is offline. */
  offline: boolean;
  /**
   * STUN/TURN routes the browser's WebRTC IP handling setting forbids the checks
   * themselves (src/policy/webrtc-ip-handling.ts `iceForbiddenToChecks`): `all` but a
   * proxied one, `udp`, or `none` (Chrome: the setting binds web pages only).
   */
  iceForbidden: 'all' | 'udp' | 'none';
}

export interface CauseRow {
  /** Stable id, quoted in docs/verdict.md. */
  id: string;
  cause: Cause;
  /** The condition, in words (the docs table repeats it). */
  when: string;
  /** The evidence that decides it. */
  evidence: string;
  applies: (check: Pick<CheckResult, 'status' | 'reason' | 'kind' | 'transport' | 'detail' | 'evidence'>, context: CauseContext) => boolean;
}

const is =
  (...reasons: CheckReason[]) =>
  (c: { reason: CheckReason | null }) =>
    c.reason !== null && reasons.includes(c.reason);
const TURN_OVER_TCP = (c: { kind: string; transport: string }) => c.kind === 'turn' && (c.transport === 'tcp' || c.transport === 'tls');

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
    id: 'proxy.refused',
    cause: 'proxy',
    when: 'the proxy refused the tunnel, asked for a login, or a filter replaced the certificate or stripped the WebSocket upgrade',
    evidence:
      '`net::ERR_TUNNEL_CONNECTION_FAILED`, a 407 (`onAuthRequired` with `isProxy`), `net::ERR_CERT_*`, `net::ERR_SSL_*`, a failed WebSocket beside a working HTTPS request to the same host',
    applies: is('proxy', 'proxy-auth', 'cert-untrusted', 'tls-failed', 'upgrade-refused'),
  },
  {
    id: 'proxy.turn-connect',
    cause: 'proxy',
    when: 'TURN over TCP/TLS failed while other checks of the run went through the browser’s proxy',
    evidence: 'the browser sends TURN over TCP/TLS as a CONNECT through its proxy (measured with Squid); another check met the proxy',
    applies: (c, context) => context.proxyInUse && TURN_OVER_TCP(c) && is('refused', 'timeout')(c),
  },
  {
    id: 'vendor-server.error',
    cause: 'vendor-server',
    when: 'the server answered with an error, allocated a relay address no peer outside can reach, stayed silent while UDP evidently reached other ports, or finished without a relay candidate and without an error',
    evidence:
      'a STUN/TURN error code 3xx–6xx other than 401 (403, 437, 486, 508 …); `unroutable-relay` (a relay address outside public unicast space, ipaddr.js); `server-silent` (a loopback call carried UDP to a relay port meanwhile); gathering complete, no relay candidate',
    applies: (c) => is('server-error', 'unroutable-relay', 'server-silent')(c) || (c.kind === 'turn' && c.reason === 'no-candidate'),
  },
  {
    id: 'firewall.blocked',
    cause: 'firewall',
    when: 'otherwise, for a failed check: no answer, a refused or reset connection, an unreachable address, or a failure the browser gave no reason for',
    evidence:
      'silence until the deadline, `701 Failed to establish connection`, `net::ERR_CONNECTION_REFUSED`/`_RESET`/`_UNREACHABLE`, a bare failure without host access',
    applies: (c) => c.status === 'fail',
  },
];

/**
 * The cause of one check; null when there is nothing to fix: a pass, a 401
 * challenge without credentials, an untestable rule, or a check we failed to
 * run (`error`: our failure says nothing about the network).
 */
export function causeOf(check: Pick<CheckResult, 'status' | 'reason' | 'kind' | 'transport' | 'detail' | 'evidence'>, context: CauseContext): Cause | null {
  if (check.status === 'pass' || check.status === 'untestable' || check.status === 'error') return null;
  if (check.status === 'warn' && check.reason === 'auth-401') return null;
  return CAUSE_TABLE.find((row) => row.applies(check, context))?.cause ?? null;
}

/**
 * The run-wide facts causes depend on. `noLocalAddress`: ICE gathering ran and
 * found no host candidate (a profile without STUN/TURN tells nothing about it).
 */
export function causeContext(checks: readonly CheckResult[], noLocalAddress: boolean, iceForbidden: CauseContext['iceForbidden'] = 'none'): CauseContext {
  const proxyInUse = checks.some((c) => c.kind !== 'turn' && c.kind !== 'stun' && (c.reason === 'proxy' || c.reason === 'proxy-auth'));
  const tested = checks.filter((c) => c.status !== 'untestable' && c.status !== 'error');
  const offline = noLocalAddress && tested.length > 0 && tested.every((c) => c.status === 'fail');
  return { proxyInUse, offline, iceForbidden };
}
