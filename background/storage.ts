import browser from 'webextension-polyfill';
import type { IceServerConfig } from '../src/ice/types';
import type { GatherRun } from '../src/messages';

/**
 * storage.local keys. `lastGather` is what the popup shows and holds no
 * secret; `gatherServers` keeps the servers (with credentials) so "run again"
 * can repeat the last run, and is never exported.
 */
const LAST_GATHER = 'lastGather';
const GATHER_SERVERS = 'gatherServers';

export async function readLastRun(): Promise<GatherRun | null> {
  const stored = await browser.storage.local.get(LAST_GATHER);
  return (stored[LAST_GATHER] as GatherRun | undefined) ?? null;
}

export async function readLastServers(): Promise<IceServerConfig[]> {
  const stored = await browser.storage.local.get(GATHER_SERVERS);
  return (stored[GATHER_SERVERS] as IceServerConfig[] | undefined) ?? [];
}

/** One write, so a service worker stopped mid-run never leaves half a run. */
export async function saveLastRun(run: GatherRun, servers: IceServerConfig[]): Promise<void> {
  await browser.storage.local.set({ [LAST_GATHER]: run, [GATHER_SERVERS]: servers });
}
