import { inNetns, startDaemon, waitFor, type Daemon } from './exec';

export interface CoturnOptions {
  ns: string;
  listeningIps: readonly string[];
  port?: number;
  user: string;
  password: string;
  realm?: string;
  /** Address relayed candidates get; coturn would otherwise rotate over every listening IP. */
  relayIp?: string;
  /** TURN over TLS (turns:) on this port with this certificate, e.g. 443 as corporate networks allow. */
  tls?: { port: number; cert: string; key: string };
  /**
   * coturn's alternative listening port (RFC 5780), a full STUN/TURN listener on
   * UDP and TCP of every listening IP (measured); coturn opens it only with two or
   * more listening IPs.
   */
  altPort?: number;
  /** Address coturn advertises for relays instead of `relayIp` (`--external-ip`), as a server behind NAT misconfigured would. */
  advertisedRelayIp?: string;
  /** Relay port range; two coturns on one relay IP need ranges of their own. Default 49152-49999. */
  relayPorts?: [number, number];
  /** Further turnserver flags, e.g. `--denied-peer-ip=…` or `--user-quota=1` (the lab's vendor faults). */
  extraArgs?: string[];
}

/**
 * Starts Debian's coturn in a namespace with long-term credentials, UDP and
 * TCP on `port` (3478 by default), and waits until both sockets listen.
 */
export async function startCoturn(options: CoturnOptions): Promise<Daemon> {
  const port = options.port ?? 3478;
  const args = [
    '-n', // no config file: everything is on this line
    '--lt-cred-mech',
    `--user=${options.user}:${options.password}`,
    `--realm=${options.realm ?? 'lab.test'}`,
    '--no-cli',
    ...(options.tls ? [`--tls-listening-port=${options.tls.port}`, `--cert=${options.tls.cert}`, `--pkey=${options.tls.key}`] : ['--no-tls']),
    '--no-dtls',
    `--listening-port=${port}`,
    ...options.listeningIps.map((ip) => `--listening-ip=${ip}`),
    `--relay-ip=${options.relayIp ?? options.listeningIps[0]}`,
    ...(options.altPort ? [`--alt-listening-port=${options.altPort}`] : []),
    ...(options.advertisedRelayIp ? [`--external-ip=${options.advertisedRelayIp}`] : []),
    `--min-port=${options.relayPorts?.[0] ?? 49152}`,
    `--max-port=${options.relayPorts?.[1] ?? 49999}`,
    ...(options.extraArgs ?? []),
    '--log-file=stdout',
    '--simple-log',
    `--pidfile=/tmp/wnc-coturn-${process.pid}-${options.listeningIps[0]}-${port}.pid`,
  ];
  const daemon = startDaemon('coturn', options.ns, 'turnserver', args);
  const listening = async (proto: '-u' | '-t', p: number) => {
    const out = await inNetns(options.ns, 'ss', ['-Hln', proto, 'sport', '=', `:${p}`]);
    return options.listeningIps.every((ip) => out.includes(`${ip}:${p}`));
  };
  const ready = async () =>
    (await listening('-u', port)) &&
    (await listening('-t', port)) &&
    (!options.altPort || (await listening('-u', options.altPort))) &&
    (!options.tls || (await listening('-t', options.tls.port)));
  try {
    await waitFor(`coturn on port ${port}`, ready);
  } catch (err) {
    await daemon.stop();
    throw new Error(`${(err as Error).message}\ncoturn said:\n${daemon.output()}`);
  }
  return daemon;
}
