/**
 * Every message between the extension's contexts, named by direction.
 * A message's `type` is its name; replies are typed next to the request.
 */
import type { CheckResult } from './checks/types';
import type { GatherResult, IceServerConfig } from './ice/types';
import type { ProfileError } from './profile/types';
import type { Report } from './report/types';

/** An ICE server as it may be stored or shown: the URLs, never the secret. */
export interface IceServerSummary {
  urls: string[];
  hasCredential: boolean;
}

/** The last gathering run, as stored and shown by the popup. Holds no secret. */
export interface GatherRun {
  startedAt: string;
  servers: IceServerSummary[];
  result: GatherResult;
}

export { DEFAULT_DEADLINE_MS } from './checks/plan';

// --- popup / extension pages -> service worker -----------------------------
export interface GatherRequestMessage {
  type: 'gather';
  /** Servers to gather against; omitted = the servers of the previous run. */
  iceServers?: IceServerConfig[];
  deadlineMs?: number;
}
export interface GetLastGatherMessage {
  type: 'getLastGather';
}
/** Run a profile given as an object (validated like any imported profile). */
export interface RunProfileMessage {
  type: 'run';
  profile: unknown;
  options?: RunOptions;
}
/** Run a built-in profile by id. */
export interface RunBuiltinMessage {
  type: 'run';
  profileId: string;
  options?: RunOptions;
}
export interface RunOptions {
  region?: string;
  deadlineMs?: number;
  /** A built-in profile's options, e.g. `{ connection: 'legacy' }`. */
  choices?: Record<string, string>;
}
export interface GetLastReportMessage {
  type: 'getLastReport';
}
export type PopupToBackground =
  | GatherRequestMessage
  | GetLastGatherMessage
  | RunProfileMessage
  | RunBuiltinMessage
  | GetLastReportMessage;

/** Why a request could not run. `details` lists the profile's errors, field by field. */
export type RequestErrorCode = 'bad-request' | 'invalid-profile' | 'unknown-profile' | 'run-failed';
export interface ErrorReply {
  error: { code: RequestErrorCode | string; message: string; details?: ProfileError[] };
}

// --- service worker -> popup (over the `progress` port) --------------------
/** A run in progress: the checks finished so far, in finishing order. */
export interface RunProgress {
  runId: string;
  profileId: string;
  startedAt: string;
  total: number;
  done: CheckResult[];
}
export type BackgroundToPopup =
  | { type: 'progress'; progress: RunProgress }
  | { type: 'finished'; report: Report };

export type BackgroundReply<M extends PopupToBackground> = M extends GatherRequestMessage
  ? GatherRun | ErrorReply
  : M extends GetLastGatherMessage
    ? GatherRun | null
    : M extends RunProfileMessage | RunBuiltinMessage
      ? Report | ErrorReply
      : M extends GetLastReportMessage
        ? Report | null
        : never;

// --- service worker -> offscreen document ----------------------------------
export interface OffscreenGatherMessage {
  target: 'offscreen';
  type: 'gather';
  iceServers: IceServerConfig[];
  deadlineMs: number;
}
export type BackgroundToOffscreen = OffscreenGatherMessage;
/** The offscreen document answers a gather with its result. */
export type OffscreenReply = GatherResult;

export function isErrorReply(value: unknown): value is ErrorReply {
  return typeof value === 'object' && value !== null && 'error' in value;
}
