import { browser } from '../browser';
import { isErrorReply } from '../../src/contract/requests';
import { readStored, removeStored, writeStored } from '../storage/storage-area';
import { runFromSettings } from './run-from-settings';
import { readSettingsView } from '../settings/store';
import { onPolicyChanged } from '../policy/read-policy';

/**
 * Automatic runs, when policy enables them (both off by default): every N
 * minutes by chrome.alarms, and once per browser start. They go through
 * runFromSettings and the run controller like the popup's button, so the
 * report is saved (badge, history) with nobody opening the popup.
 */
const ALARM = 'wnc-scheduled-run';
/** A policy arriving this long after start no longer counts as "on start". */
const STARTUP_WINDOW_MS = 10 * 60_000;

let queue: Promise<void> = Promise.resolve();

/** One sync at a time: start-up, install and a policy change arrive together and must not run twice. */
function serially(task: () => Promise<void>): Promise<void> {
  queue = queue.then(task).catch((err: unknown) => console.warn('automatic run:', err));
  return queue;
}

async function runAutomatically(trigger: 'schedule' | 'startup'): Promise<void> {
  const reply = await runFromSettings(trigger);
  if (isErrorReply(reply)) console.warn(`automatic ${trigger} run refused: ${reply.error.message}`);
}

async function syncAlarm(minutes: number | null): Promise<void> {
  const existing = await browser.alarms.get(ALARM);
  if (minutes === null) {
    if (existing) await browser.alarms.clear(ALARM);
    return;
  }
  // Re-creating would restart the period on every service-worker wake-up.
  if (existing?.periodInMinutes === minutes) return;
  await browser.alarms.create(ALARM, { delayInMinutes: minutes, periodInMinutes: minutes });
}

async function runPendingStartup(): Promise<void> {
  // storage.session lives as long as the browser session: exactly "once per start".
  const since = await readStored('startupRunPendingSince');
  if (since === null) return;
  await removeStored('startupRunPendingSince');
  if (Date.now() - since <= STARTUP_WINDOW_MS) await runAutomatically('startup');
}

/** Brings the alarm and a pending start-up run in line with the current settings. */
function sync(): Promise<void> {
  return serially(async () => {
    const { effective } = await readSettingsView();
    await syncAlarm(effective.runEveryMinutes);
    // Without runOnStartup the flag stays: policy often arrives seconds after start.
    if (effective.runOnStartup) await runPendingStartup();
  });
}

function markStart(): Promise<void> {
  return serially(() => writeStored({ startupRunPendingSince: Date.now() })).then(sync);
}

/** Registered at the service worker's top level so alarms and start-up wake it. */
export function listenForSchedule(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void serially(() => runAutomatically('schedule'));
  });
  browser.runtime.onStartup.addListener(() => void markStart());
  // A force-installed extension's first start is an install, not a start-up: it counts as the start.
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void markStart();
  });
  onPolicyChanged(() => void sync());
  void sync();
}
