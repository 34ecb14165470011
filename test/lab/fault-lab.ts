import { resolve } from 'node:path';
import { makeLeafCert } from './certs';
import { startCoturn } from './coturn';
import { startDns, type LabDns } from './dns';
import { inNetns, startDaemon, waitFor, type Daemon } from './exec';
import { LAB, TURN_CREDENTIALS, type Lab } from './lab';
import { makeUntrustedCa } from './proxy';

/**
 * The servers the fault networks need besides the ordinary lab's, all in the
 * `srv` namespace on addresses of their own (TEST-NET-3), plus the LAN's DNS
 * server. Which of them a network uses is decided by DNS answers, iptables
 * and the profile (test/e2e/fault-oracle.ts), not by restarting anything.
 */
export const FAULT_LAB = {
  /** coturn refusing to relay to any lab address (`--denied-peer-ip`): CreatePermission gets 403. */
  turnDenied: '203.0.113.12',
  /** coturn allowing one allocation per user (`--user-quota=1`): a second one gets 486. */
  turnQuota: '203.0.113.13',
  /** An address that answers nothing (its INPUT is dropped when a network uses it): a dead server. */
  dead: '203.0.113.14',
  /** A DNS filter's block page: HTTPS with a certificate for its own name, nothing on 3478. */
  blockPage: '203.0.113.30',
  /** A vendor web server whose certificate is for another name (trusted issuer). */
  wrongName: '203.0.113.31',
  /** A vendor web server whose certificate expired (trusted issuer, right name). */
  expired: '203.0.113.32',
  /** Where the router's DNAT sends TCP 443 under transparent inspection: a certificate from an untrusted CA. */
  inspector: '203.0.113.33',
  /**
   * Not the vendor's: UDP echoes and TCP listeners on the ports the profile
   * uses and on a high port, the ground truth for "the network lets
   * (protocol, port) out to any address" and for packet sizes.
   */
  reference: '203.0.113.50',
  referenceUdpPorts: [3478, 19302, 40000],
  referenceTcpPorts: [443, 3478],
  /** The block page's certificate names this, never a vendor name. */
  blockPageName: 'blocked.filter.test',
  wrongCertName: 'www.other-vendor.test',
} as const;

const RELAY_RANGES = { denied: [51000, 51999], quota: [52000, 52999] } as const;

export interface FaultServers {
  dns: LabDns;
  /** The untrusted CA the transparent inspector signs with (Chromium does not trust it). */
  inspectorCa: { cert: string; key: string };
  stop(): Promise<void>;
}

const WEB_SERVER = resolve(import.meta.dirname, 'web-server.mjs');
export const REACH_PROBE = resolve(import.meta.dirname, 'reach-probe.mjs');

/**
 * Starts the fault servers on a running lab: addresses, two more coturns,
 * the HTTPS servers with wrong, expired and untrusted certificates, the UDP
 * echo and the LAN's DNS server. `stop` undoes it (the lab's own stop removes
 * the namespaces anyway).
 */
export async function startFaultServers(lab: Lab): Promise<FaultServers> {
  const { srv, lan } = lab.topology;
  const daemons: Daemon[] = [];
  const stop = async () => {
    for (const d of daemons.reverse()) await d.stop();
  };
  try {
    const addresses = [
      FAULT_LAB.turnDenied,
      FAULT_LAB.turnQuota,
      FAULT_LAB.dead,
      FAULT_LAB.blockPage,
      FAULT_LAB.wrongName,
      FAULT_LAB.expired,
      FAULT_LAB.inspector,
      FAULT_LAB.reference,
    ];
    for (const address of addresses) await inNetns(srv, 'ip', ['addr', 'add', `${address}/24`, 'dev', 'srv0']);

    const dir = lab.certs.dir;
    const labCa = { cert: lab.certs.caCert, key: lab.certs.caKey };
    const vendorNames = ['*.lab.test'];
    const blockPage = await makeLeafCert({ dir, base: 'block-page', ca: labCa, names: [FAULT_LAB.blockPageName] });
    const wrongName = await makeLeafCert({ dir, base: 'wrong-name', ca: labCa, names: [FAULT_LAB.wrongCertName] });
    const expired = await makeLeafCert({ dir, base: 'expired', ca: labCa, names: vendorNames, days: -1 });
    // An inspector mints a certificate for the name asked, from its own CA, which nobody rolled out here.
    const filterCa = await makeUntrustedCa(dir);
    const inspected = await makeLeafCert({ dir, base: 'inspected', ca: filterCa, names: vendorNames, ips: [...LAB.turnAddresses, LAB.webAddress] });

    const listeners = [
      { host: FAULT_LAB.blockPage, port: 443, mode: 'web', ...blockPage },
      { host: FAULT_LAB.wrongName, port: 443, mode: 'web', ...wrongName },
      { host: FAULT_LAB.expired, port: 443, mode: 'web', ...expired },
      { host: FAULT_LAB.inspector, port: 443, mode: 'web', ...inspected },
    ];
    const web = startDaemon('fault web servers', srv, process.execPath, [WEB_SERVER, JSON.stringify({ listeners })]);
    daemons.push(web);
    await waitFor('fault web servers', async () => {
      const out = await inNetns(srv, 'ss', ['-Hlnt']);
      return listeners.every((l) => out.includes(`${l.host}:${l.port}`));
    }).catch((err: Error) => {
      throw new Error(`${err.message}\nweb server said:\n${web.output()}`);
    });

    const tls = { port: 443, cert: lab.certs.serverCert, key: lab.certs.serverKey };
    const common = { ns: srv, user: TURN_CREDENTIALS.username, password: TURN_CREDENTIALS.credential, tls };
    daemons.push(
      await startCoturn({
        ...common,
        listeningIps: [FAULT_LAB.turnDenied],
        relayPorts: [...RELAY_RANGES.denied],
        // Every address of the lab's servers and its router: no relay to any peer is allowed.
        extraArgs: ['--denied-peer-ip=203.0.113.0-203.0.113.255', '--denied-peer-ip=10.0.0.0-10.255.255.255'],
      }),
    );
    daemons.push(await startCoturn({ ...common, listeningIps: [FAULT_LAB.turnQuota], relayPorts: [...RELAY_RANGES.quota], extraArgs: ['--user-quota=1'] }));

    const { reference, referenceUdpPorts, referenceTcpPorts } = FAULT_LAB;
    daemons.push(
      startDaemon('reference echo', srv, process.execPath, [REACH_PROBE, 'echo', reference, referenceUdpPorts.join(','), referenceTcpPorts.join(',')]),
    );
    await waitFor('reference echo', async () => {
      const [udp, tcp] = await Promise.all([inNetns(srv, 'ss', ['-Hlnu']), inNetns(srv, 'ss', ['-Hlnt'])]);
      return referenceUdpPorts.every((p) => udp.includes(`${reference}:${p}`)) && referenceTcpPorts.every((p) => tcp.includes(`${reference}:${p}`));
    });

    const dns = await startDns(lan);
    daemons.push(dns);
    return { dns, inspectorCa: filterCa, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
