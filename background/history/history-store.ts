import { addToHistory, historyEntry, type HistoryEntry } from '../../src/report/history';
import type { Report } from '../../src/report/types';
import { writesSettled } from '../run/pending-writes';
import { readStored } from '../storage/storage-area';

/** The last 20 reports, newest first (storage key `reportHistory`). Nothing leaves the browser. */
export function readHistory(): Promise<Report[]> {
  return readStored('reportHistory');
}

/** The history with `report` added, for the caller's single write. */
export async function historyWith(report: Report): Promise<Report[]> {
  return addToHistory(await readHistory(), report);
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
