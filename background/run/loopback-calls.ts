import { planLoopbacks, type PlannedLoopback } from '../../src/checks/loopback-plan';
import type { CheckResult, PlannedCheck } from '../../src/checks/types';
import type { LoopbackResult } from '../../src/ice/loopback';
import { platform } from '#platform';

/**
 * Each call: connection through the relay (ICE, DTLS, SCTP; 70-400 ms in the
 * lab), 150 packets in groups of 6 every 20 ms (0.5 s) and a short burst,
 * within its budget (callBudgetMs: 2.5 s, more for a slow relay). All calls
 * run at once; each uses its own relay allocations.
 */
const PACKETS = 150;
const INTERVAL_MS = 20;
/** One planned call, in the platform's WebRTC host; never rejects (a failure to run is the result's `setupError`). */
async function runLoopback(planned: PlannedLoopback): Promise<LoopbackResult> {
  const measurement = await platform.webrtc.loopback({
    caller: planned.caller,
    callee: planned.callee,
    budgetMs: planned.budgetMs,
    packets: PACKETS,
    intervalMs: INTERVAL_MS,
  });
  const { caller: _caller, callee: _callee, ...described } = planned;
  return { ...described, ...measurement };
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
