import { mkdir, rm, writeFile } from 'node:fs/promises';
import { inNetns, sh, shQuiet } from './exec';

/**
 * The network lab: three namespaces in a row.
 *
 *   lan (Chromium) 10.99.0.2 ── 10.99.0.1 nat (router) 203.0.113.1 ── srv 203.0.113.10/.11/.20/.21 ── sink
 *
 * `nat` forwards and masquerades towards `srv`; nothing has a default route to
 * the real network, so a packet to any other address dies inside the lab.
 * 203.0.113.0/24 is TEST-NET-3 (RFC 5737): it belongs to no one.
 *
 * The servers are built as real ones are: a default route (into `sink`, a
 * namespace that forwards nothing, so what goes there vanishes silently) and
 * no route back to the LAN's private addresses, except in NAT mode `none`
 * where the router forwards them untranslated. With a route back in NAT modes,
 * coturn sent relay traffic straight to the client's private host address (a
 * path no real TURN server has); with no route at all its relay socket stopped
 * carrying data (ENETUNREACH). Measured: /work/shared/FACTS.md, "Lab realism".
 */
/**
 * The namespace prefix for this process: WNC_LAB_PREFIX (default `wnc-`), then,
 * inside a Vitest worker, the worker's number (`VITEST_POOL_ID`, 1 to
 * maxWorkers) and a dash: two e2e files running side by side each build their
 * own lab (`wnc-1-lan`, `wnc-2-lan`), and another checkout's prefix still keeps
 * its labs apart from both.
 */
export function labPrefix(env: Record<string, string | undefined>): string {
  const base = env.WNC_LAB_PREFIX ?? 'wnc-';
  return env.VITEST_POOL_ID ? `${base}${env.VITEST_POOL_ID}-` : base;
}

export const LAB = {
  /**
   * Namespace names start with this (labPrefix): WNC_LAB_PREFIX lets two checkouts run
   * their labs side by side (addresses live inside the namespaces, so they may repeat).
   */
  prefix: labPrefix(process.env),
  lanAddress: '10.99.0.2',
  routerLanAddress: '10.99.0.1',
  natWanAddress: '203.0.113.1',
  /** coturn listens on both: two STUN servers with different addresses, one socket. */
  turnAddresses: ['203.0.113.10', '203.0.113.11'] as const,
  /** HTTPS/WSS servers with a certificate from the lab CA. */
  webAddress: '203.0.113.20',
  /** HTTPS with a self-signed certificate, as an untrusted inspecting filter presents. */
  rogueAddress: '203.0.113.21',
  /**
   * A STUN server that is not the vendor's (a district's own, or a public one): the
   * profiles' `reference` rule. Its answer is what proves UDP reaches addresses beyond
   * the vendor's, which hole punching needs (docs/verdict.md, hole-punching.vendor-only).
   */
  referenceStunAddress: '203.0.113.40',
  /** The servers' default gateway, in the sink namespace (198.51.100.0/24 is TEST-NET-2). */
  sinkAddress: '198.51.100.1',
  srvSinkAddress: '198.51.100.2',
} as const;

const SERVER_ADDRESSES = [...LAB.turnAddresses, LAB.webAddress, LAB.rogueAddress, LAB.referenceStunAddress];

/** `none`: the router forwards without translating; servers route the LAN's addresses back to it. */
export type NatMode = 'masquerade' | 'symmetric' | 'none';

export interface LabOptions {
  /** `symmetric` maps each destination to its own port (`--random-fully`). */
  nat?: NatMode;
  /** Extra lines for /etc/hosts as seen from `lan`. */
  hosts?: Record<string, string>;
}

export interface Topology {
  readonly lan: string;
  readonly nat: string;
  readonly srv: string;
  /** Where the servers' default route leads: it forwards nothing. */
  readonly sink: string;
  /** Adds iptables rules in the router's FORWARD chain (e.g. `['-p','udp','-j','DROP']`). */
  forwardRule(rule: string[]): Promise<void>;
  /**
   * Adds a rule to the router's nat PREROUTING chain, e.g. a DNAT that sends
   * every outbound TCP 443 to an inspecting server (transparent interception).
   */
  preroutingRule(rule: string[]): Promise<void>;
  /** Adds a rule to the servers' own INPUT chain (a vendor's cloud firewall), e.g. dropping its relay ports. */
  serverRule(rule: string[]): Promise<void>;
  /** Switches the router between plain and symmetric NAT. */
  setNatMode(mode: NatMode): Promise<void>;
  /** Removes every rule added with `forwardRule`, `preroutingRule` and `serverRule`. */
  clearForwardRules(): Promise<void>;
  destroy(): Promise<void>;
}

const names = {
  lan: `${LAB.prefix}lan`,
  nat: `${LAB.prefix}nat`,
  srv: `${LAB.prefix}srv`,
  sink: `${LAB.prefix}sink`,
};

const LAN_NETWORK = '10.99.0.0/24';

/**
 * Sets the router's translation, and the servers' route back to the LAN with
 * it: only untranslated LAN addresses need one, as a real server has no route
 * to a school's private network.
 */
async function setNatMode(nat: string, srv: string, mode: NatMode): Promise<void> {
  await inNetns(nat, 'iptables', ['-t', 'nat', '-F', 'POSTROUTING']);
  await shQuiet('ip', ['netns', 'exec', srv, 'ip', 'route', 'del', LAN_NETWORK]);
  if (mode === 'none') {
    await inNetns(srv, 'ip', ['route', 'add', LAN_NETWORK, 'via', LAB.natWanAddress]);
    return;
  }
  const masquerade = ['-t', 'nat', '-A', 'POSTROUTING', '-o', 'outside', '-j', 'MASQUERADE'];
  // --random-fully picks a fresh source port per destination: endpoint-dependent mapping.
  if (mode === 'symmetric') masquerade.push('--random-fully');
  await inNetns(nat, 'iptables', masquerade);
}

async function destroyNamespaces(): Promise<void> {
  for (const ns of Object.values(names)) {
    await shQuiet('ip', ['netns', 'del', ns]);
    await rm(`/etc/netns/${ns}`, { recursive: true, force: true });
  }
}

export async function createTopology(options: LabOptions = {}): Promise<Topology> {
  if (process.getuid?.() !== 0) {
    throw new Error('The network lab needs root (ip netns, iptables). CI runs as root; locally use sudo.');
  }
  // A crashed earlier run may have left our namespaces behind; they are ours by prefix.
  await destroyNamespaces();
  const { lan, nat, srv, sink } = names;
  try {
    for (const ns of [lan, nat, srv, sink]) {
      await sh('ip', ['netns', 'add', ns]);
      await inNetns(ns, 'ip', ['link', 'set', 'lo', 'up']);
    }
    await sh('ip', ['link', 'add', 'lan0', 'netns', lan, 'type', 'veth', 'peer', 'name', 'inside', 'netns', nat]);
    await sh('ip', ['link', 'add', 'outside', 'netns', nat, 'type', 'veth', 'peer', 'name', 'srv0', 'netns', srv]);

    await inNetns(lan, 'ip', ['addr', 'add', `${LAB.lanAddress}/24`, 'dev', 'lan0']);
    await inNetns(lan, 'ip', ['link', 'set', 'lan0', 'up']);
    await inNetns(lan, 'ip', ['route', 'add', 'default', 'via', LAB.routerLanAddress]);

    await inNetns(nat, 'ip', ['addr', 'add', `${LAB.routerLanAddress}/24`, 'dev', 'inside']);
    await inNetns(nat, 'ip', ['addr', 'add', `${LAB.natWanAddress}/24`, 'dev', 'outside']);
    await inNetns(nat, 'ip', ['link', 'set', 'inside', 'up']);
    await inNetns(nat, 'ip', ['link', 'set', 'outside', 'up']);
    await inNetns(nat, 'sysctl', ['-qw', 'net.ipv4.ip_forward=1']);

    for (const address of SERVER_ADDRESSES) {
      await inNetns(srv, 'ip', ['addr', 'add', `${address}/24`, 'dev', 'srv0']);
    }
    await inNetns(srv, 'ip', ['link', 'set', 'srv0', 'up']);
    await sh('ip', ['link', 'add', 'sink0', 'netns', srv, 'type', 'veth', 'peer', 'name', 'in0', 'netns', sink]);
    await inNetns(srv, 'ip', ['addr', 'add', `${LAB.srvSinkAddress}/24`, 'dev', 'sink0']);
    await inNetns(srv, 'ip', ['link', 'set', 'sink0', 'up']);
    await inNetns(sink, 'ip', ['addr', 'add', `${LAB.sinkAddress}/24`, 'dev', 'in0']);
    await inNetns(sink, 'ip', ['link', 'set', 'in0', 'up']);
    // The sink keeps ip_forward off (a new namespace's default): what it is sent ends there, without an ICMP error.
    await inNetns(srv, 'ip', ['route', 'add', 'default', 'via', LAB.sinkAddress]);
    await setNatMode(nat, srv, options.nat ?? 'masquerade');

    const hosts = Object.entries(options.hosts ?? {}).map(([name, address]) => `${address} ${name}`);
    await mkdir(`/etc/netns/${lan}`, { recursive: true });
    await writeFile(`/etc/netns/${lan}/hosts`, ['127.0.0.1 localhost', ...hosts, ''].join('\n'));
    // No resolver answers on the lab's loopback: a name missing from hosts
    // fails at once instead of sending a query towards the real network.
    await writeFile(`/etc/netns/${lan}/resolv.conf`, 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n');
  } catch (err) {
    await destroyNamespaces();
    throw err;
  }

  return {
    lan,
    nat,
    srv,
    sink,
    async forwardRule(rule) {
      await inNetns(nat, 'iptables', ['-A', 'FORWARD', ...rule]);
    },
    setNatMode: (mode) => setNatMode(nat, srv, mode),
    async preroutingRule(rule) {
      await inNetns(nat, 'iptables', ['-t', 'nat', '-A', 'PREROUTING', ...rule]);
    },
    async serverRule(rule) {
      await inNetns(srv, 'iptables', ['-A', 'INPUT', ...rule]);
    },
    async clearForwardRules() {
      await inNetns(nat, 'iptables', ['-F', 'FORWARD']);
      await inNetns(nat, 'iptables', ['-t', 'nat', '-F', 'PREROUTING']);
      await inNetns(srv, 'iptables', ['-F', 'INPUT']);
    },
    destroy: destroyNamespaces,
  };
}
