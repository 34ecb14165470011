import { browser, type Runtime } from './browser';
import { readRequest } from '../src/contract/requests';
import { showBadge } from './badge/badge';
import { listenForPolicyChanges } from './policy/read-policy';
import { listenForSchedule } from './run/automatic-runs';
import { handleRequest } from './request-handlers';
import { listenForProgressPorts } from './run/progress-ports';
import { readLastReport } from './run/report-store';
import { removeRetiredKeys } from './storage/storage-area';
import { listenForSending } from './fleet/sender';

// Top level, so a policy change, an alarm or the browser's start wakes the worker.
listenForPolicyChanges();
listenForSchedule();
listenForProgressPorts();
listenForSending();
// An update must not leave an earlier version's keys behind (the skeleton kept TURN credentials in clear).
browser.runtime.onInstalled.addListener(() => void removeRetiredKeys().catch((err: unknown) => console.warn('storage clean-up:', err)));
// The badge is not kept across browser restarts: show the stored verdict again.
void readLastReport()
  .then((report) => (report ? showBadge(report) : undefined))
  .catch(() => undefined);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // The one sender check: only the extension's own pages may ask (no
  // onMessageExternal is registered, so web pages cannot even reach here); the
  // offscreen document's traffic is addressed to it and is not ours to answer.
  if (sender.id !== browser.runtime.id) return undefined;
  if (typeof message === 'object' && message !== null && (message as { target?: unknown }).target === 'offscreen') return undefined;
  // Every other message gets an answer: a malformed one the documented `{ error }`, never `undefined`.
  const request = readRequest(message);
  if ('error' in request) return Promise.resolve(request);
  return handleRequest(request.type, request.fields);
});
