import { mkdir, rm, writeFile } from 'node:fs/promises';
import { inNetns, sh, shQuiet } from './exec';

/**
 * The network lab: three namespaces in a row.
 *
 *   lan (Chromium) 10.99.0.2 ── 10.99.0.1 nat (router) 203.0.113.1 ── srv 203.0.113.10/.11/.20/.21
 *
 * `nat` forwards and masquerades towards `srv`; nothing has a default route to
 * the real network, so a packet to any other address dies inside the lab.
 * 203.0.113.0/24 is TEST-NET-3 (RFC 5737): it belongs to no one.
 */
export const LAB = {
  /**
   * Namespace names start with this; WNC_LAB_PREFIX lets two checkouts run
   * their labs side by side (addresses live inside the namespaces, so they may repeat).
   */
  prefix: process.env.WNC_LAB_PREFIX ?? 'wnc-',
  lanAddress: '10.99.0.2',
  routerLanAddress: '10.99.0.1',
  natWanAddress: '203.0.113.1',
  /** coturn listens on both: two STUN servers with different addresses, one socket. */
  turnAddresses: ['203.0.113.10', '203.0.113.11'] as const,
  /** HTTPS/WSS servers with a certificate from the lab CA. */
  webAddress: '203.0.113.20',
  /** HTTPS with a self-signed certificate, as an untrusted inspecting filter presents. */
  rogueAddress: '203.0.113.21',
} as const;

const SERVER_ADDRESSES = [...LAB.turnAddresses, LAB.webAddress, LAB.rogueAddress];

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
  /** Adds iptables rules in the router's FORWARD chain (e.g. `['-p','udp','-j','DROP']`). */
  forwardRule(rule: string[]): Promise<void>;
  /** Switches the router between plain and symmetric NAT. */
  setNatMode(mode: NatMode): Promise<void>;
  /** Removes every rule added with `forwardRule`. */
  clearForwardRules(): Promise<void>;
  destroy(): Promise<void>;
}

const names = {
  lan: `${LAB.prefix}lan`,
  nat: `${LAB.prefix}nat`,
  srv: `${LAB.prefix}srv`,
};

async function setNatMode(nat: string, mode: NatMode): Promise<void> {
  await inNetns(nat, 'iptables', ['-t', 'nat', '-F', 'POSTROUTING']);
  if (mode === 'none') return;
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
  const { lan, nat, srv } = names;
  try {
    for (const ns of [lan, nat, srv]) {
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
    await setNatMode(nat, options.nat ?? 'masquerade');

    for (const address of SERVER_ADDRESSES) {
      await inNetns(srv, 'ip', ['addr', 'add', `${address}/24`, 'dev', 'srv0']);
    }
    await inNetns(srv, 'ip', ['link', 'set', 'srv0', 'up']);
    // Only used with NAT mode `none`: behind a NAT the servers never see a LAN address.
    await inNetns(srv, 'ip', ['route', 'add', '10.99.0.0/24', 'via', LAB.natWanAddress]);

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
    async forwardRule(rule) {
      await inNetns(nat, 'iptables', ['-A', 'FORWARD', ...rule]);
    },
    setNatMode: (mode) => setNatMode(nat, mode),
    async clearForwardRules() {
      await inNetns(nat, 'iptables', ['-F', 'FORWARD']);
    },
    destroy: destroyNamespaces,
  };
}
