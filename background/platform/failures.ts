import { emptyMeasurement, type LoopbackMeasurement } from '../../src/ice/loopback';
import type { GatherResult } from '../../src/ice/types';

/** A gathering that could not run at all: `setupError` says why (our failure, not evidence about the network). */
export function failedGather(deadlineMs: number, message: string): GatherResult {
  return { candidates: [], errors: [], gatheringComplete: false, deadlineReached: false, deadlineMs, durationMs: 0, setupError: message };
}

/** A loopback call that could not run at all. */
export function failedLoopback(message: string): LoopbackMeasurement {
  return emptyMeasurement(message);
}
