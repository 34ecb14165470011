import browser from 'webextension-polyfill';
import type { Report } from '../../src/report/types';

const LAST_REPORT = 'lastReport';

export async function saveReport(report: Report): Promise<void> {
  // One set() call: storage writes it whole or not at all.
  await browser.storage.local.set({ [LAST_REPORT]: report });
}

export async function readLastReport(): Promise<Report | null> {
  const stored = await browser.storage.local.get(LAST_REPORT);
  return (stored[LAST_REPORT] as Report | undefined) ?? null;
}
