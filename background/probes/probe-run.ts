import type { FetchEvidence } from '../../src/checks/evidence';
import type { PlannedIceCheck } from '../../src/checks/types';
import type { GatherResult } from '../../src/ice/types';
import { platform } from '#platform';
import { probeFetch } from './fetch-probe';

/** One peer connection's gathering as the browser gave it (secrets removed): the report's NAT analysis reads these. */
export interface IceGathering {
  check: PlannedIceCheck;
  result: GatherResult;
}

/** What the probes of one run share. */
export interface ProbeRun {
  /** One request per URL and run: a wss check's same-origin probe often is an https rule's URL too. */
  fetchOnce(url: string, deadlineMs: number): Promise<FetchEvidence>;
  /**
   * A fresh WebRTC host (Chrome's offscreen document), made at most once per run and
   * shared by every check whose host failed; resolves when it is there (or failed again).
   */
  freshWebrtcHost(): Promise<void>;
  /** Every ICE gathering of the run, in the order they finished, for the report. */
  gatherings: IceGathering[];
}

/** The shared state of a new run. */
export function probeRun(): ProbeRun {
  const fetches = new Map<string, Promise<FetchEvidence>>();
  let freshDocument: Promise<void> | null = null;
  return {
    fetchOnce(url, deadlineMs) {
      let pending = fetches.get(url);
      if (!pending) fetches.set(url, (pending = probeFetch(url, deadlineMs)));
      return pending;
    },
    freshWebrtcHost() {
      freshDocument ??= platform.webrtc.reset().catch(() => undefined);
      return freshDocument;
    },
    gatherings: [],
  };
}
