/**
 * The verdict describes what the network allows, measured from inside the
 * extension. Chrome's WebRTC IP handling setting binds web pages only, so
 * when it takes routes away from the vendor's web app the verdict says so
 * next to each lost method and in its summary. The route itself is left as
 * measured: it is the network's answer, and support needs to see both.
 */
import { ROUTE_PREFERENCE, type Method, type Verdict } from '../verdict';
import { webAppLimits, type WebAppLimit, type WebRtcIpHandling } from './webrtc-ip-handling';

const LOST: Record<WebAppLimit, Method[]> = {
  lan: ['lan'],
  udp: ['lan', 'hole-punching', 'relay-udp'],
  // Firefox's proxy_only: TURN over TCP/TLS through the proxy is all that is left.
  'non-proxied': ['lan', 'hole-punching', 'relay-udp'],
  'other-interfaces': [],
};

const NAMES: Record<Method, string> = {
  lan: 'direct calls on the local network',
  'hole-punching': 'direct calls (hole punching)',
  'relay-udp': 'a relay over UDP',
  'relay-tcp': 'a relay over TCP',
  'relay-tls': 'a relay over TLS',
};

export function withWebAppLimits(verdict: Verdict, handling: WebRtcIpHandling): Verdict {
  if (!handling.limitsWebApps || handling.value === null) return verdict;
  const lost = new Set(webAppLimits(handling.value).flatMap((limit) => LOST[limit]));
  const usable = (status: string) => status === 'available' || status === 'unverified';
  const reason = {
    text: `web apps in this browser cannot use this: its WebRTC IP handling is "${handling.value}" (the checks run inside the extension, which that setting does not restrict)`,
    checkIds: [],
  };
  const methods = verdict.methods.map((m) => (lost.has(m.method) && usable(m.status) ? { ...m, reasons: [...m.reasons, reason] } : m));
  const best = ROUTE_PREFERENCE.find((method) => !lost.has(method) && methods.some((m) => m.method === method && usable(m.status)));
  const left = best ? `at best they will use ${NAMES[best]}` : 'they have no route left';
  const summary = `${verdict.summary} Web apps in this browser are limited by its WebRTC IP handling setting (${handling.value}): ${left}.`;
  return { ...verdict, methods, summary };
}
