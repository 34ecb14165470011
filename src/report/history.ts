/**
 * The report history: the newest reports, newest first, capped. Pure, so the
 * service worker only reads, calls this, and writes once.
 */
import type { HistoryEntry } from '../messages';
import type { Report } from './types';

export const HISTORY_LIMIT = 20;

export function addToHistory(history: readonly Report[], report: Report, limit = HISTORY_LIMIT): Report[] {
  return [report, ...history.filter((r) => r.id !== report.id)].slice(0, limit);
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

/** Whatever storage holds, a list of reports: a damaged value is dropped rather than crashing the list. */
export function readHistoryValue(value: unknown): Report[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (r): r is Report => typeof r === 'object' && r !== null && typeof (r as Report).id === 'string' && typeof (r as Report).startedAt === 'string' && typeof (r as Report).verdict === 'object',
  );
}
