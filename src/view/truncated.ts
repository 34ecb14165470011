/**
 * What was cut from a report to fit storage (src/report/fit.ts), as one line:
 * "candidates 0/12, checks 312/20000". Every page that shows a report shows
 * it (popup, printable page, ticket text), so a shortened report is never
 * taken for a whole one.
 */
import type { Report } from '../report/types';

/** The cuts as `field kept/total`, comma-separated; null when nothing was cut. */
export function truncationList(report: Pick<Report, 'truncated'>): string | null {
  if (!report.truncated || report.truncated.length === 0) return null;
  return report.truncated.map((c) => `${c.field} ${c.kept}/${c.total}`).join(', ');
}
