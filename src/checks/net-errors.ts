/**
 * webRequest evidence -> check outcome, for fetch and WebSocket checks.
 * fetch() itself only ever says "Failed to fetch"; `webRequest.onErrorOccurred`
 * names the reason (Chrome: net::ERR_…; Firefox: NS_ERROR_… names, and for a
 * TLS or certificate failure NSS's own message in the browser's language,
 * test/fixtures/firefox-153.json), `onCompleted` / `onHeadersReceived` give the status.
 */
import { phrase, type Phrase } from '../i18n/phrase';
import type { CheckOutcome, CheckReason, CheckStatus } from './types';

interface NetErrorRow {
  match: RegExp;
  reason: CheckReason;
  status: CheckStatus;
  detail: Phrase;
}

/** First matching row wins. */
export const NET_ERROR_TABLE: readonly NetErrorRow[] = [
  { match: /^net::ERR_NAME_(NOT_RESOLVED|RESOLUTION_FAILED)$/, reason: 'dns', status: 'fail', detail: phrase('detail_dns') },
  { match: /^net::ERR_CONNECTION_REFUSED$/, reason: 'refused', status: 'fail', detail: phrase('detail_refused') },
  // TLS completed, and the certificate named another host or was out of date: the server's own
  // certificate, or a block page's (the address tells them apart, src/checks/cause.ts).
  { match: /^net::ERR_CERT_COMMON_NAME_INVALID$/, reason: 'cert-name-mismatch', status: 'fail', detail: phrase('detail_cert_name_mismatch') },
  { match: /^net::ERR_CERT_DATE_INVALID$/, reason: 'cert-expired', status: 'fail', detail: phrase('detail_cert_expired') },
  {
    match: /^net::ERR_(CERT_|SSL_PINNED_KEY)/,
    reason: 'cert-untrusted',
    status: 'fail',
    detail: phrase('detail_cert_untrusted'),
  },
  { match: /^net::ERR_(SSL_|BAD_SSL_)/, reason: 'tls-failed', status: 'fail', detail: phrase('detail_tls_failed') },
  { match: /^net::ERR_PROXY_AUTH_/, reason: 'proxy-auth', status: 'fail', detail: phrase('detail_proxy_auth') },
  {
    match: /^net::ERR_(TUNNEL_CONNECTION_FAILED|PROXY_|MANDATORY_PROXY_)/,
    reason: 'proxy',
    status: 'fail',
    detail: phrase('detail_proxy_failed'),
  },
  {
    match: /^net::ERR_UNSAFE_PORT$/,
    reason: 'unsafe-port',
    status: 'untestable',
    detail: phrase('detail_unsafe_port'),
  },
  // ERR_ABORTED is the run's own abort when its deadline passed (measured on DROP-filtered ports).
  { match: /^net::ERR_(TIMED_OUT|CONNECTION_TIMED_OUT|ABORTED)$/, reason: 'timeout', status: 'fail', detail: phrase('detail_no_answer') },
  {
    match: /^net::ERR_(CONNECTION_RESET|CONNECTION_CLOSED|CONNECTION_ABORTED|EMPTY_RESPONSE)$/,
    reason: 'reset',
    status: 'fail',
    detail: phrase('detail_reset'),
  },
  // Measured: a name with only an IPv6 address, on a network without IPv6, gives this very error (and
  // onErrorOccurred names no address), exactly as a router refusing the IPv4 address would.
  {
    match: /^net::ERR_ADDRESS_UNREACHABLE$/,
    reason: 'unreachable',
    status: 'fail',
    detail: phrase('detail_address_unreachable'),
  },
  {
    match: /^net::ERR_(NETWORK_UNREACHABLE|INTERNET_DISCONNECTED|NETWORK_ACCESS_DENIED)$/,
    reason: 'unreachable',
    status: 'fail',
    detail: phrase('detail_unreachable'),
  },
  {
    match: /^net::ERR_BLOCKED_BY_(ADMINISTRATOR|CLIENT|RESPONSE)$/,
    reason: 'blocked',
    status: 'fail',
    detail: phrase('detail_browser_blocked'),
  },
  { match: /^net::ERR_NETWORK_CHANGED$/, reason: 'network-changed', status: 'fail', detail: phrase('detail_network_changed') },
  // Firefox (error names from ChannelWrapper; measured ones in test/fixtures/firefox-153.json).
  { match: /^NS_ERROR_UNKNOWN_HOST$/, reason: 'dns', status: 'fail', detail: phrase('detail_dns') },
  { match: /^NS_ERROR_CONNECTION_REFUSED$/, reason: 'refused', status: 'fail', detail: phrase('detail_refused') },
  { match: /^NS_ERROR_PROXY_AUTHENTICATION_FAILED$/, reason: 'proxy-auth', status: 'fail', detail: phrase('detail_proxy_auth') },
  {
    match: /^NS_ERROR_(PROXY_|UNKNOWN_PROXY_HOST$)/,
    reason: 'proxy',
    status: 'fail',
    detail: phrase('detail_proxy_failed'),
  },
  {
    match: /^NS_ERROR_PORT_ACCESS_NOT_ALLOWED$/,
    reason: 'unsafe-port',
    status: 'untestable',
    detail: phrase('detail_unsafe_port'),
  },
  { match: /^(NS_ERROR_NET_TIMEOUT|NS_BINDING_ABORTED|NS_ERROR_ABORT)$/, reason: 'timeout', status: 'fail', detail: phrase('detail_no_answer') },
  {
    match: /^NS_ERROR_NET_(RESET|INTERRUPT|PARTIAL_TRANSFER)$/,
    reason: 'reset',
    status: 'fail',
    detail: phrase('detail_reset'),
  },
  { match: /^NS_ERROR_OFFLINE$/, reason: 'unreachable', status: 'fail', detail: phrase('detail_address_unreachable') },
  // Firefox words a security-module failure in NSS's localized message, never a name:
  // certificate problems by their English words, any other such message as a TLS failure.
  {
    match: /^(?!NS_|net::).*\b(certificate|issuer)\b/i,
    reason: 'cert-untrusted',
    status: 'fail',
    detail: phrase('detail_cert_untrusted'),
  },
  { match: /^(?!NS_|net::)\D/, reason: 'tls-failed', status: 'fail', detail: phrase('detail_tls_failed') },
];

const PROXY_AUTH_REQUIRED = 407;

export function classifyNetError(netError: string | null, httpStatus?: number | null): CheckOutcome {
  if (httpStatus === PROXY_AUTH_REQUIRED) return { status: 'fail', reason: 'proxy-auth', detail: phrase('detail_proxy_auth'), evidence: 'HTTP 407' };
  // Any other HTTP status means a server answered: the path is open, whatever the page says.
  if (httpStatus != null && httpStatus > 0) return { status: 'pass', reason: null, detail: phrase('detail_server_answered'), evidence: `HTTP ${httpStatus}` };
  if (netError === null || netError === '') return { status: 'fail', reason: 'unknown', detail: phrase('detail_failed_no_reason') };
  const row = NET_ERROR_TABLE.find((candidate) => candidate.match.test(netError));
  if (row) return { status: row.status, reason: row.reason, detail: row.detail, evidence: netError };
  return { status: 'fail', reason: 'unknown', detail: phrase('detail_failed'), evidence: netError };
}
