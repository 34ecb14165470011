import { STORAGE_KEYS } from '../../src/contract/storage-keys';
import { browser } from './browser';
import { REPORT_SCHEMA, type Report } from '../../src/report/types';

/** What the popup read from `storage.local` for its first paint: the stored value, or the read's error. */
export interface StoredRead {
  value: unknown;
  error?: string;
}

/** Reads the stored report from storage.local (an IPC round trip to the browser, no service worker involved). */
export function storedRead(): Promise<StoredRead> {
  return browser.storage.local.get(STORAGE_KEYS.lastReport).then(
    (stored) => ({ value: stored[STORAGE_KEYS.lastReport] }),
    (err: unknown) => ({ value: undefined, error: String(err) }),
  );
}

/**
 * A report of this version's schema whose start the popup can format, or
 * null. The full check is src/report/stored.ts, in the service worker's
 * readers (with it the popup is 2.6 KB over its size budget, measured); a
 * damaged value that still throws is caught in main.tsx. Issue 29: a stored
 * start in month 13 was shown as "checked NaN minutes ago".
 */
export function currentReport(value: unknown): Report | null {
  if (typeof value !== 'object' || value === null || (value as Report).schema !== REPORT_SCHEMA) return null;
  return Number.isFinite(Date.parse(String((value as Report).startedAt))) ? (value as Report) : null;
}
