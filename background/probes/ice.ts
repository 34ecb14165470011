import type { PlannedIceCheck } from '../../src/checks/types';
import type { GatherResult } from '../../src/ice/types';
import { gatherReportingDocument } from '../gather-run';
import type { ProbeRun } from './probe-run';

/** A one-server connection has its proof with the first candidate of this type (see OffscreenGatherRequest). */
const FINISH_ON: Record<PlannedIceCheck['role'], 'srflx' | 'relay' | undefined> = { 'stun-batch': undefined, stun: 'srflx', turn: 'relay' };

/**
 * The `ice` probe: one peer connection's gathering in the platform's WebRTC host,
 * kept in the run for the report. A check whose host failed (did not start, died,
 * never answered) is tried once more in a fresh one, shared by every such check of
 * the run. A server the browser refuses is not retried: a new host would refuse it
 * too, and recreating it would cut every other gathering of the run short.
 */
export async function probeIce(check: PlannedIceCheck, run: ProbeRun): Promise<GatherResult> {
  const result = await gatherOnce(check, run);
  run.gatherings.push({ check, result });
  return result;
}

async function gatherOnce(check: PlannedIceCheck, run: ProbeRun): Promise<GatherResult> {
  const finishOn = FINISH_ON[check.role];
  const first = await gatherReportingDocument(check.iceServers, check.deadlineMs, finishOn);
  if (!first.documentFailed) return first.result;
  await run.freshWebrtcHost();
  const second = await gatherReportingDocument(check.iceServers, check.deadlineMs, finishOn);
  return second.result.setupError === null ? second.result : { ...second.result, setupError: `${second.result.setupError} (tried twice)` };
}
