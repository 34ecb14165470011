/**
 * Every message between the extension's contexts, named by direction.
 * A message's `type` is its name; replies are typed next to the request.
 */
import type { GatherResult, IceServerConfig } from './ice/types';

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

export const DEFAULT_DEADLINE_MS = 5_000;

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
export type PopupToBackground = GatherRequestMessage | GetLastGatherMessage;

export type BackgroundReply<M extends PopupToBackground> = M extends GatherRequestMessage
  ? GatherRun | ErrorReply
  : M extends GetLastGatherMessage
    ? GatherRun | null
    : never;

export interface ErrorReply {
  error: { code: string; message: string };
}

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
