/**
 * Where each check went, and what the whole run shows about hosts and ports:
 * the facts a cause is weighed against (src/checks/cause.ts). A firewall is
 * named only on its signature, and that signature is a pattern across checks
 * (a port silent while the same host answers on another one), never one
 * check's silence alone.
 */
import ipaddr from 'ipaddr.js';
import { effectivePort, parseIceUri } from '../ice/uri';
import { unroutableRange } from '../ice/address-range';
import type { CheckReason, CheckResult } from './types';

/** TCP and TLS cross a firewall as TCP: port filters see two families. */
export type PortFamily = 'udp' | 'tcp';

export interface Endpoint {
  /** Lower-case host name or IP literal as the profile wrote it (no brackets). */
  host: string;
  /** True when `host` is an IP literal: no resolver stands between the profile and the address. */
  literal: boolean;
  family: PortFamily;
  port: number;
}

export type CheckFacts = Pick<CheckResult, 'status' | 'reason' | 'kind' | 'transport' | 'target' | 'ruleId'> & { address?: string };

const DEFAULT_WEB_PORT = 443;

/** The host, family and port a STUN/TURN/HTTPS/WSS check went to; null for rules no browser tests (raw tcp/udp). */
export function endpointOf(check: Pick<CheckResult, 'kind' | 'target' | 'transport'>): Endpoint | null {
  if (check.kind === 'stun' || check.kind === 'turn') {
    const uri = parseIceUri(check.target);
    if (!uri.ok) return null;
    return {
      host: uri.value.host.toLowerCase(),
      literal: uri.value.hostKind !== 'name',
      family: check.transport === 'udp' ? 'udp' : 'tcp',
      port: effectivePort(uri.value),
    };
  }
  if (check.kind === 'https' || check.kind === 'wss') {
    try {
      const url = new URL(check.target);
      const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
      return { host, literal: ipaddr.isValid(host), family: 'tcp', port: url.port === '' ? DEFAULT_WEB_PORT : Number(url.port) };
    } catch {
      return null;
    }
  }
  return null;
}

const endpointKey = (e: Pick<Endpoint, 'family' | 'port'>) => `${e.family}:${e.port}`;

/**
 * Reasons that are a server's own, authentic protocol answer: a STUN/TURN
 * error response (RFC 8489 §14.8) or a relay it allocated. They prove the
 * server alive and the path to it open, whatever else went wrong.
 */
const SERVER_ANSWERS: ReadonlySet<CheckReason> = new Set(['auth-401', 'server-error', 'forbidden', 'quota', 'unroutable-relay', 'upgrade-refused']);

/** TCP connected and TLS began: the port is let out, whatever answered there (a block page or a middlebox included). */
const TLS_REACHED: ReadonlySet<CheckReason> = new Set(['cert-untrusted', 'cert-name-mismatch', 'cert-expired', 'tls-failed']);

/** The server itself answered: a pass or an error response of its own protocol. */
export function answeredAuthentically(check: Pick<CheckResult, 'status' | 'reason'>): boolean {
  return check.status === 'pass' || (check.reason !== null && SERVER_ANSWERS.has(check.reason));
}

/**
 * Failures that look the same whether a firewall, a dead server or a wrong
 * address is behind them: silence, a refusal, an unreachable address. Which of
 * those it is, only the other checks of the run can say.
 */
export const SILENT_LIKE: ReadonlySet<CheckReason> = new Set(['timeout', 'refused', 'unreachable']);

export interface RunFacts {
  /** Hosts that answered authentically on some port. */
  aliveHosts: ReadonlySet<string>;
  /** Host names (not IP literals) the run tried, and those of them that answered authentically. */
  names: ReadonlySet<string>;
  aliveNames: ReadonlySet<string>;
  /** `udp:3478`, `tcp:443`: ports some host answered on (TLS reached counts: the firewall let it out). */
  openEndpoints: ReadonlySet<string>;
  /** `ruleId udp:3478`: a rule whose firewall line is evidently open, since one of its servers answered on it. */
  openRuleEndpoints: ReadonlySet<string>;
  /** `host:port` where an HTTPS or WSS check got an answer: TCP and TLS work there. */
  webAnswered: ReadonlySet<string>;
  /** Families some host answered on. */
  openFamilies: ReadonlySet<PortFamily>;
  /** Anything at all answered in this run. */
  anyAnswered: boolean;
  /** Hosts that answered elsewhere yet failed silent-like on this endpoint key. */
  liveHostsFailingOn: ReadonlyMap<string, ReadonlySet<string>>;
  /** Hosts that answered elsewhere yet failed silent-like on this family. */
  liveHostsFailingOnFamily: ReadonlyMap<PortFamily, ReadonlySet<string>>;
  /** Hosts that failed silent-like on this family and are IP literals (no resolver involved). */
  literalHostsFailingOnFamily: ReadonlyMap<PortFamily, ReadonlySet<string>>;
  /**
   * Hosts whose STUN/TURN (over UDP or TCP) was silent or refused on a port another host
   * answered on, while they did not: the network lets that port out, so the host does not
   * serve there (down, not the vendor's server, or a firewall filtering by destination). Its
   * other silences are then no port filter's signature either: one explanation, the host,
   * covers them all.
   */
  hostsSilentWhereOpen: ReadonlySet<string>;
  /** Addresses the browser connected to, by host name (webRequest `ip`, only with host access). */
  addressesOf: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Addresses some check passed through. Through a proxy, webRequest names the proxy's
   * address for every request (measured with Squid: 10.99.0.1): an address that carried a
   * good answer is a proxy or a real server, never a sinkhole.
   */
  passedAddresses: ReadonlySet<string>;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key) ?? new Set<V>();
  set.add(value);
  map.set(key, set);
}

/** What the whole run shows about hosts and ports. Checks that did not run (`error`, `untestable`) show nothing. */
export function runFacts(checks: readonly CheckFacts[]): RunFacts {
  const ran = checks.flatMap((check) => {
    if (check.status === 'untestable' || check.status === 'error') return [];
    const endpoint = endpointOf(check);
    return endpoint ? [{ check, endpoint }] : [];
  });
  const aliveHosts = new Set(ran.filter(({ check }) => answeredAuthentically(check)).map(({ endpoint }) => endpoint.host));
  const names = new Set(ran.filter(({ endpoint }) => !endpoint.literal).map(({ endpoint }) => endpoint.host));
  const aliveNames = new Set([...names].filter((name) => aliveHosts.has(name)));
  const openEndpoints = new Set<string>();
  const openRuleEndpoints = new Set<string>();
  const webAnswered = new Set<string>();
  const openFamilies = new Set<PortFamily>();
  for (const { check, endpoint } of ran) {
    if (answeredAuthentically(check) || (check.reason !== null && TLS_REACHED.has(check.reason))) {
      openEndpoints.add(endpointKey(endpoint));
      openFamilies.add(endpoint.family);
    }
    if (answeredAuthentically(check)) openRuleEndpoints.add(`${check.ruleId} ${endpointKey(endpoint)}`);
    if (check.status === 'pass' && (check.kind === 'https' || check.kind === 'wss')) webAnswered.add(`${endpoint.host}:${endpoint.port}`);
  }
  const liveHostsFailingOn = new Map<string, Set<string>>();
  const liveHostsFailingOnFamily = new Map<PortFamily, Set<string>>();
  const literalHostsFailingOnFamily = new Map<PortFamily, Set<string>>();
  const addressesOf = new Map<string, Set<string>>();
  for (const { check, endpoint } of ran) {
    if (check.address) addTo(addressesOf, endpoint.host, check.address);
    if (check.status !== 'fail' || check.reason === null || !SILENT_LIKE.has(check.reason)) continue;
    if (aliveHosts.has(endpoint.host)) {
      addTo(liveHostsFailingOn, endpointKey(endpoint), endpoint.host);
      addTo(liveHostsFailingOnFamily, endpoint.family, endpoint.host);
    }
    if (endpoint.literal) addTo(literalHostsFailingOnFamily, endpoint.family, endpoint.host);
  }
  // Only a STUN/TURN silence over UDP or TCP on a port where another host answered and this one did not: TLS
  // (inspection breaks TURN inside it), WebSocket and HTTPS failures have other explanations, and a host that
  // answered on the very port it is silent on (STUN beside TURN) shows nothing about the host (review, session 9).
  const answeredOn = new Map<string, Set<string>>();
  for (const { check, endpoint } of ran) if (answeredAuthentically(check)) addTo(answeredOn, endpointKey(endpoint), endpoint.host);
  const hostsSilentWhereOpen = new Set(
    ran
      .filter(({ check, endpoint }) => {
        if (check.status !== 'fail' || check.reason === null || !SILENT_LIKE.has(check.reason)) return false;
        if ((check.kind !== 'stun' && check.kind !== 'turn') || check.transport === 'tls') return false;
        const answered = answeredOn.get(endpointKey(endpoint));
        return answered !== undefined && !answered.has(endpoint.host) && answered.size > 0;
      })
      .map(({ endpoint }) => endpoint.host),
  );
  const passedAddresses = new Set(ran.flatMap(({ check }) => (check.status === 'pass' && check.address ? [check.address] : [])));
  return {
    aliveHosts,
    names,
    aliveNames,
    openEndpoints,
    openRuleEndpoints,
    webAnswered,
    openFamilies,
    anyAnswered: aliveHosts.size > 0 || openEndpoints.size > 0,
    liveHostsFailingOn,
    liveHostsFailingOnFamily,
    literalHostsFailingOnFamily,
    hostsSilentWhereOpen,
    addressesOf,
    passedAddresses,
  };
}

/** The addresses seen for this check's host (its own and other checks' of the same name). */
export function addressesFor(check: CheckFacts, facts: RunFacts): string[] {
  const endpoint = endpointOf(check);
  const seen = endpoint ? [...(facts.addressesOf.get(endpoint.host) ?? [])] : [];
  return check.address && !seen.includes(check.address) ? [check.address, ...seen] : seen;
}

/**
 * A public name that led the browser to an address outside public unicast
 * space (0.0.0.0, loopback, RFC 1918, CGNAT, link-local, ULA): what a DNS
 * filter's sinkhole answers. Null when the host is itself an IP literal or no
 * such address was seen.
 */
export function sinkholeAddress(check: CheckFacts, facts: RunFacts): string | null {
  const endpoint = endpointOf(check);
  if (!endpoint || endpoint.literal) return null;
  return addressesFor(check, facts).find((address) => unroutableRange(address) !== null && !facts.passedAddresses.has(address)) ?? null;
}

/** True when the host answered authentically on some port in this run. */
export const hostAlive = (check: CheckFacts, facts: RunFacts): boolean => {
  const endpoint = endpointOf(check);
  return endpoint !== null && facts.aliveHosts.has(endpoint.host);
};

/** True when some host answered on exactly this family and port: the network lets it out to someone. */
export function endpointOpenElsewhere(check: CheckFacts, facts: RunFacts): boolean {
  const endpoint = endpointOf(check);
  return endpoint !== null && facts.openEndpoints.has(endpointKey(endpoint));
}

/**
 * True when another server of the same rule answered on exactly this family and
 * port: the rule's firewall line is evidently open (an admin who follows the
 * vendor's guide opens it for all the rule's servers), so this server's silence is its own.
 */
export function ruleEndpointOpenElsewhere(check: CheckFacts, facts: RunFacts): boolean {
  const endpoint = endpointOf(check);
  return endpoint !== null && facts.openRuleEndpoints.has(`${check.ruleId} ${endpointKey(endpoint)}`);
}

/**
 * The pattern of a port or transport filter around this check: the same host
 * answered on another port; or nothing answered on this port while a host that
 * answered elsewhere failed on it too; or, with nothing at all answering on this
 * family while the other family answered, a live host or two servers at IP
 * literals (no resolver to blame) failed on it.
 *
 * Never on a port another host answered on in the same run (the port is let out),
 * nor for a host that is silent on such a port (`hostsSilentWhereOpen`): asking the
 * firewall to open a port that is open was what a vendor's closed port, a DNS
 * filter's block page or a dead server got before (adversarial review, session 9).
 */
export function portFilterShown(check: CheckFacts, facts: RunFacts): boolean {
  const endpoint = endpointOf(check);
  if (!endpoint) return false;
  if (facts.openEndpoints.has(endpointKey(endpoint)) || facts.hostsSilentWhereOpen.has(endpoint.host)) return false;
  if (facts.aliveHosts.has(endpoint.host)) return true;
  if ((facts.liveHostsFailingOn.get(endpointKey(endpoint))?.size ?? 0) > 0) return true;
  if (facts.openFamilies.has(endpoint.family) || facts.openFamilies.size === 0) return false;
  const liveOnFamily = facts.liveHostsFailingOnFamily.get(endpoint.family)?.size ?? 0;
  const literalsOnFamily = facts.literalHostsFailingOnFamily.get(endpoint.family)?.size ?? 0;
  return liveOnFamily > 0 || literalsOnFamily >= 2;
}

/**
 * A filter's block page: TLS to this name failed on its certificate while no name
 * of the run answered at all (two names or more tried). One DNS filter explains
 * that; a wrong vendor certificate would leave the vendor's other names answering,
 * and TLS inspection leaves STUN and TURN alone.
 */
export function blockPageShown(check: CheckFacts, facts: RunFacts): boolean {
  const endpoint = endpointOf(check);
  return endpoint !== null && !endpoint.literal && facts.aliveNames.size === 0 && facts.names.size >= 2;
}

/** An HTTPS/WSS check of the same host and port got an answer: TCP and TLS work exactly where this check went. */
export function webAnsweredThere(check: CheckFacts, facts: RunFacts): boolean {
  const endpoint = endpointOf(check);
  return endpoint !== null && facts.webAnswered.has(`${endpoint.host}:${endpoint.port}`);
}

/** A host given as an IP literal, or whose name the browser was seen to reach at a public address. */
export function addressKnownPublic(check: CheckFacts, facts: RunFacts): boolean {
  const endpoint = endpointOf(check);
  if (!endpoint) return false;
  if (endpoint.literal) return true;
  const seen = addressesFor(check, facts);
  return seen.length > 0 && seen.every((address) => unroutableRange(address) === null);
}
