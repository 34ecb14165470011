/**
 * The facts the route verdict is decided on, gathered from check results and
 * candidates in one place, so that the decision table reads like its doc.
 */
import type { NatAnalysis } from '../ice/nat';
import { carriedData, type LoopbackResult } from '../ice/loopback';
import type { GatheredCandidate, RelayProtocol } from '../ice/types';
import { effectivePort, parseIceUri } from '../ice/uri';
import { guideOpening, type GuideUdpPorts } from '../profile/guide-ports';
import { isMdnsName } from '../ice/address';
import type { CheckResult } from './types';

export interface UdpPortLimit {
  answered: CheckResult;
  silent: CheckResult;
}

/**
 * - online: the browser gathered a UDP host candidate (a local address it can send from).
 * - offline: the connection that always runs got none: only loopback is up
 *   (Chrome never offers loopback as a host candidate). Measured: for 1-3 s
 *   after an interface goes away Chromium still offers a stale TCP "active"
 *   host candidate (port 9) and no UDP one, so TCP host candidates do not count.
 * - unknown: that connection could not be set up, so nothing was learned.
 */
export type DeviceNetwork = 'online' | 'offline' | 'unknown';

/**
 * What a loopback call through a route showed:
 * - carried: data got through;
 * - blocked: the call ran and nothing got through (for `udpHighPorts`: while
 *   the relay itself carried data over UDP, so the relay's port is what is blocked);
 * - failed (`udpHighPorts` only): nothing got through, but the relay carried
 *   nothing either, so the relay's own path may be what broke the call;
 * - unknown: no call was possible (no credentials, nothing allocated) or we failed to run it.
 */
export interface MediaEvidence {
  status: 'carried' | 'blocked' | 'failed' | 'unknown';
  call: LoopbackResult | null;
}

export interface RouteEvidence {
  device: DeviceNetwork;
  /** The browser gave WebRTC a local (UDP host) candidate at all. */
  hostGathered: boolean;
  /** Distinct local addresses of host candidates (for the LAN explanation). */
  hostAddresses: string[];
  srflxGathered: boolean;
  nat: NatAnalysis;
  /** The vendor's STUN checks that ran and told something about the network (untestable, `error` and reference servers left out). */
  stun: CheckResult[];
  /** STUN checks we failed to run (status `error`): "could not test", never evidence. */
  stunNotRun: CheckResult[];
  /** TURN checks that ran, by transport to the server. */
  turn: Record<RelayProtocol, CheckResult[]>;
  turnNotRun: Record<RelayProtocol, CheckResult[]>;
  /** A UDP server on one port answered while one on another port stayed silent. */
  udpPortLimit: UdpPortLimit | null;
  /** Distinct UDP destination ports that some STUN/TURN server answered on, ascending. */
  udpPortsAnswered: number[];
  /** Relayed data through each transport's relay (`relay-relay` loopback call). */
  relayMedia: Record<RelayProtocol, MediaEvidence>;
  /** UDP from this network to the relay's allocated (high) port (`relay-direct` loopback call). */
  udpHighPorts: MediaEvidence;
  /** Reference STUN servers (outside the vendor's addresses) that answered: UDP reaches beyond the vendor. */
  referenceAnswered: CheckResult[];
  /** Reference STUN servers silent while a vendor server answered over UDP on the same port: UDP is limited by destination. */
  referenceSilent: CheckResult[];
  /**
   * Reference STUN servers that answered on a port the vendor's guide does not open (nor a
   * system port): UDP reaches an address beyond the vendor's AND a port beyond the guide's in
   * one answer, as a peer needs. Answers on the guide's ports, or other ports shown only at the
   * vendor's addresses, pass a firewall opened exactly as the guide says (src/profile/guide-ports.ts).
   */
  referenceBeyondGuide: CheckResult[];
  /** A port the guide does not open, to name for a reference server (src/profile/guide-ports.ts); null when the guide opens every user port. */
  referencePortToAdd: number | null;
  /**
   * A reference server answered on a port in the dynamic range (49152-65535, RFC 6335 §6),
   * where relays allocate: UDP from this network reaches such ports, so a relay port that
   * nothing reaches is closed at the vendor's side.
   */
  udpHighPortShown: boolean;
  /**
   * The relay over UDP carried nothing while a relay over TCP or TLS carried data: UDP
   * media does not cross this network although STUN/TURN over UDP answer. Measured: with
   * UDP packets above 1250 B dropped, the DTLS handshake through the relay never completes
   * (docs/measured.md), as it would not for a direct call.
   */
  udpMediaLost: boolean;
  /**
   * Every relay that allocated, over two transports or more including TCP or TLS, carried
   * nothing: the TURN server itself does not relay (it refuses peers, e.g. coturn's
   * `denied-peer-ip`, whose 403 to CreatePermission WebRTC does not expose, measured).
   */
  relayRefusesData: boolean;
}

export interface RouteEvidenceInput {
  checks: readonly CheckResult[];
  candidates: readonly GatheredCandidate[];
  nat: NatAnalysis;
  /** The always-planned `stun-batch` connection: did it run at all (no setup error)? */
  localGatheringRan: boolean;
  loopbacks?: readonly LoopbackResult[];
  /**
   * The UDP ports the vendor's guide opens (src/profile/guide-ports.ts `guideUdpPorts`); by
   * default the ports of the run's own STUN/TURN checks, and the system ports.
   */
  guide?: GuideUdpPorts;
}

export function routeEvidence(input: RouteEvidenceInput): RouteEvidence {
  const ran = input.checks.filter((check) => check.status !== 'untestable' && check.status !== 'error');
  const notRun = input.checks.filter((check) => check.status === 'error');
  const iceOver = (list: CheckResult[], transport: RelayProtocol) => list.filter((check) => check.kind === 'turn' && check.transport === transport);
  // mDNS names stand for an address the browser hides: the LAN explanation says "hidden", not a random name.
  const hostAddresses = [...new Set(input.candidates.filter((c) => c.type === 'host' && c.address !== null && !isMdnsName(c.address)).map((c) => c.address!))];
  const hostGathered = input.candidates.some((c) => c.type === 'host' && c.protocol === 'udp');
  // A browser may hide every local address from WebRTC (Firefox under `default_public_interface_only`
  // or `proxy_only`, measured) while the network answers: a mapped or relayed address, or any check
  // that passed, shows the device online all the same.
  const reached = input.candidates.some((c) => c.type === 'srflx' || c.type === 'relay') || input.checks.some((c) => c.status === 'pass');
  return {
    device: hostGathered || reached ? 'online' : input.localGatheringRan ? 'offline' : 'unknown',
    hostGathered,
    hostAddresses,
    srflxGathered: input.candidates.some((c) => c.type === 'srflx'),
    nat: input.nat,
    // The vendor's STUN servers: what the app uses. A reference server shows what UDP reaches, not that the app's STUN works.
    stun: ran.filter((check) => check.kind === 'stun' && check.reference !== true),
    stunNotRun: notRun.filter((check) => check.kind === 'stun'),
    turn: { udp: iceOver(ran, 'udp'), tcp: iceOver(ran, 'tcp'), tls: iceOver(ran, 'tls') },
    turnNotRun: { udp: iceOver(notRun, 'udp'), tcp: iceOver(notRun, 'tcp'), tls: iceOver(notRun, 'tls') },
    udpPortLimit: findUdpPortLimit(ran),
    udpPortsAnswered: [
      ...new Set(
        answeredOverUdp(ran)
          .map(portOf)
          .filter((p): p is number => p !== null),
      ),
    ].sort((a, b) => a - b),
    ...mediaAndReference(ran, input.loopbacks ?? [], hostGathered, input.guide ?? checkPorts(ran)),
  };
}

/** The first port in IANA's dynamic range (RFC 6335 §6), where TURN servers allocate relays. */
export const DYNAMIC_PORTS_START = 49152;

function mediaAndReference(
  ran: CheckResult[],
  loopbacks: readonly LoopbackResult[],
  hostGathered: boolean,
  guide: GuideUdpPorts,
): Pick<
  RouteEvidence,
  | 'relayMedia'
  | 'udpHighPorts'
  | 'referenceAnswered'
  | 'referenceSilent'
  | 'referenceBeyondGuide'
  | 'referencePortToAdd'
  | 'udpHighPortShown'
  | 'udpMediaLost'
  | 'relayRefusesData'
> {
  const media = mediaEvidence(loopbacks, hostGathered);
  const reference = ran.filter((check) => check.reference === true && check.kind === 'stun');
  const referenceAnswered = reference.filter((check) => check.status === 'pass');
  const vendorUdpPorts = new Set(
    answeredOverUdp(ran)
      .filter((check) => check.reference !== true)
      .map(portOf),
  );
  const referenceSilent = reference.filter((check) => check.status === 'fail' && check.reason === 'timeout' && vendorUdpPorts.has(portOf(check)));
  const udpHighPortShown = referenceAnswered.some((check) => (portOf(check) ?? 0) >= DYNAMIC_PORTS_START);
  // A guide that opens every user port toward its own hosts leaves no port to prove the rest on: any answer from beyond the vendor does.
  const referenceBeyondGuide =
    guide.suggested === null
      ? referenceAnswered
      : referenceAnswered.filter((check) => {
          const port = portOf(check);
          return port !== null && !guide.opens(port);
        });
  const { udp, tcp, tls } = media.relayMedia;
  // Only a call that never connected lost the handshake's large datagrams: one that connected carried them
  // (~1250-1300 B, measured), so losing its data afterwards is not the packet size (adversarial review, session 9).
  const udpMediaLost = udp.status === 'blocked' && udp.call?.connected !== true && (tcp.status === 'carried' || tls.status === 'carried');
  const ranCalls = [udp, tcp, tls].filter((m) => m.status !== 'unknown');
  const relayRefusesData = ranCalls.length >= 2 && ranCalls.every((m) => m.status === 'blocked') && (tcp.status === 'blocked' || tls.status === 'blocked');
  return {
    ...media,
    referenceAnswered,
    referenceSilent,
    referenceBeyondGuide,
    referencePortToAdd: guide.suggested,
    udpHighPortShown,
    udpMediaLost,
    relayRefusesData,
  };
}

function mediaEvidence(loopbacks: readonly LoopbackResult[], hostGathered: boolean): Pick<RouteEvidence, 'relayMedia' | 'udpHighPorts'> {
  // A call that connected and then had no time to send (a slow path used its budget) sent nothing to lose: no evidence.
  const of = (call: LoopbackResult | undefined): MediaEvidence =>
    !call || call.setupError !== null || (call.connected && call.sent === 0)
      ? { status: 'unknown', call: call ?? null }
      : { status: carriedData(call) ? 'carried' : 'blocked', call };
  const relay = (transport: RelayProtocol) => of(loopbacks.find((l) => l.path === 'relay-relay' && l.transport === transport));
  const relayMedia = { udp: relay('udp'), tcp: relay('tcp'), tls: relay('tls') };
  const direct = of(loopbacks.find((l) => l.path === 'relay-direct'));
  // Nothing from the direct end proves the high port blocked only when the relay itself carried data over UDP.
  // The direct end sends from a local (host) candidate: where the browser gives WebRTC none (Firefox under
  // `default_public_interface_only`, measured: the call never connected on an open network), its silence proves nothing.
  if (!hostGathered && direct.status !== 'carried') return { relayMedia, udpHighPorts: { ...direct, status: 'unknown' } };
  const udpHighPorts = direct.status === 'blocked' && relayMedia.udp.status !== 'carried' ? { ...direct, status: 'failed' as const } : direct;
  return { relayMedia, udpHighPorts };
}

/** UDP STUN/TURN checks whose server answered: a srflx, a relay, or any STUN/TURN error response (a 401 included). */
function answeredOverUdp(checks: readonly CheckResult[]): CheckResult[] {
  return checks.filter(
    (check) =>
      check.transport === 'udp' &&
      (check.kind === 'stun' || check.kind === 'turn') &&
      (check.status === 'pass' || check.reason === 'auth-401' || check.reason === 'server-error' || check.reason === 'unroutable-relay'),
  );
}

/**
 * Hole punching sends UDP to whatever port the peer's NAT picked, so a
 * firewall that lets UDP out only to some ports breaks it even when STUN
 * works. The sign: over UDP, a server on one port answered while one on
 * another port got no answer at all, on a port no server answered on. A server
 * that is down looks the same from here, which is why this only ever makes hole
 * punching `unverified`.
 */
function findUdpPortLimit(checks: CheckResult[]): UdpPortLimit | null {
  const answered = answeredOverUdp(checks);
  // A port some server answered on is let out: a silent server there is no sign of a port limit.
  const answeredPorts = new Set(answered.map(portOf));
  const silent = checks.filter(
    (check) => check.transport === 'udp' && check.status === 'fail' && check.reason === 'timeout' && !answeredPorts.has(portOf(check)),
  );
  for (const a of answered) {
    const s = silent.find((candidate) => portOf(candidate) !== portOf(a));
    if (s) return { answered: a, silent: s };
  }
  return null;
}

/** The guide's ports as the run shows them: those of the vendor's own STUN/TURN checks, and the system ports. */
function checkPorts(ran: readonly CheckResult[]): GuideUdpPorts {
  const ports = new Set(ran.filter((c) => (c.kind === 'stun' || c.kind === 'turn') && c.reference !== true).map(portOf));
  return guideOpening((port) => ports.has(port));
}

function portOf(check: CheckResult): number | null {
  const uri = parseIceUri(check.target);
  return uri.ok ? effectivePort(uri.value) : null;
}
