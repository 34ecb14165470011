import { planLoopbacks, type PlannedLoopback } from '../../src/checks/loopback-plan';
import type { CheckResult, PlannedCheck } from '../../src/checks/types';
import type { LoopbackMeasurement, LoopbackResult } from '../../src/ice/loopback';
import { isLoopbackMeasurement, type OffscreenLoopbackRequest } from '../../src/contract/offscreen';
import { ensureOffscreenDocument } from '../platform/offscreen-document';

/**
 * Each call: connection through the relay (ICE, DTLS, SCTP; 70-400 ms in the
 * lab), 150 packets in groups of 5 every 20 ms (0.6 s) and a short burst,
 * within its budget (callBudgetMs: 2.5 s, more for a slow relay). All calls
 * run at once; each uses its own relay allocations.
 */
const PACKETS = 150;
const INTERVAL_MS = 20;
/** The offscreen reply's grace beyond the budget, for a document that died. */
const REPLY_GRACE_MS = 2_000;

function failed(message: string): LoopbackMeasurement {
  return {
    connected: false,
    sent: 0,
    received: 0,
    rttMs: null,
    jitterMs: null,
    loss: null,
    throughputKbps: null,
    pairRttMs: null,
    availableOutgoingBitrate: null,
    selectedPair: null,
    durationMs: 0,
    setupError: message,
  };
}

async function call(planned: PlannedLoopback): Promise<LoopbackResult> {
  const message: OffscreenLoopbackRequest = {
    target: 'offscreen',
    type: 'loopback',
    caller: planned.caller,
    callee: planned.callee,
    budgetMs: planned.budgetMs,
    packets: PACKETS,
    intervalMs: INTERVAL_MS,
  };
  const measurement = await Promise.race([
    chrome.runtime
      .sendMessage(message)
      .then((reply: unknown) => (isLoopbackMeasurement(reply) ? reply : failed('The offscreen document gave no result.')))
      .catch((err: unknown) => failed(`The offscreen document failed: ${err instanceof Error ? err.message : String(err)}`)),
    new Promise<LoopbackMeasurement>((resolve) =>
      setTimeout(() => resolve(failed('The offscreen document did not answer.')), planned.budgetMs + REPLY_GRACE_MS),
    ),
  ]);
  const { caller: _caller, callee: _callee, ...described } = planned;
  return { ...described, ...measurement };
}

/** One planned call; never rejects (a failure to run is the result's `setupError`). */
async function runLoopback(planned: PlannedLoopback): Promise<LoopbackResult> {
  try {
    await ensureOffscreenDocument();
  } catch (err) {
    const { caller: _c, callee: _e, ...described } = planned;
    return { ...described, ...failed(`The offscreen document could not start: ${String(err)}`) };
  }
  return call(planned);
}

/** The run's loopback calls, each started as soon as the allocation it rests on is there. */
export interface LoopbackCalls {
  /** Starts the calls the results so far make possible and that have not started yet. */
  consider(results: readonly CheckResult[]): void;
  /** Every call the final results make possible, finished, in plan order. */
  finish(results: readonly CheckResult[]): Promise<LoopbackResult[]>;
}

/**
 * Starts each call the moment its TURN check allocated, not after the run's
 * last check: on an open network the calls overlap the HTTPS and WebSocket
 * probes, behind a UDP block the TCP relay's call overlaps the wait for the
 * silent UDP servers, so the calls add less than their own length to the run.
 * Per transport the first TURN URL to allocate carries the call.
 */
export function loopbackCalls(plan: readonly PlannedCheck[]): LoopbackCalls {
  const running = new Map<string, Promise<LoopbackResult>>();
  const consider = (results: readonly CheckResult[]) => {
    for (const planned of planLoopbacks(plan, results)) if (!running.has(planned.id)) running.set(planned.id, runLoopback(planned));
  };
  return {
    consider,
    async finish(results) {
      consider(results);
      const order = [...running.keys()];
      const finished = await Promise.all(running.values());
      const rank = (id: string) => (CALL_ORDER.indexOf(id) >= 0 ? CALL_ORDER.indexOf(id) : CALL_ORDER.length + order.indexOf(id));
      return finished.sort((a, b) => rank(a.id) - rank(b.id));
    },
  };
}

/** Report order, whatever allocated first. */
const CALL_ORDER = ['loopback-relay-udp', 'loopback-relay-direct', 'loopback-relay-tcp', 'loopback-relay-tls'];
