/**
 * Every message between the extension's contexts, named by direction.
 * A message's `type` is its name; replies are typed next to the request.
 */
import type { CheckResult } from './checks/types';
import type { GatherResult, IceServerConfig } from './ice/types';
import type { LoopbackMeasurement } from './ice/loopback';
import type { ProfileError } from './profile/types';
import type { Profile } from './profile/types';
import type { LocalTarget } from './profile/local-targets';
import type { Report } from './report/types';
import type { Settings, SettingsView } from './settings/types';

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

export { DEFAULT_DEADLINE_MS } from './checks/deadline';

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
/** Run what the settings name (profile, options, deadline): the popup's "Check again". */
export interface RunConfiguredMessage {
  type: 'runConfigured';
}
export interface GetSettingsMessage {
  type: 'getSettings';
}
/** Change the user's settings; a key locked by policy is refused with code `locked`. */
export interface SaveSettingsMessage {
  type: 'saveSettings';
  settings: Partial<Settings>;
}
/** Validate and store a custom profile; nothing is stored when it is invalid. */
export interface ImportProfileMessage {
  type: 'importProfile';
  profile: unknown;
}
export interface DeleteProfileMessage {
  type: 'deleteProfile';
  id: string;
}
/** The stored reports, newest first (at most 20). */
export interface ListHistoryMessage {
  type: 'listHistory';
}
export interface GetReportMessage {
  type: 'getReport';
  id: string;
}
/** One line of the history list; the report itself is read with `getReport`. */
export interface HistoryEntry {
  id: string;
  startedAt: string;
  profileId: string;
  profileName: string;
  route: Report['verdict']['route'];
  missingRules: number;
}
export interface ImportProfileReply {
  profile: Profile;
  /** What the validator dropped (unknown fields...) while still accepting the profile. */
  warnings: ProfileError[];
  /** Targets inside the user's own network (loopback, private, local names), shown before the profile first runs. */
  localTargets: LocalTarget[];
}

export type PopupToBackground =
  | GatherRequestMessage
  | GetLastGatherMessage
  | RunProfileMessage
  | RunBuiltinMessage
  | GetLastReportMessage
  | RunConfiguredMessage
  | GetSettingsMessage
  | SaveSettingsMessage
  | ImportProfileMessage
  | DeleteProfileMessage
  | ListHistoryMessage
  | GetReportMessage;

/** Why a request could not run. `details` lists the profile's errors, field by field. */
export type RequestErrorCode = 'bad-request' | 'invalid-profile' | 'unknown-profile' | 'run-failed' | 'locked' | 'not-found';
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
  /** Sent first on every new port: the page knows a live worker holds the other end. */
  | { type: 'connected' }
  | { type: 'progress'; progress: RunProgress }
  | { type: 'finished'; report: Report }
  /** The run ended without a report; the previous report stays the last one. */
  | { type: 'failed'; message: string };

export type BackgroundReply<M extends PopupToBackground> = M extends GatherRequestMessage
  ? GatherRun | ErrorReply
  : M extends GetLastGatherMessage
    ? GatherRun | null
    : M extends RunProfileMessage | RunBuiltinMessage
      ? Report | ErrorReply
      : M extends GetLastReportMessage
        ? Report | null
        : M extends RunConfiguredMessage
          ? Report | ErrorReply
          : M extends GetSettingsMessage | DeleteProfileMessage
            ? SettingsView
            : M extends SaveSettingsMessage
              ? SettingsView | ErrorReply
              : M extends ImportProfileMessage
                ? ImportProfileReply | ErrorReply
                : M extends ListHistoryMessage
                  ? HistoryEntry[]
                  : M extends GetReportMessage
                    ? Report | null
                    : never;

// --- service worker -> offscreen document ----------------------------------
export interface OffscreenGatherMessage {
  target: 'offscreen';
  type: 'gather';
  iceServers: IceServerConfig[];
  deadlineMs: number;
  /**
   * Stop as soon as a candidate of this type arrives: a connection that asks one
   * server has its proof then (srflx for STUN, relay for TURN), and waiting for
   * "gathering complete" would only add the slowest interface's time. Absent:
   * wait for completion or the deadline (the NAT-mapping batch needs every answer).
   */
  finishOn?: 'srflx' | 'relay';
}
/** A loopback call between two peer connections of the offscreen document (src/ice/loopback.ts). */
export interface OffscreenLoopbackMessage {
  target: 'offscreen';
  type: 'loopback';
  /** May hold TURN credentials: never stored. */
  caller: { iceServers: IceServerConfig[]; iceTransportPolicy: 'relay' | 'all' };
  callee: { iceServers: IceServerConfig[]; iceTransportPolicy: 'relay' | 'all' };
  budgetMs: number;
  packets: number;
  intervalMs: number;
}

/** Asked until answered after the document is created: its listener exists only once its script ran. */
export interface OffscreenPingMessage {
  target: 'offscreen';
  type: 'ping';
}
export type BackgroundToOffscreen = OffscreenGatherMessage | OffscreenLoopbackMessage | OffscreenPingMessage;
/** The offscreen document answers a gather with its result, a loopback call with its measurement, a ping with `{ ready: true }`. */
export type OffscreenReply = GatherResult | LoopbackMeasurement | { ready: true };

/** A loopback reply that crossed the context boundary intact. */
export function isLoopbackMeasurement(value: unknown): value is LoopbackMeasurement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as LoopbackMeasurement).received === 'number' &&
    typeof (value as LoopbackMeasurement).connected === 'boolean'
  );
}

/** A gather reply that crossed the context boundary intact (a missing receiver resolves to undefined through the polyfill). */
export function isGatherResult(value: unknown): value is GatherResult {
  return typeof value === 'object' && value !== null && Array.isArray((value as GatherResult).candidates) && Array.isArray((value as GatherResult).errors);
}

export function isErrorReply(value: unknown): value is ErrorReply {
  return typeof value === 'object' && value !== null && 'error' in value;
}
