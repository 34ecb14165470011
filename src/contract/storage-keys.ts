/**
 * The names of everything the extension keeps in `storage.local` and
 * `storage.session`, in one place. Their types, defaults and readers are in
 * ./storage.ts; this file has only the names, so a page can read one key
 * (the popup's first paint reads the last report) without loading every reader.
 */
export const STORAGE_KEYS = {
  /** local: the newest report (Report). */
  lastReport: 'lastReport',
  /** local: the last 20 reports, newest first (Report[]). */
  reportHistory: 'reportHistory',
  /** local: the user's own settings (Partial<Settings>); policy lives in storage.managed. */
  settings: 'settings',
  /** local: imported custom profiles (StoredProfile[]). */
  customProfiles: 'customProfiles',
  /** session: when the browser started (ms since epoch) while a start-up run is still owed. */
  startupRunPendingSince: 'startupRunPendingSince',
  /** local: reports waiting for the district's collector (QueuedReport[], src/fleet/queue.ts): OTLP payloads, never read by a page. */
  reportSendQueue: 'reportSendQueue',
  /** local: counts and named problems of sending (SendStatus, src/fleet/status.ts): the options page shows them. */
  reportSendStatus: 'reportSendStatus',
} as const;

export type StorageName = keyof typeof STORAGE_KEYS;

/**
 * Keys earlier versions wrote and this one no longer reads, removed from
 * `storage.local` on install and update. `gatherServers` held the walking
 * skeleton's TURN credentials in clear: they must not outlive the update.
 */
export const RETIRED_LOCAL_KEYS = ['lastGather', 'gatherServers'] as const;
