/**
 * The toolbar badge for a report, read from its one status (src/view/status.ts):
 * colour = status; text = the number of missing firewall rules (the network
 * admin's actions) or, when there are none, the status's own symbol, so that
 * colour is never alone (an empty badge would hide the colour too). The
 * tooltip carries the headline.
 */
import type { MessageKey } from '../i18n/message-keys';
import type { Headline, Tone } from './headline';
import { statusOf, type StatusInput, type StatusKind } from './status';

export const BADGE_COLOURS: Record<Tone, string> = { good: '#137333', slow: '#b06000', limited: '#b06000', bad: '#c5221f', unknown: '#5f6368' };

export interface BadgeView {
  text: string;
  colour: string;
  status: StatusKind;
  /** The tooltip's headline, for `headlineText`. */
  headline: Headline;
  /** Locale key of the tooltip's headline. */
  headlineKey: MessageKey;
  /** Missing firewall rules: the only thing the number counts. */
  missing: number;
}

export function badgeFor(report: StatusInput): BadgeView {
  const status = statusOf(report);
  const missing = status.networkAdminActions;
  const text = missing > 0 ? (missing > 99 ? '99+' : String(missing)) : status.headline.icon;
  return { text, colour: BADGE_COLOURS[status.tone], status: status.kind, headline: status.headline, headlineKey: status.headline.key, missing };
}
