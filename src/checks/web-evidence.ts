import { fetchCheckResult, webSocketCheckResult, withNote } from './web-results';
import { phrase } from '../i18n/phrase';
import type { CheckResult, PlannedFetchCheck, PlannedWebSocketCheck } from './types';
import type { FetchEvidence, WebSocketEvidence } from './evidence';
import { interceptedBy, type CertificateEvidence } from './certificate';

/**
 * Raw probe evidence -> the core's evidence shape. An opaque fetch() answer
 * is a response even when webRequest could not show its status (no host
 * permission for that URL): it still proves the path.
 */
export function fetchResult(plan: PlannedFetchCheck, e: FetchEvidence): CheckResult {
  const result = withAddress(withCertificate(fetchResultOf(plan, e), e.certificate), e);
  return e.proxyAddress ? { ...result, proxy: e.proxyAddress } : result;
}

/**
 * The address the browser connected to, kept only where it is the server's: through a
 * proxy webRequest names the proxy (measured with Squid), which says nothing about DNS.
 */
function withAddress(result: CheckResult, e: Pick<FetchEvidence, 'remoteIp' | 'proxyAddress' | 'statusCode'>): CheckResult {
  if (!e.remoteIp || e.proxyAddress || e.statusCode === 407) return result;
  return { ...result, address: e.remoteIp.replace(/^\[|\]$/g, '') };
}

/** The chain the browser showed, kept; a root this device added is named in the detail (TLS inspection, or a private CA). */
function withCertificate(result: CheckResult, certificate: CertificateEvidence | undefined): CheckResult {
  if (!certificate) return result;
  const issuer = interceptedBy(certificate);
  const detail = issuer ? phrase('detail_cert_private_root', { detail: result.detail, issuer }) : result.detail;
  return { ...result, detail, certificate };
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
  // Otherwise the HTTPS probe of the same origin names the cause the socket could not;
  // a proxy that refused the socket is explained by its 407 to the same origin (Firefox
  // says only NS_ERROR_PROXY_CONNECTION_REFUSED for the socket, measured).
  const explains = result.reason === 'unknown' || (result.reason === 'proxy' && https.reason === 'proxy-auth');
  return explains ? { ...result, reason: https.reason, detail: https.detail, ...(https.evidence ? { evidence: https.evidence } : {}) } : result;
}
