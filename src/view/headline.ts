/**
 * The outcome -> what the popup and the badge say, in message keys, so that
 * every word goes through a locale file. The popup never decides anything: it
 * reads `report.outcome` (route and required services together) and
 * `report.verdict.route`, and only chooses words, colour and icon for them.
 */
import type { MessageKey } from '../i18n/message-keys';
import type { Translate } from '../i18n/translate';
import type { Route, Verdict } from '../verdict';

/**
 * good = direct; slow = relayed (works, slower); limited = calls connect but a
 * service the app needs is blocked; bad = calls or the app fail; unknown =
 * nothing could be tested (grey, never red).
 */
export type Tone = 'good' | 'slow' | 'limited' | 'bad' | 'unknown';

export interface Headline {
  /** Locale key of the sentence. */
  key: MessageKey;
  /** Its substitutions; empty when the sentence names services (see `services`). */
  substitutions: string[];
  /** The blocked services' names, in the vendor's words, quoted by the reader's locale in `headlineText`. */
  services: string[];
  tone: Tone;
  /** A text symbol shown next to the colour, so colour is never alone. */
  icon: string;
  /** Locale key of a second line: what the route alone says, or why it is not proven; null for none. */
  caveatKey: MessageKey | null;
}

export const ROUTE_HEADLINE_KEYS: Record<Route, MessageKey> = {
  'hole-punching': 'verdict_headline_hole_punching',
  'relay-udp': 'verdict_headline_relay_udp',
  'relay-tcp': 'verdict_headline_relay_tcp',
  'relay-tls': 'verdict_headline_relay_tls',
  none: 'verdict_headline_none',
  untested: 'verdict_headline_untested',
};

export const TONE_ICON: Record<Tone, string> = { good: '✓', slow: '▲', limited: '▲', bad: '✕', unknown: '?' };

/** An unproven hole punch is not "fast": only a verified one is good news. */
export function routeTone(route: Route, verified = true): Tone {
  if (route === 'untested') return 'unknown';
  if (route === 'none') return 'bad';
  return route === 'hole-punching' && verified ? 'good' : 'slow';
}

/** The route alone (and an offline device); reports written before the outcome existed get only this. */
export function headline(verdict: Pick<Verdict, 'route' | 'routeVerified'> & Partial<Pick<Verdict, 'device'>>): Headline {
  if (verdict.device === 'offline') {
    return { key: 'verdict_headline_offline', substitutions: [], services: [], tone: 'bad', icon: TONE_ICON.bad, caveatKey: null };
  }
  const tone = routeTone(verdict.route, verdict.routeVerified);
  return {
    key: ROUTE_HEADLINE_KEYS[verdict.route],
    substitutions: [],
    services: [],
    tone,
    icon: TONE_ICON[tone],
    caveatKey: verdict.route !== 'none' && verdict.route !== 'untested' && !verdict.routeVerified ? 'verdict_caveat_unverified' : null,
  };
}

/** The headline in the reader's language: service names quoted as the locale quotes (“…”, „…“, « … »). */
export function headlineText(h: Pick<Headline, 'key' | 'substitutions' | 'services'>, t: Translate): string {
  if (h.services.length === 0) return t(h.key, h.substitutions);
  return t(h.key, [h.services.map((s) => t('outcome_service_quoted', [s])).join(', ')]);
}
