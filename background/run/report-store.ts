import type { Report } from '../../src/report/types';
import { historyWith } from '../history/history-store';
import { readStored, removeStored, writeStored } from '../storage/storage-area';
import { writesSettled } from './pending-writes';

/**
 * Stores the report (already cut to fit by the caller, see fitReport) as the
 * last one and first in the history. One set() call for both: storage writes
 * it whole or not at all, so a worker stopped here never leaves the two apart.
 * Should the quota still be exceeded (other keys, another version's leftovers),
 * the history is given up before the report is. Should even that fail, the
 * previous last report is removed: a page showing it would pass an old
 * verdict off as this run's (issue 29); "no report" is the truth.
 */
export async function saveReport(report: Report): Promise<void> {
  try {
    await writeStored({ lastReport: report, reportHistory: await historyWith(report) });
  } catch (err) {
    if (!/quota/i.test(String(err))) throw err;
    try {
      await writeStored({ lastReport: report, reportHistory: [report] });
    } catch (again) {
      await removeStored('lastReport').catch(() => undefined);
      throw again;
    }
  }
}

export async function readLastReport(): Promise<Report | null> {
  await writesSettled();
  return readStored('lastReport');
}
