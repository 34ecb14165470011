/**
 * Ground truth by construction for the fault networks (issue 24): a network
 * is a base (NAT, UDP and TCP port filters, as network-oracle.ts builds them)
 * plus one fault of a class the lab builds for real — DNS answers, a TLS
 * middlebox or certificate, a vendor server fault, a path limit. From the
 * description alone this file says:
 * - what the network really does (the ground-truth probes' expected results,
 *   asserted before the product is asked);
 * - every check's outcome and the causes an honest report may give it, per
 *   /work/briefs/causes.md (docs/verdict.md's causes table once it lands):
 *   exactly one where Chromium's evidence decides, and `unknown` besides the
 *   truth where it cannot (the reason is written next to it, `undecidable`);
 * - the routes an honest verdict may claim (`routes`);
 * - which (protocol, port) pairs the network lets out to any address: a
 *   report listing a missing firewall rule on one of them is wrong.
 *
 * It never imports the product's decision code.
 *
 * What Chromium shows of each fault was measured (/work/briefs/lab-measurements.md):
 * webRequest gives no `ip` on a failed request and ICE errors carry no server
 * address, so the address a name resolved to is never seen on a failure;
 * NXDOMAIN is the one DNS answer Chromium names.
 */
import { LAB, REFERENCE_PEER_PORT, REFERENCE_STUN_PEER_URL, REFERENCE_STUN_URL } from '../lab/lab';
import { FAULT_LAB } from '../lab/fault-lab';
import { generatedProfile, type NatKind, type TcpPolicy } from './network-oracle';

export type Cause = 'firewall' | 'proxy' | 'dns-filter' | 'relay-credentials' | 'vendor-server' | 'network-path' | 'this-device' | 'unknown';
export type Route = 'hole-punching' | 'relay-udp' | 'relay-tcp' | 'relay-tls' | 'none';
export type Role = 'stun' | 'turn' | 'app';
export type DnsAnswerKind = 'nxdomain' | 'zero' | 'loopback' | 'private' | 'block-page';

export type Fault =
  | { class: 'dns'; answer: DnsAnswerKind; names: Role | 'all' }
  | { class: 'tls'; kind: 'transparent-untrusted' | 'vendor-wrong-name' | 'vendor-expired' | 'turns-web-server' }
  | { class: 'vendor'; kind: 'relay-ports-closed' | 'denied-peer' | 'quota' | 'dead-stun' | 'udp-3478-closed' }
  | { class: 'path'; kind: 'udp-only-vendor' | 'udp-vendor-and-3478' | 'udp-max-1000' | 'udp-max-1200' };

/** The base filters crossed with the faults: a subset of network-oracle.ts's (UDP `no-high-ports` left out). */
export interface Base {
  nat: NatKind;
  udp: 'all' | 'none' | 'only-3478';
  tcp: Exclude<TcpPolicy, 'none'>;
}

export interface FaultSpec {
  base: Base;
  fault: Fault;
}

export const BASES = {
  open: { nat: 'endpoint-independent', udp: 'all', tcp: 'all' },
  symmetric: { nat: 'symmetric', udp: 'all', tcp: 'all' },
  only3478: { nat: 'endpoint-independent', udp: 'only-3478', tcp: 'all' },
  noUdp443: { nat: 'endpoint-independent', udp: 'none', tcp: 'only-443' },
  noNat: { nat: 'none', udp: 'all', tcp: 'all' },
} as const satisfies Record<string, Base>;

export function faultName(f: Fault): string {
  switch (f.class) {
    case 'dns':
      return `dns=${f.answer}@${f.names}`;
    case 'tls':
      return `tls=${f.kind}`;
    case 'vendor':
      return `vendor=${f.kind}`;
    case 'path':
      return `path=${f.kind}`;
  }
}

export function specName(spec: FaultSpec): string {
  return `${faultName(spec.fault)} nat=${spec.base.nat} udp=${spec.base.udp} tcp=${spec.base.tcp}`;
}

/** The fault classes the sample must cover, one key per kind. */
export function faultKind(f: Fault): string {
  return f.class === 'dns' ? `dns=${f.answer}` : faultName(f);
}

const ALL_DNS: DnsAnswerKind[] = ['nxdomain', 'zero', 'loopback', 'private', 'block-page'];

/** Every fault network (92), each name distinct. */
export function faultNetworks(): FaultSpec[] {
  const specs: FaultSpec[] = [];
  const add = (fault: Fault, ...bases: Base[]) => bases.forEach((base) => specs.push({ base, fault }));
  for (const answer of ALL_DNS) {
    for (const names of ['stun', 'turn', 'app', 'all'] as const) add({ class: 'dns', answer, names }, BASES.open);
    add({ class: 'dns', answer, names: 'all' }, BASES.symmetric, BASES.only3478);
    add({ class: 'dns', answer, names: 'turn' }, BASES.noUdp443);
    add({ class: 'dns', answer, names: 'app' }, BASES.noNat);
  }
  for (const kind of ['transparent-untrusted', 'vendor-wrong-name', 'vendor-expired', 'turns-web-server'] as const) {
    add({ class: 'tls', kind }, BASES.open, BASES.symmetric, BASES.only3478, BASES.noNat);
  }
  for (const kind of ['relay-ports-closed', 'denied-peer', 'quota', 'dead-stun', 'udp-3478-closed'] as const) {
    add({ class: 'vendor', kind }, BASES.open, BASES.symmetric, BASES.only3478, BASES.noNat);
  }
  for (const kind of ['udp-only-vendor', 'udp-vendor-and-3478', 'udp-max-1000', 'udp-max-1200'] as const) {
    add({ class: 'path', kind }, BASES.open, BASES.symmetric, BASES.only3478, BASES.noNat);
  }
  return specs;
}

// ---------------------------------------------------------------------------
// Names and addresses

/** Host names of one network: fresh per network, so no browser or resolver cache answers from a previous one. */
export function hostNames(index: number) {
  return { stun1: `stun1-n${index}.lab.test`, stun2: `stun2-n${index}.lab.test`, turn: `turn-n${index}.lab.test`, app: `app-n${index}.lab.test` };
}
type NameRole = keyof ReturnType<typeof hostNames>;

const [A, B] = LAB.turnAddresses;
const W = LAB.webAddress;

const SINKHOLE: Record<Exclude<DnsAnswerKind, 'nxdomain'>, string> = {
  zero: '0.0.0.0',
  loopback: '127.0.0.1',
  private: '10.20.30.40',
  'block-page': FAULT_LAB.blockPage,
};

function roleOf(name: NameRole): Role {
  return name === 'stun1' || name === 'stun2' ? 'stun' : name;
}

/** What the LAN's DNS answers for each name: an address or NXDOMAIN. */
export function dnsAnswers(spec: FaultSpec): Record<NameRole, string> {
  const f = spec.fault;
  const answers: Record<NameRole, string> = { stun1: A, stun2: B, turn: A, app: W };
  if (f.class === 'vendor' && f.kind === 'denied-peer') answers.turn = FAULT_LAB.turnDenied;
  if (f.class === 'vendor' && f.kind === 'quota') answers.turn = FAULT_LAB.turnQuota;
  if (f.class === 'vendor' && f.kind === 'dead-stun') answers.stun2 = FAULT_LAB.dead;
  if (f.class === 'tls' && f.kind === 'vendor-wrong-name') answers.app = FAULT_LAB.wrongName;
  if (f.class === 'tls' && f.kind === 'vendor-expired') answers.app = FAULT_LAB.expired;
  if (f.class === 'dns') {
    for (const name of Object.keys(answers) as NameRole[]) {
      if (f.names === 'all' || roleOf(name) === f.names) answers[name] = f.answer === 'nxdomain' ? 'NXDOMAIN' : SINKHOLE[f.answer];
    }
  }
  return answers;
}

/** The vendor's own addresses in this network (what `udp-only-vendor` lets UDP reach). */
function vendorAddresses(spec: FaultSpec): string[] {
  const a = dnsAnswers({ ...spec, fault: spec.fault.class === 'dns' ? { class: 'path', kind: 'udp-only-vendor' } : spec.fault });
  return [...new Set([a.stun1, a.stun2, a.turn])];
}

// ---------------------------------------------------------------------------
// The profile

interface CheckDef {
  ruleId: string;
  url: string;
  name: NameRole;
  transport: 'udp' | 'tcp';
  port: number;
  service: 'stun' | 'turn' | 'turns' | 'https';
}

function checkDefs(spec: FaultSpec, index: number): CheckDef[] {
  const h = hostNames(index);
  // A vendor whose `turns:` points at its web server: TLS answers on 443, TURN does not.
  const turnsName: NameRole = spec.fault.class === 'tls' && spec.fault.kind === 'turns-web-server' ? 'app' : 'turn';
  return [
    { ruleId: 'stun', url: `stun:${h.stun1}:3478`, name: 'stun1', transport: 'udp', port: 3478, service: 'stun' },
    { ruleId: 'stun', url: `stun:${h.stun2}:19302`, name: 'stun2', transport: 'udp', port: 19302, service: 'stun' },
    { ruleId: 'turn-udp', url: `turn:${h.turn}:3478?transport=udp`, name: 'turn', transport: 'udp', port: 3478, service: 'turn' },
    { ruleId: 'turn-tcp', url: `turn:${h.turn}:3478?transport=tcp`, name: 'turn', transport: 'tcp', port: 3478, service: 'turn' },
    { ruleId: 'turn-tls', url: `turns:${h[turnsName]}:443?transport=tcp`, name: turnsName, transport: 'tcp', port: 443, service: 'turns' },
    { ruleId: 'app', url: `https://${h.app}/`, name: 'app', transport: 'tcp', port: 443, service: 'https' },
  ];
}

/** The profile a fault network is checked with: names of its own, the lab's TURN credentials. */
export function faultProfile(spec: FaultSpec, index: number) {
  const defs = checkDefs(spec, index);
  return generatedProfile('lab-faults', 'Lab fault network', (ruleId) => defs.filter((d) => d.ruleId === ruleId).map((d) => d.url));
}

// ---------------------------------------------------------------------------
// How the network is built

export interface Construction {
  nat: 'none' | 'masquerade' | 'symmetric';
  dns: Record<string, string>;
  /** Router FORWARD rules. */
  forward: string[][];
  /** Router nat PREROUTING rules. */
  prerouting: string[][];
  /** The servers' INPUT rules (the vendor's own firewall). */
  server: string[][];
}

/** Largest UDP datagram (IP length) a `udp-max-N` path carries. */
function udpMax(f: Fault): number | null {
  return f.class === 'path' && f.kind === 'udp-max-1000' ? 1000 : f.class === 'path' && f.kind === 'udp-max-1200' ? 1200 : null;
}

export function construction(spec: FaultSpec, index: number): Construction {
  const { base, fault } = spec;
  const lan = ['-i', 'inside'];
  const forward: string[][] = [];
  if (base.udp === 'none') forward.push([...lan, '-p', 'udp', '-j', 'DROP']);
  if (base.udp === 'only-3478') forward.push([...lan, '-p', 'udp', '!', '--dport', '3478', '-j', 'DROP']);
  if (base.tcp === 'only-443') forward.push([...lan, '-p', 'tcp', '!', '--dport', '443', '-j', 'DROP']);
  if (fault.class === 'path' && fault.kind === 'udp-only-vendor') {
    // As admins "follow the guide": UDP to the vendor's addresses, nothing else.
    forward.push([...lan, '-p', 'udp', '-d', vendorAddresses(spec).join(','), '-j', 'RETURN'], [...lan, '-p', 'udp', '-j', 'DROP']);
  }
  if (fault.class === 'path' && fault.kind === 'udp-vendor-and-3478') {
    // The guide followed to the letter: UDP 3478 to anyone (STUN), and anything to the vendor's addresses (its relays'
    // ports): each proven on its own axis, a peer's address on a peer's port never (adversarial review, session 9).
    forward.push(
      [...lan, '-p', 'udp', '-d', vendorAddresses(spec).join(','), '-j', 'RETURN'],
      [...lan, '-p', 'udp', '--dport', '3478', '-j', 'RETURN'],
      [...lan, '-p', 'udp', '-j', 'DROP'],
    );
  }
  const max = udpMax(fault);
  // A tunnel's MTU: both directions lose what is larger.
  if (max !== null) forward.push(['-p', 'udp', '-m', 'length', '--length', `${max + 1}:65535`, '-j', 'DROP']);
  const prerouting: string[][] = [];
  if (fault.class === 'tls' && fault.kind === 'transparent-untrusted') {
    prerouting.push([...lan, '-p', 'tcp', '--dport', '443', '-j', 'DNAT', '--to-destination', `${FAULT_LAB.inspector}:443`]);
  }
  const server: string[][] = [];
  if (fault.class === 'vendor' && fault.kind === 'relay-ports-closed') {
    // The vendor's cloud firewall: nothing from outside reaches the relay ports (relay to relay inside the server still works).
    server.push(['-i', 'srv0', '-d', A, '-p', 'udp', '--dport', '49152:49999', '-j', 'DROP']);
  }
  if (fault.class === 'vendor' && fault.kind === 'dead-stun') server.push(['-d', FAULT_LAB.dead, '-j', 'DROP']);
  if (fault.class === 'vendor' && fault.kind === 'udp-3478-closed') {
    // The vendor's cloud firewall drops UDP 3478 to one server (its STUN and TURN over UDP); TCP and TLS
    // there still answer, and UDP 3478 from this network reaches every other address: no school rule to ask for.
    server.push(['-i', 'srv0', '-d', A, '-p', 'udp', '--dport', '3478', '-j', 'DROP']);
  }
  const names = hostNames(index);
  const answers = dnsAnswers(spec);
  const dns = Object.fromEntries((Object.keys(names) as NameRole[]).map((r) => [names[r], answers[r]]));
  const nat = base.nat === 'none' ? 'none' : base.nat === 'symmetric' ? 'symmetric' : 'masquerade';
  return { nat, dns, forward, prerouting, server };
}

// ---------------------------------------------------------------------------
// What the network really does (ground truth for the probes)

/** Whether the router lets (transport, port) out to `address` at all, for a datagram of `bytes` (IP length). */
function routerLetsOut(spec: FaultSpec, transport: 'udp' | 'tcp', port: number, address: string, bytes = 100): boolean {
  const { base, fault } = spec;
  if (transport === 'tcp') return base.tcp === 'all' || port === 443;
  if (base.udp === 'none') return false;
  if (base.udp === 'only-3478' && port !== 3478) return false;
  if (fault.class === 'path' && fault.kind === 'udp-only-vendor' && !vendorAddresses(spec).includes(address)) return false;
  if (fault.class === 'path' && fault.kind === 'udp-vendor-and-3478' && port !== 3478 && !vendorAddresses(spec).includes(address)) return false;
  const max = udpMax(fault);
  return max === null || bytes <= max;
}

/** A ground-truth probe from the LAN and the answer the construction dictates. */
export type Probe =
  | { kind: 'dns'; name: string; expect: string }
  | { kind: 'udp'; port: number; bytes: number; expect: 'echoed' | 'silent' }
  | { kind: 'tcp'; port: number; expect: 'connected' | 'silent' }
  | { kind: 'tls'; name: string; expect: { subject: string; issuer: string; verify: string } }
  | { kind: 'server-rule'; rule: string[]; expect: 'present' };

/** IP + UDP headers: a payload of n bytes is an IP packet of n + 28 (the router's `-m length` counts IP bytes). */
const UDP_OVERHEAD = 28;

export function probes(spec: FaultSpec, index: number): Probe[] {
  const c = construction(spec, index);
  const out: Probe[] = Object.entries(c.dns).map(([name, expect]) => ({ kind: 'dns', name, expect }));
  const ref = FAULT_LAB.reference;
  for (const port of FAULT_LAB.referenceUdpPorts) {
    // 100 B: any datagram; 1200 B: a media-sized one (IP length 1228).
    for (const payload of [100, 1200]) {
      const bytes = payload + UDP_OVERHEAD;
      out.push({ kind: 'udp', port, bytes: payload, expect: routerLetsOut(spec, 'udp', port, ref, bytes) ? 'echoed' : 'silent' });
    }
  }
  for (const port of FAULT_LAB.referenceTcpPorts) out.push({ kind: 'tcp', port, expect: routerLetsOut(spec, 'tcp', port, ref) ? 'connected' : 'silent' });
  const f = spec.fault;
  const h = hostNames(index);
  if (f.class === 'tls' && f.kind !== 'turns-web-server') {
    const expect = {
      'transparent-untrusted': { subject: '*.lab.test', issuer: 'Inspecting filter CA', verify: '21' },
      'vendor-wrong-name': { subject: FAULT_LAB.wrongCertName, issuer: 'WebRTC Network Check lab CA', verify: '0' },
      'vendor-expired': { subject: '*.lab.test', issuer: 'WebRTC Network Check lab CA', verify: '10' },
    }[f.kind];
    out.push({ kind: 'tls', name: h.app, expect });
  }
  if (f.class === 'dns' && f.answer === 'block-page' && (f.names === 'app' || f.names === 'all')) {
    out.push({ kind: 'tls', name: h.app, expect: { subject: FAULT_LAB.blockPageName, issuer: 'WebRTC Network Check lab CA', verify: '0' } });
  }
  if (f.class === 'tls' && f.kind === 'turns-web-server') {
    // What answers TLS where `turns:` points is the vendor's web server, with a valid certificate.
    out.push({ kind: 'tls', name: h.app, expect: { subject: 'turn.lab.test', issuer: 'WebRTC Network Check lab CA', verify: '0' } });
  }
  for (const rule of c.server) out.push({ kind: 'server-rule', rule, expect: 'present' });
  return out;
}

/** (protocol, port) the network lets out to any address: no report may list a missing rule on these. */
export function openPorts(spec: FaultSpec): { protocol: 'udp' | 'tcp'; port: number }[] {
  const ref = FAULT_LAB.reference;
  const candidates: ['udp' | 'tcp', number][] = [
    ['udp', 3478],
    ['udp', 19302],
    ['udp', 49152],
    ['udp', 65535],
    ['tcp', 443],
    ['tcp', 3478],
  ];
  return candidates.filter(([t, p]) => routerLetsOut(spec, t, p, ref)).map(([protocol, port]) => ({ protocol, port }));
}

// ---------------------------------------------------------------------------
// What the report must say

export interface ExpectedCheck {
  /** `pass`, `fail`, or either (a quota: which allocation gets it first is a race). */
  status: 'pass' | 'fail' | 'pass-or-fail';
  /** Causes an honest report may give; `null` = nothing to fix. */
  causes: (Cause | null)[];
  /** Why more than one cause is acceptable, when it is. */
  undecidable?: string;
}

export interface ExpectedFaults {
  /** `ruleId target` -> what the check may say. */
  checks: Record<string, ExpectedCheck>;
  /** Acceptable `route/verified` pairs, e.g. `relay-udp/true`. */
  routes: string[];
  /** Hole punching must not be `available` (the network does not let UDP reach a peer). */
  holePunchingNotAvailable: boolean;
}

type Server = 'coturn' | 'coturn-denied' | 'coturn-quota' | 'web' | 'web-wrong-name' | 'web-expired' | 'block-page' | 'dead' | 'local' | 'unrouted';

function serverAt(address: string): Server {
  if (address === A || address === B) return 'coturn';
  if (address === FAULT_LAB.turnDenied) return 'coturn-denied';
  if (address === FAULT_LAB.turnQuota) return 'coturn-quota';
  if (address === W) return 'web';
  if (address === FAULT_LAB.wrongName) return 'web-wrong-name';
  if (address === FAULT_LAB.expired) return 'web-expired';
  if (address === FAULT_LAB.blockPage) return 'block-page';
  if (address === FAULT_LAB.dead) return 'dead';
  if (address === '0.0.0.0' || address === '127.0.0.1') return 'local';
  return 'unrouted';
}

interface Outcome {
  pass: boolean;
  /** The quota race: may pass or meet 486. */
  maybe?: boolean;
  /** Every cause that is true of this failure, first-row-wins order of causes.md. */
  truth: Cause[];
  undecidable?: string;
}

const ADDRESS_UNSEEN =
  'Chromium shows no server address for a failed STUN/TURN/HTTPS request (measured): a sinkhole, a dead server and an address filter look alike';

export function expectedFaults(spec: FaultSpec, index: number): ExpectedFaults {
  const defs = checkDefs(spec, index);
  const answers = dnsAnswers(spec);
  const f = spec.fault;
  const inspected = f.class === 'tls' && f.kind === 'transparent-untrusted';

  const outcome = (d: CheckDef): Outcome => {
    const address = answers[d.name];
    const firewall =
      address !== 'NXDOMAIN' && !routerLetsOut(spec, d.transport, d.port, serverAt(address) === 'coturn' || serverAt(address) === 'web' ? address : A);
    const sinkholed = f.class === 'dns' && f.answer !== 'nxdomain' && (f.names === 'all' || f.names === roleOf(d.name));
    const vendorClosed = f.class === 'vendor' && f.kind === 'udp-3478-closed' && d.transport === 'udp' && d.port === 3478 && address === A;
    if (address === 'NXDOMAIN') return { pass: false, truth: ['dns-filter'] };
    if (sinkholed) {
      // Nothing of the vendor's answers behind a wrong address; a firewall that also blocks the port is true as well.
      return { pass: false, truth: ['dns-filter', ...(firewall ? (['firewall'] as const) : [])], undecidable: ADDRESS_UNSEEN };
    }
    if (vendorClosed && !firewall) {
      return {
        pass: false,
        truth: ['vendor-server'],
        undecidable: 'a server silent on a port other addresses answer on: the vendor closed it, or a firewall filters by destination; Chromium cannot tell',
      };
    }
    if (firewall) {
      // The browser sees a firewall's signature only when the same name answered on another port
      // (or the other transport answered while two literal servers failed): a name silent on every
      // port may as well be sinkholed or down (docs/verdict.md, Causes).
      const sameNameAnswers = defs.some(
        (o) => o.name === d.name && o !== d && routerLetsOut(spec, o.transport, o.port, address) && answers[o.name] === address,
      );
      return sameNameAnswers
        ? { pass: false, truth: ['firewall'] }
        : {
            pass: false,
            truth: ['firewall'],
            undecidable: 'a name silent on every port it was tried on: a port filter, a sinkhole or a dead server look alike',
          };
    }
    if (inspected && d.transport === 'tcp' && d.port === 443) {
      return d.service === 'https'
        ? { pass: false, truth: ['proxy'] }
        : {
            pass: false,
            truth: ['proxy'],
            undecidable: 'turns: fails with the same "Failed to establish connection" as a refused port; the HTTPS check on 443 shows the inspection',
          };
    }
    const server = serverAt(address);
    switch (server) {
      case 'coturn':
      case 'coturn-denied':
        return { pass: true, truth: [] };
      case 'coturn-quota':
        // One allocation per user: the first of the run's allocations gets it, the others 486.
        return d.service === 'stun' ? { pass: true, truth: [] } : { pass: true, maybe: true, truth: ['vendor-server'] };
      case 'web':
        if (d.service === 'https') return { pass: true, truth: [] };
        // turns: on the vendor's web server: TLS completes, no TURN behind it. The app check shows the same host:443 answering HTTPS.
        return { pass: false, truth: ['vendor-server'] };
      case 'web-wrong-name':
        return { pass: false, truth: ['vendor-server'], undecidable: `${ADDRESS_UNSEEN}: a certificate for another name may be a block page's` };
      case 'web-expired':
        return { pass: false, truth: ['vendor-server'] };
      case 'dead':
        return { pass: false, truth: ['vendor-server'], undecidable: `${ADDRESS_UNSEEN}; the server's port is shown open only by the lab's own probe` };
      default:
        return { pass: false, truth: ['unknown'] };
    }
  };

  const checks: Record<string, ExpectedCheck> = {};
  for (const d of defs) {
    const o = outcome(d);
    const key = `${d.ruleId} ${d.url}`;
    if (o.maybe) {
      checks[key] = { status: 'pass-or-fail', causes: [null, ...o.truth] };
    } else if (o.pass) {
      // A relay that allocates but cannot carry data (denied-peer, a path that loses the DTLS handshake)
      // may be named on its check; never as a firewall.
      const relayFault =
        d.service !== 'stun' && d.service !== 'https' && ((f.class === 'vendor' && f.kind === 'denied-peer') || (d.transport === 'udp' && udpMax(f) !== null));
      checks[key] = relayFault
        ? {
            status: 'pass',
            causes: [null, f.class === 'vendor' ? 'vendor-server' : 'network-path', 'unknown'],
            undecidable: 'the check passed; the fault shows in the loopback calls',
          }
        : { status: 'pass', causes: [null] };
    } else {
      const causes: Cause[] = o.undecidable ? [...new Set<Cause>([...o.truth, 'unknown'])] : o.truth.slice(0, 1);
      checks[key] = { status: 'fail', causes, ...(o.undecidable ? { undecidable: o.undecidable } : {}) };
    }
  }

  // The district's reference STUN server (not the vendor's, no DNS name): it answers wherever the
  // router lets UDP 3478 out to it. Its silence beside the vendor's answer on the same port is a
  // destination filter (the firewall's); without any UDP answer it is the firewall or unknown.
  const referenceOut = routerLetsOut(spec, 'udp', 3478, LAB.referenceStunAddress);
  checks[`reference ${REFERENCE_STUN_URL}`] = referenceOut
    ? { status: 'pass', causes: [null] }
    : {
        status: 'fail',
        causes: ['firewall', 'unknown'],
        undecidable: 'silence on a port nothing answered on at a literal address: a port filter or the server',
      };
  // The same server on a port no rule names: it answers where the router lets UDP reach a peer's kind of port.
  checks[`reference ${REFERENCE_STUN_PEER_URL}`] = routerLetsOut(spec, 'udp', REFERENCE_PEER_PORT, LAB.referenceStunAddress)
    ? { status: 'pass', causes: [null] }
    : {
        status: 'fail',
        causes: ['firewall', 'unknown'],
        undecidable: 'silence on a port nothing answered on: a port filter, or the server (its answer on 3478 shows the host, when it came)',
      };

  // Routes: what works, by construction.
  const byRule = (ruleId: string) => defs.filter((d) => d.ruleId === ruleId);
  const one = (ruleId: string): CheckDef => {
    const d = byRule(ruleId)[0];
    if (!d) throw new Error(`fault-oracle: the profile has no ${ruleId} check`);
    return d;
  };
  const passes = (d: CheckDef) => outcome(d).pass;
  const turnServer = serverAt(answers.turn);
  // A relay carries a call when it allocates and two allocations can exchange data through the server.
  const relayCarries = (ruleId: 'turn-udp' | 'turn-tcp' | 'turn-tls') => {
    const d = one(ruleId);
    if (!passes(d) || turnServer === 'coturn-denied' || turnServer === 'coturn-quota') return false;
    // The relayed call's DTLS flight is 1251-1300 B on the client's UDP leg (measured): a smaller path limit kills it.
    return !(ruleId === 'turn-udp' && udpMax(f) !== null);
  };
  const stunAnswers = byRule('stun').some(passes);
  // Hole punching works when the NAT keeps one mapping and UDP of full size reaches any peer address.
  const peerUdp = routerLetsOut(spec, 'udp', 40000, FAULT_LAB.reference, 1300);
  const holePunchingWorks = stunAnswers && spec.base.nat !== 'symmetric' && peerUdp && udpMax(f) === null;
  const proven = (['relay-udp', 'relay-tcp', 'relay-tls'] as const).filter((r) =>
    relayCarries(r === 'relay-udp' ? 'turn-udp' : r === 'relay-tcp' ? 'turn-tcp' : 'turn-tls'),
  );
  const routes: string[] = [];
  if (holePunchingWorks) routes.push('hole-punching/true');
  if (proven.length > 0) routes.push(`${proven[0]}/true`);
  else {
    // Nothing proven: any route claimed must say it is unverified.
    if (holePunchingWorks || (stunAnswers && spec.base.nat !== 'symmetric')) routes.push('hole-punching/false');
    // A relay that allocated but carried nothing may be offered unverified; one that did not allocate may not.
    const allocated = (r: 'turn-udp' | 'turn-tcp' | 'turn-tls') => passes(one(r));
    if (allocated('turn-udp')) routes.push('relay-udp/false');
    if (allocated('turn-tcp')) routes.push('relay-tcp/false');
    if (allocated('turn-tls')) routes.push('relay-tls/false');
    routes.push('none/false');
  }
  return { checks, routes: [...new Set(routes)], holePunchingNotAvailable: !holePunchingWorks };
}
