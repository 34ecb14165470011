import type { PlannedLoopback } from '../../src/checks/loopback-plan';
import type { LoopbackResult } from '../../src/ice/loopback';
import { platform } from '#platform';

/**
 * The calls' shared budget: connection through the relay (ICE, DTLS, SCTP;
 * 150-400 ms in the lab) and 30 packets 20 ms apart (0.6 s of audio-like traffic), with room for a slow
 * path. All calls run at once; each uses its own relay allocations.
 */
export const LOOPBACK_BUDGET_MS = 2_500;
const PACKETS = 30;
const INTERVAL_MS = 20;

async function call(planned: PlannedLoopback): Promise<LoopbackResult> {
  const measurement = await platform.webrtc.loopback({
    caller: planned.caller,
    callee: planned.callee,
    budgetMs: LOOPBACK_BUDGET_MS,
    packets: PACKETS,
    intervalMs: INTERVAL_MS,
  });
  const { caller: _caller, callee: _callee, ...described } = planned;
  return { ...described, ...measurement };
}

/** Runs every planned loopback call at once; never rejects (a failure to run is the result's `setupError`). */
export async function runLoopbacks(planned: readonly PlannedLoopback[]): Promise<LoopbackResult[]> {
  if (planned.length === 0) return [];
  return Promise.all(planned.map(call));
}
