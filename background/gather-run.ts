import type { GatherResult, IceServerConfig } from '../src/ice/types';
import type { GatherRun, IceServerSummary } from '../src/messages';
import { platform } from '#platform';
import { PLACEHOLDER_CREDENTIALS } from '../src/checks/plan';
import { redactGatherResult, secretsOf } from '../src/report/redact';
import { readLastServers, saveLastRun } from './storage';

function summarize(servers: IceServerConfig[]): IceServerSummary[] {
  return servers.map((s) => ({ urls: [...s.urls], hasCredential: Boolean(s.username || s.credential) }));
}

/** The browser's answer, without the secrets it was given: from here on no gathering text can carry one. */
export async function gatherInOffscreen(iceServers: IceServerConfig[], deadlineMs: number, finishOn?: 'srflx' | 'relay'): Promise<GatherResult> {
  return (await gatherReportingDocument(iceServers, deadlineMs, finishOn)).result;
}

/**
 * gatherInOffscreen, also saying whether the WebRTC host itself failed (Chrome's
 * offscreen document did not start, died, never answered) rather than the
 * browser refusing this server: only the former is worth a retry in a fresh one.
 */
export async function gatherReportingDocument(
  iceServers: IceServerConfig[],
  deadlineMs: number,
  finishOn?: 'srflx' | 'relay',
): Promise<{ result: GatherResult; documentFailed: boolean }> {
  const placeholders: readonly string[] = Object.values(PLACEHOLDER_CREDENTIALS);
  const secrets = secretsOf(iceServers).filter((s) => !placeholders.includes(s));
  const { result, hostFailed } = await platform.webrtc.gather(iceServers, deadlineMs, finishOn);
  return { result: redactGatherResult(result, secrets), documentFailed: hostFailed };
}

let running: Promise<GatherRun> | null = null;

/** Starts a gathering run, or joins the one already running. */
export function runGather(iceServers: IceServerConfig[] | undefined, deadlineMs: number): Promise<GatherRun> {
  running ??= (async () => {
    const servers = iceServers ?? (await readLastServers());
    const startedAt = new Date().toISOString();
    const result = await gatherInOffscreen(servers, deadlineMs);
    const run: GatherRun = { startedAt, servers: summarize(servers), result };
    await saveLastRun(run, servers);
    return run;
  })().finally(() => {
    running = null;
  });
  return running;
}
