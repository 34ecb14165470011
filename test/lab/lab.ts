import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { makeLabCerts, type LabCerts } from './certs';
import { startCoturn } from './coturn';
import { inNetns, startDaemon, waitFor, type Daemon } from './exec';
import { createTopology, LAB, type LabOptions, type Topology } from './topology';
import { timed } from '../support/phases';

export { LAB };

/** Names the lab's Chromium resolves (through /etc/netns/<lan>/hosts). */
export const LAB_HOSTS = {
  turn: 'turn.lab.test',
  turn2: 'turn2.lab.test',
  web: 'web.lab.test',
  rogue: 'rogue.lab.test',
  /** Deliberately absent from the hosts file: resolves to nothing. */
  unresolvable: 'nowhere.lab.test',
} as const;

/** Ports of the lab's web servers on LAB.webAddress. */
export const WEB_PORTS = {
  /** HTTPS + WebSocket, trusted certificate. */
  web: 443,
  /** HTTPS that refuses WebSocket upgrades (403), as a filtering proxy would. */
  noUpgrade: 8443,
  /** Accepts TCP and never answers. */
  silent: 9443,
  /** Nothing listens: the kernel refuses. */
  closed: 4444,
} as const;

export const TURN_TLS_PORT = 443;

/**
 * The lab's coturn also answers STUN/TURN on this port, on both addresses: a
 * vendor STUN server on a second UDP port (19302, as Google's), which is what
 * tells "UDP reaches more than one port" and "UDP only to 3478" apart.
 */
export const STUN_ALT_PORT = 19302;

/**
 * A STUN server outside the vendor's addresses (LAB.referenceStunAddress), for the profiles'
 * `reference` rule: the only evidence a run can have that UDP reaches a peer's address,
 * not just the vendor's (docs/verdict.md, hole-punching.vendor-only).
 */
export const REFERENCE_STUN_URL = `stun:${LAB.referenceStunAddress}:3478`;

/**
 * A port no lab profile's guide names, where a peer's NAT might map (the fault lab's
 * ground-truth peer echo uses it too): the reference's answer here is the one proof that
 * UDP reaches a peer's address and a peer's port at once (docs/verdict.md, hole-punching.guide-ports-only).
 */
export const REFERENCE_PEER_PORT = 40000;
export const REFERENCE_STUN_PEER_URL = `stun:${LAB.referenceStunAddress}:${REFERENCE_PEER_PORT}`;

/** The profile rule naming the lab's reference STUN server, on the guide's port 3478 and on a peer's kind of port. */
export const REFERENCE_STUN_RULE = {
  id: 'reference',
  kind: 'stun',
  purpose: 'Reference: UDP to an address outside the vendor’s (hole punching)',
  required: false,
  reference: true,
  urls: [REFERENCE_STUN_URL, REFERENCE_STUN_PEER_URL],
} as const;

/**
 * A second coturn, on LAB.turnAddresses[1], that advertises a private relay
 * address (`--external-ip`), as a vendor server behind NAT advertising its
 * inside address does. Allocations succeed; peers outside could never send to it.
 */
export const MISCONFIGURED_TURN = { port: 3480, advertisedRelayIp: '192.168.77.7' } as const;

export const TURN_CREDENTIALS = { username: 'lab-user', credential: 'lab-secret-7f3a' } as const;

export interface Lab {
  topology: Topology;
  certs: LabCerts;
  /** HOME for Chromium so it trusts the lab CA. */
  chromiumHome: string;
  stop(): Promise<void>;
}

const WEB_SERVER = resolve(import.meta.dirname, 'web-server.mjs');

/**
 * The whole lab: namespaces, certificates, coturn (UDP/TCP 3478 on two
 * addresses, TLS on 443) and the web servers. `stop` tears everything down
 * and is safe to call after a partial start.
 */
export function startLab(options: Omit<LabOptions, 'hosts'> = {}): Promise<Lab> {
  return timed('lab build', () => buildLab(options));
}

async function buildLab(options: Omit<LabOptions, 'hosts'>): Promise<Lab> {
  const daemons: Daemon[] = [];
  let topology: Topology | undefined;
  let certs: LabCerts | undefined;
  const stop = () =>
    timed('lab stop', async () => {
      for (const d of daemons.reverse()) await d.stop();
      await topology?.destroy();
      if (certs) await rm(certs.dir, { recursive: true, force: true });
    });
  try {
    topology = await createTopology({
      ...options,
      hosts: {
        [LAB_HOSTS.turn]: LAB.turnAddresses[0],
        [LAB_HOSTS.turn2]: LAB.turnAddresses[1],
        [LAB_HOSTS.web]: LAB.webAddress,
        [LAB_HOSTS.rogue]: LAB.rogueAddress,
      },
    });
    // `*.lab.test`: the fault networks give each network names of its own (test/lab/fault-lab.ts).
    certs = await makeLabCerts([...Object.values(LAB_HOSTS), '*.lab.test'], [...LAB.turnAddresses, LAB.webAddress, LAB.rogueAddress]);
    daemons.push(
      await startCoturn({
        ns: topology.srv,
        listeningIps: LAB.turnAddresses,
        user: TURN_CREDENTIALS.username,
        password: TURN_CREDENTIALS.credential,
        tls: { port: TURN_TLS_PORT, cert: certs.serverCert, key: certs.serverKey },
        altPort: STUN_ALT_PORT,
      }),
    );
    daemons.push(
      await startCoturn({
        ns: topology.srv,
        listeningIps: [LAB.turnAddresses[1]],
        port: MISCONFIGURED_TURN.port,
        user: TURN_CREDENTIALS.username,
        password: TURN_CREDENTIALS.credential,
        relayIp: LAB.turnAddresses[1],
        advertisedRelayIp: MISCONFIGURED_TURN.advertisedRelayIp,
        relayPorts: [50000, 50999],
      }),
    );
    // The district's own STUN server, not the vendor's: the profiles' `reference` rule.
    daemons.push(
      await startCoturn({
        ns: topology.srv,
        listeningIps: [LAB.referenceStunAddress],
        user: TURN_CREDENTIALS.username,
        password: TURN_CREDENTIALS.credential,
        relayPorts: [53000, 53999],
        extraArgs: ['--stun-only'],
      }),
    );
    daemons.push(
      await startCoturn({
        ns: topology.srv,
        listeningIps: [LAB.referenceStunAddress],
        port: REFERENCE_PEER_PORT,
        user: TURN_CREDENTIALS.username,
        password: TURN_CREDENTIALS.credential,
        relayPorts: [54000, 54999],
        extraArgs: ['--stun-only'],
      }),
    );
    const tls = { cert: certs.serverCert, key: certs.serverKey };
    const config = {
      listeners: [
        { host: LAB.webAddress, port: WEB_PORTS.web, mode: 'web', ...tls },
        { host: LAB.webAddress, port: WEB_PORTS.noUpgrade, mode: 'no-upgrade', ...tls },
        { host: LAB.webAddress, port: WEB_PORTS.silent, mode: 'silent' },
        { host: LAB.rogueAddress, port: 443, mode: 'web', cert: certs.rogueCert, key: certs.rogueKey },
      ],
    };
    const web = startDaemon('web-server', topology.srv, process.execPath, [WEB_SERVER, JSON.stringify(config)]);
    daemons.push(web);
    const srv = topology.srv;
    await waitFor('lab web servers', async () => {
      const out = await inNetns(srv, 'ss', ['-Hlnt']);
      return config.listeners.every((l) => out.includes(`${l.host}:${l.port}`));
    }).catch((err: Error) => {
      throw new Error(`${err.message}\nweb server said:\n${web.output()}`);
    });
    return { topology, certs, chromiumHome: certs.chromiumHome, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
