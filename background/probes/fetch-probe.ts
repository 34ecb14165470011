import { browser } from '../browser';
import type { FetchEvidence, FetchTiming } from '../../src/checks/evidence';
import { originPattern } from '../../src/checks/origin-pattern';
import { withResponseStatus } from '../../src/checks/web-request-observation';
import { watchRequest } from './web-request-watch';
import { platform } from '#platform';
import type { CertificateEvidence } from '../../src/checks/certificate';

/** webRequest's onErrorOccurred can land just after fetch() rejects: wait this long for it. */
const EVIDENCE_SETTLE_MS = 150;

const settle = () => new Promise((resolve) => setTimeout(resolve, EVIDENCE_SETTLE_MS));

/**
 * A failed fetch() with host access: onErrorOccurred names the cause and always follows, but on a loaded machine it
 * came later than EVIDENCE_SETTLE_MS (measured, load 17 on 2 cores: a closed port read as `unknown`, not `refused`).
 * Waiting for it until it arrives costs nothing when it is quick; this bounds the wait when it never does.
 */
const ERROR_EVENT_WAIT_MS = 1000;

/** Waits until `seen()` holds, checking every few ms, for at most `limitMs`. */
async function settleUntil(seen: () => boolean, limitMs = EVIDENCE_SETTLE_MS): Promise<void> {
  const end = performance.now() + limitMs;
  while (!seen() && performance.now() < end) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Resource Timing phases; cross-origin servers without Timing-Allow-Origin expose only zeros. */
function timingOf(url: string): FetchTiming | null {
  const entries = performance.getEntriesByName(url, 'resource') as PerformanceResourceTiming[];
  const e = entries.at(-1);
  if (!e) return null;
  const span = (from: number, to: number) => (from > 0 && to >= from ? Math.round(to - from) : null);
  return {
    dnsMs: span(e.domainLookupStart, e.domainLookupEnd),
    connectMs: span(e.connectStart, e.connectEnd),
    tlsMs: e.secureConnectionStart > 0 ? span(e.secureConnectionStart, e.connectEnd) : null,
    firstByteMs: span(e.requestStart, e.responseStart),
  };
}

/**
 * One HTTPS request from the service worker. Any HTTP response, whatever its
 * status, proves DNS, TCP, TLS and the path through proxies work; the reason
 * for a failure comes from webRequest.
 */
export async function probeFetch(url: string, deadlineMs: number): Promise<FetchEvidence> {
  const started = performance.now();
  const hostAccess = await hasHostAccess(url);
  const first = await fetchOnce(url, deadlineMs, hostAccess);
  // Chrome fails requests in flight with ERR_NETWORK_CHANGED when it sees
  // interfaces or DNS settings change (measured right after start-up in the
  // lab): that says nothing about the host, so ask once more within the deadline.
  const left = deadlineMs - (performance.now() - started);
  if (first.netError !== 'net::ERR_NETWORK_CHANGED' || left < 250) return first;
  const second = await fetchOnce(url, left, hostAccess);
  return { ...second, durationMs: Math.round(performance.now() - started) };
}

/** Whether the extension may access the URL's host (granted at install, by the user, or by policy). */
async function hasHostAccess(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(url)] });
  } catch {
    return false;
  }
}

async function fetchOnce(url: string, deadlineMs: number, hostAccess: boolean): Promise<FetchEvidence> {
  const watch = watchRequest(url);
  // Firefox shows the chain of the answer (getSecurityInfo); Chrome shows extensions none.
  let certificate: CertificateEvidence | undefined;
  const stopCertificates = platform.securityInfo?.watch(url, (info) => (certificate = info));
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deadlineMs);
  const started = performance.now();
  let responded = false;
  let responseStatus: number | null = null;
  try {
    // no-cors: an opaque answer still proves the path, whatever the server's CORS headers.
    // With host access, manual redirects keep the probe on this host. Without it,
    // Chromium 156 rejects `redirect: 'manual'` at once for every URL, before any
    // network I/O (measured, docs FACTS): follow instead, where an opaque answer
    // proves the server answered and a throw that it did not (or its redirect target).
    const redirect: RequestRedirect = hostAccess ? 'manual' : 'follow';
    const response = await fetch(url, { cache: 'no-store', mode: 'no-cors', credentials: 'omit', redirect, signal: controller.signal });
    responded = true;
    // With host permission the answer is not opaque and carries its status.
    if (response.type !== 'opaque' && response.type !== 'opaqueredirect' && response.status > 0) responseStatus = response.status;
    // A proxy's 407 can resolve fetch() before onAuthRequired (which names the proxy) reaches the worker.
    if (responseStatus === 407) await settle();
    // onResponseStarted, which names the address the answer came from (webRequest `ip`), can reach the
    // worker after fetch() resolved (measured: a 204 through Squid lost it): wait for it, briefly, where
    // webRequest shows this URL at all. The address tells a proxy or a sinkhole from the vendor (cause.ts).
    else if (hostAccess) await settleUntil(() => watch.observation().remoteIp !== null);
  } catch {
    if (hostAccess) await settleUntil(() => watch.observation().netError !== null || watch.observation().proxyAuthRequired, ERROR_EVENT_WAIT_MS);
    else await settle();
  } finally {
    clearTimeout(timer);
  }
  const durationMs = Math.round(performance.now() - started);
  watch.stop();
  stopCertificates?.();
  return {
    ...(certificate ? { certificate } : {}),
    url,
    hostAccess,
    responded,
    timedOut,
    durationMs,
    timing: responded ? timingOf(url) : null,
    ...withResponseStatus(watch.observation(), responseStatus),
  };
}
