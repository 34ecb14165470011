/**
 * The protocol between the extension's pages (popup, options, report page,
 * the CLI's page) and the service worker, in one map: each request `type`
 * names its message shape and its reply. The worker's handler map is typed
 * from it (a type without a handler does not compile), the pages' one sender
 * derives reply types from it, and `readRequest` checks an incoming message
 * against its list of types.
 *
 * Every reply may also be an {@link ErrorReply}: a malformed request gets
 * `bad-request`, and a handler that throws (storage, a lost offscreen
 * document) answers `{ error }` rather than Chrome's channel error.
 */
import type { ProfileError, Profile } from '../profile/types';
import type { LocalTarget } from '../profile/local-targets';
import type { HistoryEntry } from '../report/history';
import type { Report } from '../report/types';
import type { Settings, SettingsView } from '../settings/types';

export { DEFAULT_DEADLINE_MS } from '../checks/deadline';

/** Run a profile given as an object (validated like any imported profile). */
export interface RunProfileRequest {
  type: 'run';
  profile: unknown;
  options?: RunOptions;
}
/** Run a built-in profile by id. */
export interface RunBuiltinRequest {
  type: 'run';
  profileId: string;
  options?: RunOptions;
}
export interface RunOptions {
  region?: string;
  /** Per-check deadline, ms (MIN_DEADLINE_MS..MAX_DEADLINE_MS in src/checks/deadline.ts). */
  deadlineMs?: number;
  /** A built-in profile's options, e.g. `{ connection: 'legacy' }`. */
  choices?: Record<string, string>;
}

export interface ImportProfileReply {
  profile: Profile;
  /** What the validator dropped (unknown fields...) while still accepting the profile. */
  warnings: ProfileError[];
  /** Targets inside the user's own network (loopback, private, local names), shown before the profile first runs. */
  localTargets: LocalTarget[];
}

/** Why a request could not run. `details` lists the profile's or settings' errors, field by field. */
export type RequestErrorCode = 'bad-request' | 'invalid-profile' | 'unknown-profile' | 'run-failed' | 'locked' | 'failed';
export interface ErrorReply {
  error: { code: RequestErrorCode | string; message: string; details?: ProfileError[] };
}

/**
 * The protocol: request `type` -> `{ request, reply }`. Adding a type here
 * makes the service worker's handler map incomplete until it is answered.
 */
export interface RequestMap {
  /** Start a run (or join the running one) and answer with its report. */
  run: { request: RunProfileRequest | RunBuiltinRequest; reply: Report | ErrorReply };
  /** Run what the settings name (profile, options, deadline): the popup's "Check again". */
  runConfigured: { request: { type: 'runConfigured' }; reply: Report | ErrorReply };
  /** The newest stored report; null before the first run. Waits for a report still being written. */
  getLastReport: { request: { type: 'getLastReport' }; reply: Report | null };
  /** The stored reports, newest first (at most 20), one line each. */
  listHistory: { request: { type: 'listHistory' }; reply: HistoryEntry[] };
  /** One stored report by id; null when it is not (or no longer) stored. */
  getReport: { request: { type: 'getReport'; id: string }; reply: Report | null };
  /** The user's settings, the policy's, and what is in effect. */
  getSettings: { request: { type: 'getSettings' }; reply: SettingsView };
  /** Change the user's settings: all fields good and none locked by policy (`locked`), or nothing is written. */
  saveSettings: { request: { type: 'saveSettings'; settings: Partial<Settings> }; reply: SettingsView | ErrorReply };
  /** Validate and store a custom profile; nothing is stored when it is invalid. */
  importProfile: { request: { type: 'importProfile'; profile: unknown }; reply: ImportProfileReply | ErrorReply };
  /** Forget a custom profile (and the default that named it); answers the settings after. */
  deleteProfile: { request: { type: 'deleteProfile'; id: string }; reply: SettingsView };
}

export type RequestType = keyof RequestMap;
export type RequestOf<T extends RequestType> = RequestMap[T]['request'];
/** What the worker answers to a request of type T: its declared reply, or the documented error. */
export type ReplyOf<T extends RequestType> = RequestMap[T]['reply'] | ErrorReply;
/** Any request a page may send. */
export type AnyRequest = { [T in RequestType]: RequestOf<T> }[RequestType];

/**
 * A request's fields as they arrive: named as in the protocol, but of unknown
 * type until the handler has checked them (an automation caller may send anything).
 */
export type Untrusted<R> = { readonly [K in keyof R]?: unknown };

/** Every `type` the service worker answers, as a record so that a type missing here fails to compile. */
const REQUEST_TYPE_SET: Record<RequestType, true> = {
  run: true,
  runConfigured: true,
  getLastReport: true,
  listHistory: true,
  getReport: true,
  getSettings: true,
  saveSettings: true,
  importProfile: true,
  deleteProfile: true,
};
export const REQUEST_TYPES = Object.keys(REQUEST_TYPE_SET) as RequestType[];

function isRequestType(value: string): value is RequestType {
  return Object.hasOwn(REQUEST_TYPE_SET, value);
}

/** A request that passed `readRequest`: its known type and its fields, still untrusted. */
export type IncomingRequest = { [T in RequestType]: { type: T; fields: Untrusted<RequestOf<T>> } }[RequestType];

/**
 * An incoming message -> its known type and fields, or the documented
 * `{ error }` (`bad-request`) for anything else: null, a string, a list, no
 * or an unknown `type`. The reply names what is wrong, never what was sent.
 */
export function readRequest(message: unknown): IncomingRequest | ErrorReply {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    const got = message === null ? 'null' : Array.isArray(message) ? 'a list' : `a ${typeof message}`;
    return { error: { code: 'bad-request', message: `A request is an object with a \`type\`; got ${got}.` } };
  }
  const fields = message as Record<string, unknown>;
  if (typeof fields.type !== 'string') return { error: { code: 'bad-request', message: 'A request needs a `type` (a string).' } };
  if (!isRequestType(fields.type)) {
    return { error: { code: 'bad-request', message: `Unknown request \`type\`; known types: ${REQUEST_TYPES.join(', ')}.` } };
  }
  return { type: fields.type, fields } as IncomingRequest;
}

/** True for the documented error reply (`{ error: { code, message } }`). */
export function isErrorReply(value: unknown): value is ErrorReply {
  return typeof value === 'object' && value !== null && 'error' in value;
}
