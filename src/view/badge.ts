/**
 * The toolbar badge for a report: colour by outcome (route and required
 * services), and as text the number of things someone has to fix (missing
 * firewall rules and every other cause's findings), or a mark when none are.
 * Colour is never alone: the tooltip carries the headline.
 */
import type { MessageKey } from '../i18n/message-keys';
import type { Report } from '../report/types';
import { outcomeHeadline, type Headline, type Tone } from './headline';

export const BADGE_COLOURS: Record<Tone, string> = { good: '#137333', slow: '#b06000', limited: '#b06000', bad: '#c5221f', unknown: '#5f6368' };

export interface BadgeView {
  text: string;
  colour: string;
  /** The tooltip's headline, for `headlineText`. */
  headline: Headline;
  /** Locale key of the tooltip's headline. */
  headlineKey: MessageKey;
  /** Missing firewall rules. */
  missing: number;
  /** Findings of every other cause (proxy, DNS, credentials, vendor, this device). */
  otherFindings: number;
}

const MARK: Record<Tone, string> = { good: '✓', slow: '✓', limited: '!', bad: '✕', unknown: '?' };

export function badgeFor(report: Pick<Report, 'verdict' | 'missingRules'> & Partial<Pick<Report, 'outcome' | 'otherCauses'>>): BadgeView {
  const h = outcomeHeadline(report);
  const missing = report.missingRules.length;
  const otherFindings = (report.otherCauses ?? []).reduce((n, section) => n + section.rules.length + (section.notes?.length ?? 0), 0);
  const count = missing + otherFindings;
  const text = count > 0 ? (count > 99 ? '99+' : String(count)) : MARK[h.tone];
  return { text, colour: BADGE_COLOURS[h.tone], headline: h, headlineKey: h.key, missing, otherFindings };
}
