import type { PlannedLoopback } from '../../src/checks/loopback-plan';
import type { LoopbackMeasurement, LoopbackResult } from '../../src/ice/loopback';
import { isLoopbackMeasurement, type OffscreenLoopbackRequest } from '../../src/contract/offscreen';
import { ensureOffscreenDocument } from '../platform/offscreen-document';

/**
 * The calls' shared budget: connection through the relay (ICE, DTLS, SCTP;
 * 150-400 ms in the lab) and 30 packets 20 ms apart (0.6 s of audio-like traffic), with room for a slow
 * path. All calls run at once; each uses its own relay allocations.
 */
export const LOOPBACK_BUDGET_MS = 2_500;
const PACKETS = 30;
const INTERVAL_MS = 20;
/** The offscreen reply's grace beyond the budget, for a document that died. */
const REPLY_GRACE_MS = 2_000;

function failed(message: string): LoopbackMeasurement {
  return { connected: false, sent: 0, received: 0, rttMs: null, jitterMs: null, loss: null, selectedPair: null, durationMs: 0, setupError: message };
}

async function call(planned: PlannedLoopback): Promise<LoopbackResult> {
  const message: OffscreenLoopbackRequest = {
    target: 'offscreen',
    type: 'loopback',
    caller: planned.caller,
    callee: planned.callee,
    budgetMs: LOOPBACK_BUDGET_MS,
    packets: PACKETS,
    intervalMs: INTERVAL_MS,
  };
  const measurement = await Promise.race([
    chrome.runtime
      .sendMessage(message)
      .then((reply: unknown) => (isLoopbackMeasurement(reply) ? reply : failed('The offscreen document gave no result.')))
      .catch((err: unknown) => failed(`The offscreen document failed: ${err instanceof Error ? err.message : String(err)}`)),
    new Promise<LoopbackMeasurement>((resolve) =>
      setTimeout(() => resolve(failed('The offscreen document did not answer.')), LOOPBACK_BUDGET_MS + REPLY_GRACE_MS),
    ),
  ]);
  const { caller: _caller, callee: _callee, ...described } = planned;
  return { ...described, ...measurement };
}

/** Runs every planned loopback call at once; never rejects (a failure to run is the result's `setupError`). */
export async function runLoopbacks(planned: readonly PlannedLoopback[]): Promise<LoopbackResult[]> {
  if (planned.length === 0) return [];
  try {
    await ensureOffscreenDocument();
  } catch (err) {
    return planned.map(({ caller: _c, callee: _e, ...described }) => ({ ...described, ...failed(`The offscreen document could not start: ${String(err)}`) }));
  }
  return Promise.all(planned.map(call));
}
