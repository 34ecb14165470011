import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inNetns, startDaemon, waitFor, type Daemon } from './exec';

/** What the lab's DNS server answers for one name: an IPv4 address (any, `0.0.0.0` included) or NXDOMAIN. */
export type DnsAnswer = string | 'NXDOMAIN';

export interface LabDns extends Daemon {
  /**
   * Replaces every answer: names listed get their A record, every other name
   * under `.lab.test` gets NXDOMAIN. Resolves once the server gives the new
   * answers (checked with `dig` on one changed name).
   */
  set(answers: Record<string, DnsAnswer>): Promise<void>;
}

const DNSMASQ = '/usr/sbin/dnsmasq';
/** A name only the harness asks for: its address counts the reloads. */
const GENERATION_NAME = 'dns-generation.lab.test';

/**
 * A DNS server (Debian's dnsmasq) on the loopback of namespace `ns`, where the
 * lab's /etc/netns/<ns>/resolv.conf points: the one resolver the LAN's
 * Chromium asks. Names come from a hosts file it re-reads on SIGHUP, so a
 * scenario changes answers without a restart; `.lab.test` is local (never
 * forwarded: there is no upstream), other names are REFUSED. Chromium
 * resolves UDP STUN/TURN names only through a real resolver, never through
 * /etc/hosts alone (FACTS.md).
 */
export async function startDns(ns: string, answers: Record<string, DnsAnswer> = {}): Promise<LabDns> {
  if (!existsSync(DNSMASQ)) throw new Error(`${DNSMASQ} is missing: install dnsmasq-base (scripts/install-system-deps.sh)`);
  const dir = await mkdtemp(join(tmpdir(), 'wnc-dns-'));
  await chmod(dir, 0o755);
  const hostsFile = join(dir, 'hosts');
  const write = (a: Record<string, DnsAnswer>) =>
    writeFile(
      hostsFile,
      Object.entries(a)
        .filter(([, answer]) => answer !== 'NXDOMAIN')
        .map(([name, address]) => `${address} ${name}`)
        .join('\n') + '\n',
    );
  await write(answers);
  const daemon = startDaemon('dnsmasq', ns, DNSMASQ, [
    '--keep-in-foreground',
    '--conf-file=/dev/null',
    '--no-resolv',
    '--no-hosts',
    `--addn-hosts=${hostsFile}`,
    '--local=/lab.test/',
    '--listen-address=127.0.0.1',
    '--bind-interfaces',
    '--port=53',
    '--pid-file=',
    '--user=root',
    // No cache: an answer changed with `set` is the next answer, whatever was asked before.
    '--cache-size=0',
    '--log-facility=-',
  ]);
  const dig = (name: string) => inNetns(ns, 'dig', ['+short', '+time=1', '+tries=1', '@127.0.0.1', name]);
  const cleanup = async () => {
    await daemon.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitFor('dnsmasq', async () => (await inNetns(ns, 'ss', ['-Hlnu', 'sport', '=', ':53'])).includes('127.0.0.1:53'));
  } catch (err) {
    await cleanup();
    throw new Error(`${(err as Error).message}\ndnsmasq said:\n${daemon.output()}`);
  }
  // Each set() also publishes a generation number as an address: seeing it proves the reload happened.
  let generation = 0;
  return {
    ...daemon,
    async set(next) {
      generation += 1;
      const marker = `127.${(generation >> 16) & 255}.${(generation >> 8) & 255}.${generation & 255}`;
      await write({ ...next, [GENERATION_NAME]: marker });
      process.kill(daemon.pid, 'SIGHUP');
      await waitFor(`dnsmasq reloading its answers (${GENERATION_NAME} = ${marker})`, async () => (await dig(GENERATION_NAME)).trim() === marker);
    },
    stop: cleanup,
  };
}
