import browser, { type Runtime } from 'webextension-polyfill';
import { listenForPolicyChanges } from './policy/read-policy';
import { listenForSchedule } from './policy/schedule';
import { DEFAULT_DEADLINE_MS } from '../src/messages';
import { readRequest, type RequestType } from '../src/request';
import { runGather } from './gather-run';
import { startRun } from './run/controller';
import { listenForProgressPorts } from './run/progress-ports';
import { readLastReport } from './run/report-store';
import { MAX_DEADLINE_MS, parseRunRequest } from './run/run-request';
import { builtinProfile } from '../src/profile/builtin';
import { readLastRun } from './storage';
import { runFromSettings } from './run/run-from-settings';
import { readSettingsView } from './settings/store';
import { findReport, listHistory } from './history/history-store';
import { deleteProfile, importProfile, saveSettings } from './settings/handlers';
import { showBadge } from './badge/badge';
import { listenForSending } from './fleet/sender';

function deadlineFrom(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(value, MAX_DEADLINE_MS) : DEFAULT_DEADLINE_MS;
}

// Top level, so a policy change, an alarm or the browser's start wakes the worker.
listenForPolicyChanges();
listenForSchedule();
listenForProgressPorts();
listenForSending();
// The badge is not kept across browser restarts: show the stored verdict again.
void readLastReport()
  .then((report) => (report ? showBadge(report) : undefined))
  .catch(() => undefined);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Only the extension's own pages may start runs (no onMessageExternal is
  // registered, so web pages cannot even reach here); the offscreen
  // document's traffic is addressed to it and is not ours to answer.
  if (sender.id !== browser.runtime.id) return undefined;
  if (typeof message === 'object' && message !== null && (message as { target?: unknown }).target === 'offscreen') return undefined;
  // Every other message gets an answer: a malformed one the documented `{ error }`, never `undefined`.
  const request = readRequest(message);
  if ('error' in request) return Promise.resolve(request);
  // A handler that throws (storage, a lost offscreen document) still answers with `{ error }`, not with Chrome's channel error.
  return handle(request.type, request.fields).catch((err: unknown) => ({
    error: {
      code: request.type === 'run' || request.type === 'runConfigured' ? 'run-failed' : 'failed',
      message: `${request.type} failed: ${err instanceof Error ? err.message : String(err)}`,
    },
  }));
});

function handle(type: RequestType, msg: Record<string, unknown>): Promise<unknown> {
  switch (type) {
    case 'gather':
      return runGather(Array.isArray(msg.iceServers) ? msg.iceServers : undefined, deadlineFrom(msg.deadlineMs));
    case 'getLastGather':
      return readLastRun();
    case 'run': {
      const request = parseRunRequest(msg, builtinProfile);
      if ('error' in request) return Promise.resolve(request);
      return startRun(request);
    }
    case 'getLastReport':
      return readLastReport();
    case 'runConfigured':
      return runFromSettings('user');
    case 'getSettings':
      return readSettingsView();
    case 'listHistory':
      return listHistory();
    case 'getReport':
      return findReport(msg.id);
    case 'saveSettings':
      return saveSettings(msg.settings);
    case 'importProfile':
      return importProfile(msg.profile);
    case 'deleteProfile':
      return deleteProfile(msg.id);
  }
}
