/**
 * Service worker -> pages, over the long-lived `progress` port: what a run is
 * doing while the page waits for the `run` reply (background/run/progress-ports.ts).
 */
import type { CheckResult } from '../checks/types';
import type { Report } from '../report/types';

/** Port name a page connects with to hear about runs. */
export const PROGRESS_PORT = 'progress';

/** A run in progress: the checks finished so far, in finishing order. */
export interface RunProgress {
  runId: string;
  profileId: string;
  /** ISO 8601. */
  startedAt: string;
  /** Checks planned for the run. */
  total: number;
  done: CheckResult[];
}

export type ProgressEvent =
  /** Sent first on every new port: the page knows a live worker holds the other end. */
  | { type: 'connected' }
  | { type: 'progress'; progress: RunProgress }
  | { type: 'finished'; report: Report }
  /** The run ended without a report; the previous report stays the last one. */
  | { type: 'failed'; message: string };
