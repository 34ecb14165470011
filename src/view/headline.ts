/**
 * Route -> what the popup and the badge say, in message keys, so that every
 * word goes through a locale file. The popup never decides a route: it reads
 * `report.verdict.route` and only chooses words, colour and icon for it.
 */
import type { Route, Verdict } from '../verdict';

/** good = direct, slow = relayed (works, slower), bad = calls fail, unknown = nothing could be tested (grey, never red). */
export type Tone = 'good' | 'slow' | 'bad' | 'unknown';

export interface Headline {
  /** Locale key of the sentence. */
  key: string;
  tone: Tone;
  /** A text symbol shown next to the colour, so colour is never alone. */
  icon: string;
  /** Locale key of a second line when the route rests on an unverified method, else null. */
  caveatKey: string | null;
}

export const ROUTE_HEADLINE_KEYS: Record<Route, string> = {
  'hole-punching': 'verdict_headline_hole_punching',
  'relay-udp': 'verdict_headline_relay_udp',
  'relay-tcp': 'verdict_headline_relay_tcp',
  'relay-tls': 'verdict_headline_relay_tls',
  none: 'verdict_headline_none',
  untested: 'verdict_headline_untested',
};

export const TONE_ICON: Record<Tone, string> = { good: '✓', slow: '▲', bad: '✕', unknown: '?' };

/** An unproven hole punch is not "fast": only a verified one is good news. */
export function routeTone(route: Route, verified = true): Tone {
  if (route === 'untested') return 'unknown';
  if (route === 'none') return 'bad';
  return route === 'hole-punching' && verified ? 'good' : 'slow';
}

export function headline(verdict: Pick<Verdict, 'route' | 'routeVerified'> & Partial<Pick<Verdict, 'device'>>): Headline {
  if (verdict.device === 'offline') {
    return { key: 'verdict_headline_offline', tone: 'bad', icon: TONE_ICON.bad, caveatKey: null };
  }
  const tone = routeTone(verdict.route, verdict.routeVerified);
  return {
    key: ROUTE_HEADLINE_KEYS[verdict.route],
    tone,
    icon: TONE_ICON[tone],
    caveatKey: verdict.route !== 'none' && verdict.route !== 'untested' && !verdict.routeVerified ? 'verdict_caveat_unverified' : null,
  };
}
