/**
 * The service worker's answer to every request of src/contract/requests.ts,
 * one handler per type: the map's type comes from the protocol, so a request
 * type without a handler, or a handler replying with the wrong shape, does
 * not compile. Each handler gets the request's fields still untrusted and
 * checks what it uses.
 */
import type { ReplyOf, RequestMap, RequestOf, RequestType, Untrusted } from '../src/contract/requests';
import { builtinProfile } from '../src/profile/builtin';
import { findReport, listHistory } from './history/history-store';
import { startRun } from './run/controller';
import { readLastReport } from './run/report-store';
import { runFromSettings } from './run/run-from-settings';
import { parseRunRequest } from './run/run-request';
import { deleteProfile, importProfile, saveSettings } from './settings/handlers';
import { readSettingsView } from './settings/store';

export type RequestHandlers = { [T in RequestType]: (fields: Untrusted<RequestOf<T>>) => Promise<RequestMap[T]['reply']> };

export const REQUEST_HANDLERS: RequestHandlers = {
  run: (fields) => {
    const request = parseRunRequest(fields, builtinProfile);
    return 'error' in request ? Promise.resolve(request) : startRun(request);
  },
  runConfigured: () => runFromSettings('user'),
  getLastReport: () => readLastReport(),
  listHistory: () => listHistory(),
  getReport: (fields) => findReport(fields.id),
  getSettings: () => readSettingsView(),
  saveSettings: (fields) => saveSettings(fields.settings),
  importProfile: (fields) => importProfile(fields.profile),
  deleteProfile: (fields) => deleteProfile(fields.id),
};

/** Runs the handler of a checked request; one that throws answers `{ error }` (`run-failed` for runs), never Chrome's channel error. */
export function handleRequest<T extends RequestType>(type: T, fields: Untrusted<RequestOf<T>>): Promise<ReplyOf<T>> {
  const handler = REQUEST_HANDLERS[type] as (fields: Untrusted<RequestOf<T>>) => Promise<ReplyOf<T>>;
  return handler(fields).catch((err: unknown) => ({
    error: {
      code: type === 'run' || type === 'runConfigured' ? 'run-failed' : 'failed',
      message: `${type} failed: ${err instanceof Error ? err.message : String(err)}`,
    },
  }));
}
