import browser from 'webextension-polyfill';
import type { GatherResult, IceServerConfig } from '../src/ice/types';
import { isGatherResult, type OffscreenGatherRequest } from '../src/contract/offscreen';
import { ensureOffscreenDocument } from './platform/offscreen-document';
import { PLACEHOLDER_CREDENTIALS } from '../src/checks/plan';
import { redactGatherResult, secretsOf } from '../src/report/redact';

/** Grace beyond the run deadline for the offscreen reply to arrive. */
const REPLY_GRACE_MS = 2_000;

function failedGather(deadlineMs: number, message: string): GatherResult {
  return {
    candidates: [],
    errors: [],
    gatheringComplete: false,
    deadlineReached: false,
    deadlineMs,
    durationMs: 0,
    setupError: message,
  };
}

/** The browser's answer, without the secrets it was given: from here on no gathering text can carry one. */
export async function gatherInOffscreen(iceServers: IceServerConfig[], deadlineMs: number, finishOn?: 'srflx' | 'relay'): Promise<GatherResult> {
  return (await gatherReportingDocument(iceServers, deadlineMs, finishOn)).result;
}

/**
 * gatherInOffscreen, also saying whether the offscreen document itself failed
 * (did not start, died, never answered) rather than the browser refusing this
 * server: only the former is worth a retry in a fresh document.
 */
export async function gatherReportingDocument(
  iceServers: IceServerConfig[],
  deadlineMs: number,
  finishOn?: 'srflx' | 'relay',
): Promise<{ result: GatherResult; documentFailed: boolean }> {
  const placeholders: readonly string[] = Object.values(PLACEHOLDER_CREDENTIALS);
  const secrets = secretsOf(iceServers).filter((s) => !placeholders.includes(s));
  const { result, documentFailed } = await gatherUnredacted(iceServers, deadlineMs, finishOn);
  return { result: redactGatherResult(result, secrets), documentFailed };
}

async function gatherUnredacted(
  iceServers: IceServerConfig[],
  deadlineMs: number,
  finishOn?: 'srflx' | 'relay',
): Promise<{ result: GatherResult; documentFailed: boolean }> {
  const documentFailure = (message: string) => ({ result: failedGather(deadlineMs, message), documentFailed: true });
  try {
    await ensureOffscreenDocument();
  } catch (err) {
    return documentFailure(`The offscreen document could not start: ${String(err)}`);
  }
  const message: OffscreenGatherRequest = { target: 'offscreen', type: 'gather', iceServers, deadlineMs, ...(finishOn ? { finishOn } : {}) };
  // The offscreen side keeps its own deadline; this one only guards against a
  // document that died without answering.
  const timeout = new Promise<{ result: GatherResult; documentFailed: boolean }>((resolve) =>
    setTimeout(() => resolve(documentFailure('The offscreen document did not answer.')), deadlineMs + REPLY_GRACE_MS),
  );
  const reply = browser.runtime
    .sendMessage(message)
    .then((r: unknown) => (isGatherResult(r) ? { result: r, documentFailed: false } : documentFailure('The offscreen document gave no result.')))
    .catch((err: unknown) => documentFailure(`The offscreen document failed: ${String(err)}`));
  return Promise.race([reply, timeout]);
}
