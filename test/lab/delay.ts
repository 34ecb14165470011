import { resolve } from 'node:path';
import { inNetns, startDaemon, waitFor, type Daemon } from './exec';

const FORWARDER = resolve(import.meta.dirname, 'delay-forwarder.mjs');

export interface DelayOptions {
  /** Namespace the forwarder runs in (the lab's srv, beside the TURN server). */
  ns: string;
  listen: { host: string; port: number };
  /** The server it stands in front of. */
  target: { host: string; port: number };
  /** Each datagram, each direction, waits this long. */
  delayMs: number;
  /** Plus a uniform random 0..jitterMs of its own. */
  jitterMs?: number;
}

/**
 * A userspace UDP forwarder that delays every datagram (test/lab/delay-forwarder.mjs):
 * a slow path in front of a server, as this kernel has no netem. A datagram
 * through a TURN relay to another client of the same server crosses it twice
 * (client → server, server → other client), so a relayed round trip crosses it four times.
 */
export interface DelayForwarder extends Daemon {
  /** How long the datagrams since the last call were actually held, ms (timers fire late under load). */
  holds(): Promise<{ n: number; mean: number | null; median: number | null; p90: number | null; max: number | null }>;
}

export async function startDelayForwarder(options: DelayOptions): Promise<DelayForwarder> {
  const { ns, listen, target, delayMs, jitterMs = 0 } = options;
  const daemon = startDaemon('delay-forwarder', ns, process.execPath, [FORWARDER, JSON.stringify({ listen, target, delayMs, jitterMs })]);
  try {
    await waitFor('delay forwarder', async () =>
      (await inNetns(ns, 'ss', ['-Hlnu', 'sport', '=', `:${listen.port}`])).includes(`${listen.host}:${listen.port}`),
    );
  } catch (err) {
    await daemon.stop();
    throw new Error(`${(err as Error).message}\nforwarder said:\n${daemon.output()}`);
  }
  const holds = async () => {
    const before = daemon.output().length;
    process.kill(daemon.pid, 'SIGUSR2');
    let line: string | undefined;
    await waitFor('forwarder hold figures', async () => {
      line = /holds (\{.*\})/.exec(daemon.output().slice(before))?.[1];
      return line !== undefined;
    });
    return JSON.parse(line!) as Awaited<ReturnType<DelayForwarder['holds']>>;
  };
  return { ...daemon, holds };
}
