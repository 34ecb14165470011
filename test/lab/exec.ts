import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Runs a command to completion; throws with its stderr when it fails. */
export async function sh(cmd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(cmd, args, { encoding: 'utf8' });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.stderr?.trim() || e.message}`);
  }
}

/** Runs a command and ignores failure (for idempotent teardown steps). */
export async function shQuiet(cmd: string, args: string[]): Promise<void> {
  await sh(cmd, args).catch(() => undefined);
}

/** Runs a command inside a network namespace. */
export function inNetns(ns: string, cmd: string, args: string[]): Promise<string> {
  return sh('ip', ['netns', 'exec', ns, cmd, ...args]);
}

/** A long-running process the harness started, with its output kept for failure messages. */
export interface Daemon {
  readonly name: string;
  readonly pid: number;
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts a process inside a namespace. `ip netns exec` execs the command in
 * place, so the PID we hold is the daemon's own and `stop` kills only it.
 */
export function startDaemon(name: string, ns: string, cmd: string, args: string[]): Daemon {
  const child: ChildProcess = spawn('ip', ['netns', 'exec', ns, cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid === undefined) throw new Error(`${name}: could not start ${cmd}`);
  const pid = child.pid;
  return {
    name,
    pid,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killed = await Promise.race([exited.then(() => true), delay(3_000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns true or `timeoutMs` passes. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await probe().catch(() => false)) return;
    await delay(50);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}
