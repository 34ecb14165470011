/**
 * Ground truth by construction: a lab network described by its parts (NAT,
 * which UDP and TCP destination ports the router lets out), the iptables
 * rules that build it, and the verdict that network must get — computed here
 * from the description alone, never from what the product printed, and
 * without importing the product's decision code.
 *
 * What a browser can see of a network is which servers answer. From the
 * description the oracle knows which ones will, and from that what an honest
 * verdict may claim (docs/verdict.md, "How a verdict earns trust"):
 * - a server answers iff the router lets its transport and port out;
 * - hole punching is proven only by a known, endpoint-independent mapping (or no
 *   NAT) AND UDP answers on two destination ports (a peer's NAT picks any port).
 *   Silence on one port while another answered may be a port filter or a dead
 *   server: hole punching stays unverified, the silent server's rule is listed;
 * - a relay is proven by data through it: with credentials (this lab has
 *   them) the run makes a loopback call through every relay that allocated,
 *   and one from this network to the UDP relay's allocated port (49152-49999
 *   in the lab's coturn). That call decides "UDP reaches high ports": when it
 *   carries data hole punching needs no second STUN port; when it carries
 *   nothing while the relay did, hole punching is unavailable;
 * - the route is the best proven method, else the best unverified one, else none.
 */
import type { Report } from '../../src/report/types';
import { LAB, LAB_HOSTS, REFERENCE_PEER_PORT, REFERENCE_STUN_PEER_URL, REFERENCE_STUN_RULE, STUN_ALT_PORT, TURN_CREDENTIALS, TURN_TLS_PORT } from '../lab/lab';

export type NatKind = 'none' | 'endpoint-independent' | 'symmetric';
export type UdpPolicy = 'all' | 'none' | 'only-3478' | 'no-high-ports';
export type TcpPolicy = 'all' | 'only-443' | 'none';
export type ServerPorts = 'one-port' | 'two-ports';

export interface NetworkSpec {
  nat: NatKind;
  udp: UdpPolicy;
  tcp: TcpPolicy;
  /** The profile's STUN servers: both on 3478, or one on 3478 and one on 19302. */
  servers: ServerPorts;
}

export type Route = 'hole-punching' | 'relay-udp' | 'relay-tcp' | 'relay-tls' | 'none';
type Status = 'available' | 'unverified' | 'unavailable';

export interface Expected {
  route: Route;
  routeVerified: boolean;
  mapping: 'none' | 'endpoint-independent' | 'endpoint-dependent' | 'unknown';
  holePunching: Status;
  /** Every check by `ruleId target`: `pass` or `fail/timeout`. */
  checks: Record<string, string>;
  /**
   * Every failed check by `ruleId target`: the causes an honest report may give. Every
   * failure here is the router's, so `firewall` is true; it is REQUIRED where a browser can
   * see the firewall's signature (the same host name or literal answered on another port, or
   * two servers at IP literals failed on a transport nothing answered on while the other
   * transport answered) and `unknown` is allowed besides it where it cannot (a name silent on
   * every port: a DNS filter's sinkhole looks the same, docs/verdict.md "Causes").
   */
  causes: Record<string, ('firewall' | 'unknown')[]>;
  /** Rules with a failure whose firewall signature a browser can see: what must be listed as missing. */
  missingRules: string[];
  /** The CLI's documented exit status: 0 calls connect and nothing missing, 1 rules missing, 2 no route. */
  exitStatus: 0 | 1 | 2;
}

export function specName(spec: NetworkSpec): string {
  return `nat=${spec.nat} udp=${spec.udp} tcp=${spec.tcp} ${spec.servers}`;
}

/** Router FORWARD rules for the spec, on the LAN side only (replies are never filtered). */
export function forwardRules(spec: NetworkSpec): string[][] {
  const lanSide = ['-i', 'inside'];
  const rules: string[][] = [];
  if (spec.udp === 'none') rules.push([...lanSide, '-p', 'udp', '-j', 'DROP']);
  if (spec.udp === 'only-3478') rules.push([...lanSide, '-p', 'udp', '!', '--dport', '3478', '-j', 'DROP']);
  if (spec.udp === 'no-high-ports') rules.push([...lanSide, '-p', 'udp', '--dport', '49152:65535', '-j', 'DROP']);
  if (spec.tcp === 'none') rules.push([...lanSide, '-p', 'tcp', '-j', 'DROP']);
  if (spec.tcp === 'only-443') rules.push([...lanSide, '-p', 'tcp', '!', '--dport', '443', '-j', 'DROP']);
  return rules;
}

export function natMode(spec: NetworkSpec): 'none' | 'masquerade' | 'symmetric' {
  return spec.nat === 'none' ? 'none' : spec.nat === 'symmetric' ? 'symmetric' : 'masquerade';
}

interface Server {
  ruleId: string;
  /** The host as the profile writes it: what a browser can tell apart (it never sees that turn.lab.test is A). */
  host: string;
  url: string;
  kind: 'stun' | 'turn' | 'https';
  transport: 'udp' | 'tcp';
  address: string;
  port: number;
}

const [A, B] = LAB.turnAddresses;
/** A port in the lab coturn's relay range (49152-49999): what the router's high-port rule decides for every allocation. */
const RELAY_PORT = 49152;

function servers(spec: NetworkSpec): Server[] {
  const secondPort = spec.servers === 'two-ports' ? STUN_ALT_PORT : 3478;
  const R = LAB.referenceStunAddress;
  return [
    { ruleId: 'stun', host: A, url: `stun:${A}:3478`, kind: 'stun', transport: 'udp', address: A, port: 3478 },
    { ruleId: 'stun', host: B, url: `stun:${B}:${secondPort}`, kind: 'stun', transport: 'udp', address: B, port: secondPort },
    { ruleId: 'reference', host: R, url: `stun:${R}:3478`, kind: 'stun', transport: 'udp', address: R, port: 3478 },
    { ruleId: 'reference', host: R, url: REFERENCE_STUN_PEER_URL, kind: 'stun', transport: 'udp', address: R, port: REFERENCE_PEER_PORT },
    { ruleId: 'turn-udp', host: A, url: `turn:${A}:3478?transport=udp`, kind: 'turn', transport: 'udp', address: A, port: 3478 },
    { ruleId: 'turn-tcp', host: LAB_HOSTS.turn, url: `turn:${LAB_HOSTS.turn}:3478?transport=tcp`, kind: 'turn', transport: 'tcp', address: A, port: 3478 },
    {
      ruleId: 'turn-tls',
      host: LAB_HOSTS.turn,
      url: `turns:${LAB_HOSTS.turn}:${TURN_TLS_PORT}?transport=tcp`,
      kind: 'turn',
      transport: 'tcp',
      address: A,
      port: TURN_TLS_PORT,
    },
    { ruleId: 'app', host: LAB_HOSTS.web, url: `https://${LAB_HOSTS.web}/`, kind: 'https', transport: 'tcp', address: LAB.webAddress, port: 443 },
  ];
}

/** The profile the generated networks are checked with: the servers above, with the lab's TURN credentials. */
export function oracleProfile(spec: NetworkSpec) {
  const list = servers(spec);
  return generatedProfile('lab-generated', 'Lab generated network', (ruleId) => list.filter((s) => s.ruleId === ruleId).map((s) => s.url));
}

/**
 * The profile shape both generators check with (this file's networks and fault-oracle.ts's):
 * STUN, the reference, TURN over each transport with the lab's credentials, the web app.
 */
export function generatedProfile(id: string, name: string, urls: (ruleId: string) => string[]) {
  return {
    id,
    name,
    version: '1',
    rules: [
      { id: 'stun', kind: 'stun', purpose: 'Hole punching', urls: urls('stun') },
      REFERENCE_STUN_RULE,
      { id: 'turn-udp', kind: 'turn', purpose: 'Relay over UDP', urls: urls('turn-udp'), ...TURN_CREDENTIALS },
      { id: 'turn-tcp', kind: 'turn', purpose: 'Relay over TCP', urls: urls('turn-tcp'), ...TURN_CREDENTIALS },
      { id: 'turn-tls', kind: 'turn', purpose: 'Relay over TLS', urls: urls('turn-tls'), ...TURN_CREDENTIALS },
      { id: 'app', kind: 'https', purpose: 'Web app', url: urls('app')[0] },
    ],
  };
}

function routerLetsOut(spec: NetworkSpec, server: Server): boolean {
  if (server.transport === 'udp') {
    if (spec.udp === 'all') return true;
    if (spec.udp === 'none') return false;
    if (spec.udp === 'only-3478') return server.port === 3478;
    return server.port < 49152;
  }
  if (spec.tcp === 'all') return true;
  if (spec.tcp === 'none') return false;
  return server.port === 443;
}

export function expectedVerdict(spec: NetworkSpec): Expected {
  const list = servers(spec);
  const answers = (s: Server) => routerLetsOut(spec, s);
  const checks = Object.fromEntries(list.map((s) => [`${s.ruleId} ${s.url}`, answers(s) ? 'pass' : 'fail/timeout']));
  const answeredHosts = new Set(list.filter(answers).map((s) => s.host));
  const answeredTransports = new Set(list.filter(answers).map((s) => s.transport));
  const isLiteral = (host: string) => /^[\d.]+$/.test(host);
  const silentLiteralsOn = (transport: 'udp' | 'tcp') =>
    new Set(list.filter((s) => !answers(s) && s.transport === transport && isLiteral(s.host)).map((s) => s.host));
  const signatureSeen = (s: Server) =>
    answeredHosts.has(s.host) ||
    (!answeredTransports.has(s.transport) && answeredTransports.size > 0 && isLiteral(s.host) && silentLiteralsOn(s.transport).size >= 2);
  const causes = Object.fromEntries(
    list.filter((s) => !answers(s)).map((s) => [`${s.ruleId} ${s.url}`, signatureSeen(s) ? (['firewall'] as const) : (['firewall', 'unknown'] as const)]),
  ) as Expected['causes'];
  const failedRules = [...new Set(list.filter((s) => !answers(s)).map((s) => s.ruleId))];
  const missingRules = [...new Set(list.filter((s) => !answers(s) && signatureSeen(s)).map((s) => s.ruleId))];

  const stunAnswered = list.filter((s) => s.kind === 'stun' && answers(s));
  const referenceAnswered = list.some((s) => s.ruleId === 'reference' && answers(s));
  // A peer's address and a peer's port in one answer: the reference on a port no rule of the profile names.
  const referenceBeyondGuide = list.some((s) => s.ruleId === 'reference' && s.port === REFERENCE_PEER_PORT && answers(s));
  const answeringAddresses = new Set(stunAnswered.map((s) => s.address));
  const mapping: Expected['mapping'] =
    stunAnswered.length === 0
      ? 'unknown'
      : spec.nat === 'none'
        ? 'none'
        : answeringAddresses.size < 2
          ? 'unknown'
          : spec.nat === 'symmetric'
            ? 'endpoint-dependent'
            : 'endpoint-independent';

  const udpServers = list.filter((s) => s.transport === 'udp');
  const udpPortsAnswered = new Set(udpServers.filter(answers).map((s) => s.port));
  // A silent server on a port some server answered on shows no port limit (the port is let out).
  const udpSilentElsewhere = udpServers.some((s) => !answers(s) && !udpPortsAnswered.has(s.port) && [...udpPortsAnswered].some((p) => p !== s.port));
  // The loopback call to the UDP relay's port runs when the UDP relay allocated; the relay itself carries data then.
  const udpRelay = list.find((s) => s.ruleId === 'turn-udp')!;
  const relayPort: Server = { ...udpRelay, port: RELAY_PORT };
  const highPorts = !answers(udpRelay) ? 'no call' : answers(relayPort) ? 'carried' : 'blocked';
  const holePunching: Status =
    stunAnswered.length === 0 || mapping === 'endpoint-dependent' || highPorts === 'blocked'
      ? 'unavailable'
      : mapping === 'unknown' || (highPorts !== 'carried' && (udpSilentElsewhere || udpPortsAnswered.size < 2)) || !referenceAnswered || !referenceBeyondGuide
        ? 'unverified'
        : 'available';

  const relay = (ruleId: string): Status => (list.filter((s) => s.ruleId === ruleId).some(answers) ? 'available' : 'unavailable');
  const methods: [Route, Status][] = [
    ['hole-punching', holePunching],
    ['relay-udp', relay('turn-udp')],
    ['relay-tcp', relay('turn-tcp')],
    ['relay-tls', relay('turn-tls')],
  ];
  const best = methods.find(([, s]) => s === 'available') ?? methods.find(([, s]) => s === 'unverified');
  const route: Route = best ? best[0] : 'none';
  // The CLI's exit status counts every finding, whatever its cause: a failed check is something to fix.
  const exitStatus = route === 'none' ? 2 : failedRules.length > 0 ? 1 : 0;
  return { route, routeVerified: best?.[1] === 'available', mapping, holePunching, checks, causes, missingRules, exitStatus };
}

/** The product of the dimensions: every NAT × UDP × TCP with both STUN ports, and the one-port profile behind the common NAT. */
export function generatedNetworks(): NetworkSpec[] {
  const nats: NatKind[] = ['none', 'endpoint-independent', 'symmetric'];
  const udps: UdpPolicy[] = ['all', 'none', 'only-3478', 'no-high-ports'];
  const tcps: TcpPolicy[] = ['all', 'only-443', 'none'];
  const specs: NetworkSpec[] = [];
  for (const nat of nats) for (const udp of udps) for (const tcp of tcps) specs.push({ nat, udp, tcp, servers: 'two-ports' });
  for (const udp of udps) for (const tcp of tcps) specs.push({ nat: 'endpoint-independent', udp, tcp, servers: 'one-port' });
  return specs;
}

/** Each failed check's cause, checked against the oracle's acceptable set (the value when it is in it, else what was found). */
export function causesAgainst(report: Pick<Report, 'checks'>, want: Expected['causes']): Record<string, unknown> {
  return Object.fromEntries(
    report.checks
      .filter((c) => c.status === 'fail')
      .map((c) => {
        const key = `${c.ruleId} ${c.target}`;
        const acceptable = want[key] ?? [];
        return [
          key,
          (acceptable as readonly string[]).includes(c.cause ?? 'null') ? acceptable : `${c.cause} (${c.causeRow}) not in [${acceptable.join(', ')}]`,
        ];
      }),
  );
}
