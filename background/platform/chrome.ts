/**
 * Chrome: WebRTC runs in the offscreen document (MV3 service workers have no
 * RTCPeerConnection), reached by runtime messages; no certificate evidence.
 */
import { browser } from '../browser';
import type { LoopbackMeasurement } from '../../src/ice/loopback';
import type { GatherResult, IceServerConfig } from '../../src/ice/types';
import {
  isGatherResult,
  isLoopbackMeasurement,
  type OffscreenForgetPopupCopyRequest,
  type OffscreenGatherRequest,
  type OffscreenLoopbackRequest,
} from '../../src/contract/offscreen';
import type { HostedGather, LoopbackCallRequest, Platform } from './index';
import { failedGather, failedLoopback } from './failures';
import { ensureOffscreenDocument, recreateOffscreenDocument } from './offscreen-document';

/** Grace beyond a deadline or budget for the offscreen reply to arrive, for a document that died. */
const REPLY_GRACE_MS = 2_000;

function timeout<T>(ms: number, value: () => T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value()), ms));
}

async function gather(iceServers: IceServerConfig[], deadlineMs: number, finishOn?: 'srflx' | 'relay'): Promise<HostedGather> {
  const documentFailure = (message: string): HostedGather => ({ result: failedGather(deadlineMs, message), hostFailed: true });
  try {
    await ensureOffscreenDocument();
  } catch (err) {
    return documentFailure(`The offscreen document could not start: ${String(err)}`);
  }
  const message: OffscreenGatherRequest = { target: 'offscreen', type: 'gather', iceServers, deadlineMs, ...(finishOn ? { finishOn } : {}) };
  // The offscreen side keeps its own deadline; this one only guards against a
  // document that died without answering.
  const reply = browser.runtime
    .sendMessage(message)
    .then((r: unknown): HostedGather =>
      isGatherResult(r) ? { result: r as GatherResult, hostFailed: false } : documentFailure('The offscreen document gave no result.'),
    )
    .catch((err: unknown) => documentFailure(`The offscreen document failed: ${String(err)}`));
  return Promise.race([reply, timeout(deadlineMs + REPLY_GRACE_MS, () => documentFailure('The offscreen document did not answer.'))]);
}

async function loopback(request: LoopbackCallRequest): Promise<LoopbackMeasurement> {
  try {
    await ensureOffscreenDocument();
  } catch (err) {
    return failedLoopback(`The offscreen document could not start: ${String(err)}`);
  }
  const message: OffscreenLoopbackRequest = { target: 'offscreen', type: 'loopback', ...request };
  return Promise.race([
    browser.runtime
      .sendMessage(message)
      .then((reply: unknown) => (isLoopbackMeasurement(reply) ? reply : failedLoopback('The offscreen document gave no result.')))
      .catch((err: unknown) => failedLoopback(`The offscreen document failed: ${err instanceof Error ? err.message : String(err)}`)),
    timeout(request.budgetMs + REPLY_GRACE_MS, () => failedLoopback('The offscreen document did not answer.')),
  ]);
}

/**
 * Through the offscreen document, the one page the worker can count on: it
 * exists after every run (each gathers there). Should it not start, the copy
 * stays, and the popup replaces it with the stored report ~40 ms after painting it (measured: `npm run bench`).
 */
async function forgetPopupCopy(): Promise<void> {
  try {
    await ensureOffscreenDocument();
    const message: OffscreenForgetPopupCopyRequest = { target: 'offscreen', type: 'forgetPopupCopy' };
    await browser.runtime.sendMessage(message);
  } catch (err) {
    console.warn('The popup’s copy of its last render could not be removed:', err instanceof Error ? err.message : String(err));
  }
}

export const platform: Platform = {
  name: 'chrome',
  webrtc: { gather, loopback, reset: recreateOffscreenDocument },
  securityInfo: null,
  webRtcIpHandlingBindsChecks: false,
  forgetPopupCopy,
};
