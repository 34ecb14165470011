import type { FetchEvidence } from '../../src/checks/evidence';
import type { PlannedFetchCheck } from '../../src/checks/types';
import { localProbe } from '../../src/profile/local-targets';
import type { ProbeRun } from './probe-run';

/** The `fetch` probe: one request (fetch-probe.ts), once per URL and run. A host in the user's own network: its origin only, never a path the profile names. */
export function probeFetchCheck(check: PlannedFetchCheck, run: ProbeRun): Promise<FetchEvidence> {
  return run.fetchOnce(localProbe(check).url, check.deadlineMs);
}
