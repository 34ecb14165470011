/**
 * A failed check in the reader's language: one line per reason code, the
 * target named, the deadline in seconds. The check's own `detail` (the
 * browser's evidence, e.g. `net::ERR_CERT_AUTHORITY_INVALID`) stays as it is,
 * beside it, for the admin and for support.
 */
import type { MessageKey } from '../i18n/message-keys';
import type { CheckReason, CheckResult } from '../checks/types';

export const REASON_KEYS: Record<CheckReason, MessageKey> = {
  timeout: 'reason_timeout',
  refused: 'reason_refused',
  dns: 'reason_dns',
  'cert-untrusted': 'reason_cert_untrusted',
  'tls-failed': 'reason_tls_failed',
  'auth-401': 'reason_auth_401',
  'server-error': 'reason_server_error',
  proxy: 'reason_proxy',
  'proxy-auth': 'reason_proxy_auth',
  reset: 'reason_reset',
  unreachable: 'reason_unreachable',
  blocked: 'reason_blocked',
  'network-changed': 'reason_network_changed',
  'no-candidate': 'reason_no_candidate',
  setup: 'reason_setup',
  unknown: 'reason_unknown',
  'unsafe-port': 'reason_unsafe_port',
  'raw-udp': 'reason_raw_udp',
  'raw-tcp': 'reason_raw_tcp',
  'no-probe-host': 'reason_no_probe_host',
  'upgrade-refused': 'reason_upgrade_refused',
  'unroutable-relay': 'reason_unroutable_relay',
  'server-silent': 'reason_server_silent',
  'cert-name-mismatch': 'reason_cert_name_mismatch',
  'cert-expired': 'reason_cert_expired',
  forbidden: 'reason_forbidden',
  quota: 'reason_quota',
};

/** The message key and substitutions for a check's reason: [target]. */
export interface ReasonLine {
  key: MessageKey;
  substitutions: string[];
}

export function reasonLine(check: Pick<CheckResult, 'reason' | 'target'>): ReasonLine | null {
  return check.reason === null ? null : { key: REASON_KEYS[check.reason], substitutions: [check.target] };
}

/** The first check behind a verdict reason that has a reason code, if any. */
export function reasonLineOf(checkIds: readonly string[], checks: readonly CheckResult[]): ReasonLine | null {
  for (const id of checkIds) {
    const check = checks.find((c) => c.id === id);
    const line = check ? reasonLine(check) : null;
    if (line) return line;
  }
  return null;
}
