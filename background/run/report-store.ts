import browser from 'webextension-polyfill';
import type { Report } from '../../src/report/types';
import { historyWith } from '../history/history-store';
import { writesSettled } from './pending-writes';

import { LAST_REPORT_KEY as LAST_REPORT } from '../../src/storage-keys';

export async function saveReport(report: Report): Promise<void> {
  // One set() call for the last report and the history: storage writes it
  // whole or not at all, so a worker stopped here never leaves the two apart.
  await browser.storage.local.set({ [LAST_REPORT]: report, ...(await historyWith(report)) });
}

export async function readLastReport(): Promise<Report | null> {
  await writesSettled();
  const stored = await browser.storage.local.get(LAST_REPORT);
  return (stored[LAST_REPORT] as Report | undefined) ?? null;
}
