/**
 * Export file names: `webrtc-check-<profile id>-<local YYYY-MM-DD_HHmm>.<ext>`.
 * The local time of the run's start, because that is the clock the person
 * filing the ticket reads; the exact UTC time is inside the file.
 */
import type { Report } from './types';

export type ExportExtension = 'json' | 'txt';

const pad = (n: number) => String(n).padStart(2, '0');

export function reportFileName(report: Pick<Report, 'startedAt' | 'profile'>, extension: ExportExtension): string {
  const at = new Date(report.startedAt);
  const stamp = Number.isNaN(at.getTime())
    ? 'unknown-time'
    : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}_${pad(at.getHours())}${pad(at.getMinutes())}`;
  // Profile ids are validated, but a file name must survive any string.
  const profile = report.profile.id.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'profile';
  return `webrtc-check-${profile}-${stamp}.${extension}`;
}
