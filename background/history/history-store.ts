import browser from 'webextension-polyfill';
import type { HistoryEntry } from '../../src/messages';
import { addToHistory, historyEntry, readHistoryValue } from '../../src/report/history';
import type { Report } from '../../src/report/types';
import { writesSettled } from '../run/pending-writes';

/** storage.local key: the last 20 reports, newest first. Nothing leaves the browser. */
export const HISTORY_KEY = 'reportHistory';

export async function readHistory(): Promise<Report[]> {
  const stored = await browser.storage.local.get(HISTORY_KEY);
  return readHistoryValue(stored[HISTORY_KEY]);
}

/** The storage items that add `report` to the history, for the caller's single write. */
export async function historyWith(report: Report): Promise<Record<string, unknown>> {
  return { [HISTORY_KEY]: addToHistory(await readHistory(), report) };
}

// Readers wait for queued report writes (pending-writes.ts); historyWith, which runs inside one, must not.
export async function listHistory(): Promise<HistoryEntry[]> {
  await writesSettled();
  return (await readHistory()).map(historyEntry);
}

export async function findReport(id: unknown): Promise<Report | null> {
  if (typeof id !== 'string' || id === '') return null;
  await writesSettled();
  return (await readHistory()).find((r) => r.id === id) ?? null;
}
