/**
 * The verdict describes what the network allows, measured from inside the
 * extension. Chrome's WebRTC IP handling setting binds web pages only, so
 * when it takes routes away from the vendor's web app the verdict says so
 * next to each lost method and in its summary. The route itself is left as
 * measured: it is the network's answer, and support needs to see both.
 */
import { ROUTE_PREFERENCE, type Method, type Verdict } from '../verdict';
import { webAppLimits, type WebAppLimit, type WebRtcIpHandling } from './webrtc-ip-handling';
import { phrase, type Phrase } from '../i18n/phrase';

const LOST: Record<WebAppLimit, Method[]> = {
  lan: ['lan'],
  udp: ['lan', 'hole-punching', 'relay-udp'],
  // Firefox's proxy_only: TURN over TCP/TLS through the proxy is all that is left.
  'non-proxied': ['lan', 'hole-punching', 'relay-udp'],
  'other-interfaces': [],
};

const NAMES: Record<Method, Phrase> = {
  lan: phrase('web_app_route_lan'),
  'hole-punching': phrase('web_app_route_hole_punching'),
  'relay-udp': phrase('web_app_route_relay_udp'),
  'relay-tcp': phrase('web_app_route_relay_tcp'),
  'relay-tls': phrase('web_app_route_relay_tls'),
};

export function withWebAppLimits(verdict: Verdict, handling: WebRtcIpHandling): Verdict {
  if (!handling.limitsWebApps || handling.value === null) return verdict;
  const lost = new Set(webAppLimits(handling.value).flatMap((limit) => LOST[limit]));
  const usable = (status: string) => status === 'available' || status === 'unverified';
  const reason = { ...phrase('why_web_app_limited', { value: handling.value }), checkIds: [] };
  const methods = verdict.methods.map((m) => (lost.has(m.method) && usable(m.status) ? { ...m, reasons: [...m.reasons, reason] } : m));
  const best = ROUTE_PREFERENCE.find((method) => !lost.has(method) && methods.some((m) => m.method === method && usable(m.status)));
  const left = best ? phrase('web_app_best_route', { route: NAMES[best] }) : phrase('web_app_no_route');
  const summary = phrase('summary_web_app_limited', { summary: verdict.summary, value: handling.value, left });
  return { ...verdict, methods, summary };
}
