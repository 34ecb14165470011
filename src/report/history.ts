/**
 * The report history: the newest reports, newest first, capped. Pure, so the
 * service worker only reads, calls this, and writes once.
 */
import type { Report } from './types';
import { readStoredReport } from './stored';
import { jsonBytes } from './fit';

/** One line of the history list; the report itself is read with `getReport`. */
export interface HistoryEntry {
  id: string;
  startedAt: string;
  profileId: string;
  profileName: string;
  route: Report['verdict']['route'];
  missingRules: number;
}

export const HISTORY_LIMIT = 20;

/** All stored reports together stay under this, with room for the last report and settings in the 10 MB `storage.local` quota. */
export const HISTORY_BUDGET_BYTES = 6_000_000;

/**
 * The history with `report` first, at most `limit` reports and at most
 * `budgetBytes` of JSON: older reports (say, large ones an earlier version
 * stored uncut) go first when the budget is reached. The new report always stays.
 */
export function addToHistory(history: readonly Report[], report: Report, limit = HISTORY_LIMIT, budgetBytes = HISTORY_BUDGET_BYTES): Report[] {
  const kept: Report[] = [report];
  let used = jsonBytes(report);
  for (const older of history.filter((r) => r.id !== report.id).slice(0, limit - 1)) {
    used += jsonBytes(older);
    if (used > budgetBytes) break;
    kept.push(older);
  }
  return kept;
}

export function historyEntry(report: Report): HistoryEntry {
  return {
    id: report.id,
    startedAt: report.startedAt,
    profileId: report.profile.id,
    profileName: report.profile.name,
    route: report.verdict.route,
    missingRules: report.missingRules.length,
  };
}

/** Whatever storage holds, a list of reports: a damaged item (or another version's) is dropped rather than crashing the list. */
export function readHistoryValue(value: unknown): Report[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => readStoredReport(item) ?? []);
}
