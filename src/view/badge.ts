/**
 * The toolbar badge for a report: colour by route, and as text the number of
 * missing rules (what the admin has to do), or a check mark when none are.
 * Colour is never alone: the tooltip carries the headline.
 */
import type { Report } from '../report/types';
import { headline, type Tone } from './headline';

export const BADGE_COLOURS: Record<Tone, string> = { good: '#137333', slow: '#b06000', bad: '#c5221f', unknown: '#5f6368' };

export interface BadgeView {
  text: string;
  colour: string;
  /** Locale key of the tooltip's headline. */
  headlineKey: string;
}

export function badgeFor(report: Pick<Report, 'verdict' | 'missingRules'>): BadgeView {
  const h = headline(report.verdict);
  const missing = report.missingRules.length;
  const text = missing > 0 ? (missing > 99 ? '99+' : String(missing)) : report.verdict.route === 'none' ? '✕' : report.verdict.route === 'untested' ? '?' : '✓';
  return { text, colour: BADGE_COLOURS[h.tone], headlineKey: h.key };
}
