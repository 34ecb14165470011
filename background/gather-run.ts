import type { GatherResult, IceServerConfig } from '../src/ice/types';
import { platform } from '#platform';
import { PLACEHOLDER_CREDENTIALS } from '../src/checks/plan';
import { redactGatherResult, secretsOf } from '../src/report/redact';

/**
 * The browser's answer for one gathering (through the platform's WebRTC host),
 * without the secrets it was given: from here on no gathering text can carry one.
 * Also says whether the host itself failed (Chrome's offscreen document did not
 * start, died, never answered) rather than the browser refusing this server: only
 * the former is worth a retry in a fresh one.
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
