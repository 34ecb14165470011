import browser, { type Runtime } from 'webextension-polyfill';
import { DEFAULT_DEADLINE_MS, type PopupToBackground } from '../src/messages';
import { runGather } from './gather-run';
import { readLastRun } from './storage';

/** Longest deadline accepted from a message: a run must never hang a caller. */
const MAX_DEADLINE_MS = 60_000;

function deadlineFrom(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? Math.min(value, MAX_DEADLINE_MS)
    : DEFAULT_DEADLINE_MS;
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Only the extension's own pages may start runs; the offscreen document's
  // traffic is addressed to it and is not ours to answer.
  if (sender.id !== browser.runtime.id) return undefined;
  const msg = message as PopupToBackground & { target?: string };
  if (msg?.target === 'offscreen') return undefined;
  switch (msg?.type) {
    case 'gather':
      return runGather(Array.isArray(msg.iceServers) ? msg.iceServers : undefined, deadlineFrom(msg.deadlineMs));
    case 'getLastGather':
      return readLastRun();
    default:
      return undefined;
  }
});
