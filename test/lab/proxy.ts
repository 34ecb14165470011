import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCa } from './certs';
import { inNetns, sh, startDaemon, waitFor, type Daemon } from './exec';

/**
 * What kind of explicit HTTP proxy the lab runs (Debian's squid-openssl):
 * - `open`: tunnels CONNECT to any port but `denyPorts` (403), as a plain corporate proxy does.
 * - `auth`: the same, but only for clients that log in (Basic): Chromium has no credentials.
 * - `bump`: TLS interception (ssl-bump) with `ca`, which strips WebSocket
 *   `Upgrade` headers unless `upgrades` is true (Squid's default without
 *   `http_upgrade_request_protocols`).
 */
export type ProxyShape = { kind: 'open'; denyPorts?: number[] } | { kind: 'auth' } | { kind: 'bump'; ca: { cert: string; key: string }; upgrades: boolean };

export interface ProxyOptions {
  /** Namespace squid runs in (the lab's router). */
  ns: string;
  listenAddress: string;
  port: number;
  shape: ProxyShape;
  /** Name -> address, for squid's own lookups (Chromium hands host names to the proxy). */
  hosts: Record<string, string>;
  /** Addresses squid may connect to (CIDR), besides `*.lab.test`. */
  labNetwork: string;
  /** CA squid trusts for its own connections to the servers when it intercepts. */
  upstreamCa: string;
}

export interface LabProxy extends Daemon {
  /** `address:port` for Chromium's `--proxy-server`. */
  readonly server: string;
  /** Squid's access log: one line per request, e.g. `TCP_DENIED/407 … CONNECT web.lab.test:443`. */
  accessLog(): Promise<string>;
}

const SQUID = '/usr/sbin/squid';
const SQUID_HELPERS = '/usr/lib/squid';
/** Squid drops root for this user: it must read the config and write its files. */
const SQUID_USER = 'proxy';

function squidConfig(dir: string, o: ProxyOptions): string {
  const f = (name: string) => join(dir, name);
  const listen = `${o.listenAddress}:${o.port}`;
  const lines = [
    `pid_filename ${f('squid.pid')}`,
    `cache_log ${f('cache.log')}`,
    `access_log stdio:${f('access.log')} squid`,
    'cache_store_log none',
    `coredump_dir ${dir}`,
    'cache deny all',
    'cache_mem 8 MB',
    'pinger_enable off',
    'netdb_filename none',
    // Stop at once on SIGTERM instead of draining clients for 30 s.
    'shutdown_lifetime 0 seconds',
    'visible_hostname lab-proxy',
    // Names come from our hosts file; no DNS query leaves the namespace.
    `hosts_file ${f('hosts')}`,
    'dns_nameservers 127.0.0.1',
    'dns_timeout 2 seconds',
    'forwarded_for delete',
    // Only lab hosts: Chromium's own background requests (time, update checks)
    // reach the proxy too, and must go nowhere.
    'acl lab dstdomain .lab.test',
    `acl labnet dst ${o.labNetwork}`,
    'http_access deny !lab !labnet',
  ];
  const shape = o.shape;
  if (shape.kind === 'bump') {
    lines.push(
      `http_port ${listen} ssl-bump tls-cert=${f('bump-ca.pem')} tls-key=${f('bump-ca.key')} generate-host-certificates=on dynamic_cert_mem_cache_size=4MB`,
      `sslcrtd_program ${SQUID_HELPERS}/security_file_certgen -s ${f('ssl_db')} -M 4MB`,
      'sslcrtd_children 2 startup=1 idle=1',
      `tls_outgoing_options cafile=${f('upstream-ca.pem')}`,
      'acl step1 at_step SslBump1',
      'ssl_bump peek step1',
      'ssl_bump bump all',
      // Without this line Squid removes `Upgrade` from every request it can see.
      // Names are case-sensitive and browsers send `websocket`: the docs'
      // example `WebSocket` matches nothing (measured: upgrades still stripped).
      ...(shape.upgrades ? ['http_upgrade_request_protocols websocket allow all'] : []),
      'http_access allow all',
    );
  } else {
    lines.push(`http_port ${listen}`);
    if (shape.kind === 'open' && shape.denyPorts?.length) {
      lines.push(`acl denied port ${shape.denyPorts.join(' ')}`, 'http_access deny denied');
    }
    if (shape.kind === 'auth') {
      lines.push(
        `auth_param basic program ${SQUID_HELPERS}/basic_ncsa_auth ${f('passwd')}`,
        'auth_param basic children 1 startup=1 idle=1',
        'auth_param basic realm WebRTC Network Check lab proxy',
        'acl authed proxy_auth REQUIRED',
        'http_access deny !authed',
      );
    }
    lines.push('http_access allow all');
  }
  return lines.join('\n') + '\n';
}

/**
 * Starts squid in the foreground (`-N`, so the PID we hold is squid's own)
 * with every file in a temp dir, and waits until it listens. `stop` kills it
 * and removes the dir; a failed start cleans up before it throws.
 */
export async function startProxy(o: ProxyOptions): Promise<LabProxy> {
  if (!existsSync(SQUID)) throw new Error(`${SQUID} is missing: install squid-openssl (scripts/install-system-deps.sh)`);
  const dir = await mkdtemp(join(tmpdir(), 'wnc-squid-'));
  const f = (name: string) => join(dir, name);
  let daemon: Daemon | undefined;
  const cleanup = async () => {
    await daemon?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const { uid, gid } = await squidUser();
    await writeFile(
      f('hosts'),
      Object.entries(o.hosts)
        .map(([name, ip]) => `${ip} ${name}`)
        .join('\n') + '\n',
    );
    await writeFile(f('upstream-ca.pem'), await readFile(o.upstreamCa));
    if (o.shape.kind === 'auth') {
      // A user exists, but Chromium is never given the password: every request meets 407.
      const hash = (await sh('openssl', ['passwd', '-apr1', 'lab-proxy-secret'])).trim();
      await writeFile(f('passwd'), `lab-user:${hash}\n`);
    }
    if (o.shape.kind === 'bump') {
      await writeFile(f('bump-ca.pem'), await readFile(o.shape.ca.cert));
      await writeFile(f('bump-ca.key'), await readFile(o.shape.ca.key));
      await sh(`${SQUID_HELPERS}/security_file_certgen`, ['-c', '-s', f('ssl_db'), '-M', '4MB']);
    }
    await writeFile(f('squid.conf'), squidConfig(dir, o));
    // Squid drops root before it opens its logs: the whole dir is the proxy user's, and nobody else's.
    await sh('chown', ['-R', `${uid}:${gid}`, dir]);
    await chmod(dir, 0o700);

    daemon = startDaemon('squid', o.ns, SQUID, ['-N', '-f', f('squid.conf')]);
    const d = daemon;
    let exited = false;
    const failure = async (message: string) => {
      const log = await readFile(f('cache.log'), 'utf8').catch(() => '');
      return new Error(`${message}\nsquid said:\n${d.output()}\n${log}`);
    };
    await waitFor(`squid on ${o.listenAddress}:${o.port}`, async () => {
      if (!alive(d.pid)) return (exited = true);
      const out = await inNetns(o.ns, 'ss', ['-Hlnt', 'sport', '=', `:${o.port}`]);
      return out.includes(`${o.listenAddress}:${o.port}`);
    }).catch(async (err: Error) => {
      throw await failure(err.message);
    });
    if (exited) throw await failure('squid exited during start-up');
    return {
      name: d.name,
      pid: d.pid,
      output: d.output,
      server: `${o.listenAddress}:${o.port}`,
      accessLog: () => readFile(f('access.log'), 'utf8').catch(() => ''),
      stop: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function squidUser(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([sh('id', ['-u', SQUID_USER]), sh('id', ['-g', SQUID_USER])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** A CA the lab's Chromium does not trust: what an inspecting filter nobody rolled out looks like. */
export async function makeUntrustedCa(dir: string): Promise<{ cert: string; key: string }> {
  const cert = join(dir, 'filter-ca.pem');
  const key = join(dir, 'filter-ca.key');
  await makeCa('Inspecting filter CA', key, cert);
  return { cert, key };
}

/** A CA the lab's Chromium trusts (added to its NSS db): what a filter rolled out by IT looks like. */
export async function makeTrustedCa(dir: string, chromiumHome: string): Promise<{ cert: string; key: string }> {
  const cert = join(dir, 'it-filter-ca.pem');
  const key = join(dir, 'it-filter-ca.key');
  await makeCa('School IT inspecting filter CA', key, cert);
  await sh('certutil', ['-d', `sql:${join(chromiumHome, '.pki', 'nssdb')}`, '-A', '-n', 'it-filter-ca', '-t', 'C,,', '-i', cert]);
  return { cert, key };
}
