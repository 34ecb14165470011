import { fetchCheckResult, webSocketCheckResult, withNote } from './web-results';
import { phrase } from '../i18n/phrase';
import type { CheckResult, PlannedFetchCheck, PlannedWebSocketCheck } from './types';
import type { FetchEvidence, WebSocketEvidence } from './evidence';

/**
 * Raw probe evidence -> the core's evidence shape. An opaque fetch() answer
 * is a response even when webRequest could not show its status (no host
 * permission for that URL): it still proves the path.
 */
export function fetchResult(plan: PlannedFetchCheck, e: FetchEvidence): CheckResult {
  const result = fetchResultOf(plan, e);
  return e.proxyAddress ? { ...result, proxy: e.proxyAddress } : result;
}

function fetchResultOf(plan: PlannedFetchCheck, e: FetchEvidence): CheckResult {
  const httpStatus = e.statusCode ?? (e.proxyAuthRequired ? 407 : null);
  const result = fetchCheckResult(plan, { httpStatus, netError: e.netError, timedOut: e.timedOut, durationMs: e.durationMs });
  if (e.responded && httpStatus === null) {
    const detail = phrase(e.hostAccess ? 'detail_answered_status_unseen' : 'detail_answered_no_host_access');
    return { ...result, status: 'pass', reason: null, detail: withNote(detail, plan.note) };
  }
  if (!e.responded && !e.observed && result.reason === 'unknown') {
    const detail = phrase(e.hostAccess ? 'detail_failed_after_no_reason' : 'detail_failed_after_no_host_access', { ms: e.durationMs });
    return { ...result, detail: withNote(detail, plan.note) };
  }
  return result;
}

export function webSocketResult(plan: PlannedWebSocketCheck, e: WebSocketEvidence, sameOriginHttps: FetchEvidence | null): CheckResult {
  const result = webSocketResultOf(plan, e, sameOriginHttps);
  const proxy = e.proxyAddress ?? sameOriginHttps?.proxyAddress ?? null;
  return proxy && result.status === 'fail' ? { ...result, proxy } : result;
}

function webSocketResultOf(plan: PlannedWebSocketCheck, e: WebSocketEvidence, sameOriginHttps: FetchEvidence | null): CheckResult {
  const result = webSocketCheckResult(plan, {
    opened: e.opened,
    httpStatus: e.statusCode ?? (e.proxyAuthRequired ? 407 : null),
    netError: e.netError,
    timedOut: e.timedOut,
    durationMs: e.durationMs,
  });
  if (result.status !== 'fail' || !sameOriginHttps) return result;
  const https = fetchResult({ ...plan, type: 'fetch', url: sameOriginHttps.url, note: null }, sameOriginHttps);
  // The socket failed: if plain HTTPS to the same host and port works, the
  // path is open and something refuses the upgrade itself.
  if (https.status === 'pass') {
    return {
      ...result,
      reason: 'upgrade-refused',
      detail: phrase('detail_upgrade_refused'),
    };
  }
  // Otherwise the HTTPS probe of the same origin names the cause the socket could not.
  return result.reason === 'unknown'
    ? { ...result, reason: https.reason, detail: https.detail, ...(https.evidence ? { evidence: https.evidence } : {}) }
    : result;
}
