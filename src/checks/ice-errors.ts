/**
 * `icecandidateerror` -> check outcome. The texts are Chromium's, captured in
 * the lab (test/fixtures/chrome-156.json); the codes are STUN error codes
 * (RFC 8489), plus 701 for "no answer / could not connect" (WebRTC spec).
 * Firefox gives the codes with an empty `errorText` (test/fixtures/firefox-153.json):
 * rows that hold for the code alone also match an empty text.
 */
import { phrase, type Phrase } from '../i18n/phrase';
import type { IceCandidateError } from '../ice/types';
import type { CheckOutcome, CheckReason, CheckStatus, IceTarget } from './types';

/** What the check knows about the server it asked, to word the outcome. */
export type IceErrorContext = Pick<IceTarget, 'hasCredentials' | 'transport'>;

interface IceErrorRow {
  code: number;
  text: RegExp;
  status: CheckStatus | ((context: IceErrorContext) => CheckStatus);
  reason: CheckReason | ((context: IceErrorContext) => CheckReason);
  detail: (context: IceErrorContext) => Phrase;
}

const OVER = { udp: 'UDP', tcp: 'TCP', tls: 'TLS' } as const;

/** First matching row wins. */
export const ICE_ERROR_TABLE: readonly IceErrorRow[] = [
  {
    code: 401,
    // RFC 8489: 401 is Unauthorized whatever the text; Firefox gives none.
    text: /unauthorized|^$/i,
    // The 401 challenge is the server's first answer to any allocation: it proves the
    // server reachable over this transport. Only with real credentials is it a failure.
    status: (context) => (context.hasCredentials ? 'fail' : 'warn'),
    reason: 'auth-401',
    detail: (context) =>
      context.hasCredentials
        ? phrase('detail_auth_rejected', { transport: OVER[context.transport] })
        : phrase('detail_auth_challenge', { transport: OVER[context.transport] }),
  },
  {
    code: 701,
    text: /STUN binding request timed out/i,
    status: 'fail',
    reason: 'timeout',
    detail: () => phrase('detail_stun_timeout'),
  },
  {
    code: 701,
    text: /TURN allocate request timed out/i,
    status: 'fail',
    reason: 'timeout',
    detail: (context) => phrase('detail_turn_timeout', { transport: OVER[context.transport] }),
  },
  {
    // Chrome refuses to open a socket to a port on its blocked-port list.
    code: 701,
    text: /Failed to create TURN client socket/i,
    status: 'untestable',
    reason: 'unsafe-port',
    detail: () => phrase('detail_socket_refused_port'),
  },
  {
    // Measured: a STUN/TURN host name that does not resolve. Chromium 156 gives this
    // for UDP servers by name even where TCP ones resolve through the hosts file.
    code: 701,
    text: /(STUN|TURN) host lookup received error/i,
    status: 'fail',
    reason: 'dns',
    detail: () => phrase('detail_server_dns'),
  },
  {
    code: 701,
    text: /Failed to establish connection/i,
    status: 'fail',
    reason: 'refused',
    // An untrusted certificate on turns: gives the very same text (measured).
    detail: (context) => (context.transport === 'tls' ? phrase('detail_tls_connection_failed') : phrase('detail_tcp_refused')),
  },
  {
    // Firefox 153: 701 with no text, within ~150 ms, for a closed TCP port, a TLS handshake
    // it rejected (untrusted certificate) and a name that does not resolve, over UDP too
    // (measured). Silence gives no error at all: the run's deadline ends it.
    code: 701,
    text: /^$/,
    status: 'fail',
    reason: (context) => (context.transport === 'udp' ? 'unknown' : 'refused'),
    detail: (context) =>
      context.transport === 'udp' ? phrase('detail_udp_send_failed') : phrase('detail_connection_failed_unsaid', { transport: OVER[context.transport] }),
  },
];

/** RFC 8656 §6.2 / RFC 8489 §14.8. */
const FORBIDDEN = 403;
const ALLOCATION_QUOTA_REACHED = 486;

export function classifyIceError(error: IceCandidateError, context: IceErrorContext = { hasCredentials: false, transport: 'udp' }): CheckOutcome {
  const row = ICE_ERROR_TABLE.find((candidate) => candidate.code === error.errorCode && candidate.text.test(error.errorText));
  const answer = `${error.errorCode} ${error.errorText}`.trim();
  if (row) {
    const status = typeof row.status === 'function' ? row.status(context) : row.status;
    const reason = typeof row.reason === 'function' ? row.reason(context) : row.reason;
    return { status, reason, detail: row.detail(context), evidence: answer };
  }
  // 3xx-6xx come from a STUN/TURN server that did answer (RFC 8489 §14.8, RFC 8656 §6.2):
  // the codes a vendor's support acts on are named, the rest are the server's error.
  if (error.errorCode === FORBIDDEN) return { status: 'fail', reason: 'forbidden', detail: phrase('detail_server_forbidden'), evidence: answer };
  if (error.errorCode === ALLOCATION_QUOTA_REACHED) return { status: 'fail', reason: 'quota', detail: phrase('detail_server_quota'), evidence: answer };
  if (error.errorCode >= 300 && error.errorCode < 700) {
    return { status: 'fail', reason: 'server-error', detail: phrase('detail_server_error'), evidence: answer };
  }
  return { status: 'fail', reason: 'unknown', detail: phrase('detail_browser_error'), evidence: answer };
}
