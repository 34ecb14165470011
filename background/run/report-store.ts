import browser from 'webextension-polyfill';
import type { Report } from '../../src/report/types';
import { HISTORY_KEY, historyWith } from '../history/history-store';
import { readStoredReport } from '../../src/report/stored';
import { writesSettled } from './pending-writes';

import { LAST_REPORT_KEY as LAST_REPORT } from '../../src/storage-keys';

/**
 * Stores the report (already cut to fit by the caller, see fitReport) as the
 * last one and first in the history. One set() call for both: storage writes
 * it whole or not at all, so a worker stopped here never leaves the two apart.
 * Should the quota still be exceeded (other keys, another version's leftovers),
 * the history is given up before the report is.
 */
export async function saveReport(report: Report): Promise<void> {
  try {
    await browser.storage.local.set({ [LAST_REPORT]: report, ...(await historyWith(report)) });
  } catch (err) {
    if (!/quota/i.test(String(err))) throw err;
    await browser.storage.local.set({ [LAST_REPORT]: report, [HISTORY_KEY]: [report] });
  }
}

export async function readLastReport(): Promise<Report | null> {
  await writesSettled();
  const stored = await browser.storage.local.get(LAST_REPORT);
  return readStoredReport(stored[LAST_REPORT]);
}
