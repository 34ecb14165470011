/**
 * Chromium words "a TURN server over TCP/TLS whose name does not resolve"
 * exactly like a refused port: `701 Failed to establish connection` (captured
 * in test/fixtures/chrome-156.json, `turnTcpUnresolvedName`). The extension
 * cannot ask the resolver itself, so a refusal is called `dns` only when
 * another check of the same run saw that very host name fail to resolve.
 */
import { phrase } from '../i18n/phrase';
import { parseIceUri } from '../ice/uri';
import type { CheckResult } from './types';

function hostNameOf(check: Pick<CheckResult, 'kind' | 'target'>): string | null {
  if (check.kind === 'stun' || check.kind === 'turn') {
    const parsed = parseIceUri(check.target);
    return parsed.ok && parsed.value.hostKind === 'name' ? parsed.value.host : null;
  }
  if (check.kind === 'https' || check.kind === 'wss') {
    try {
      const host = new URL(check.target).hostname.toLowerCase();
      return /^[\d.]+$|^\[/.test(host) ? null : host;
    } catch {
      return null;
    }
  }
  return null;
}

export function attributeSameHostDns(checks: readonly CheckResult[]): CheckResult[] {
  const unresolved = new Set(checks.filter((c) => c.reason === 'dns').flatMap((c) => hostNameOf(c) ?? []));
  if (unresolved.size === 0) return [...checks];
  return checks.map((check) => {
    const host = hostNameOf(check);
    if (check.reason !== 'refused' || (check.kind !== 'turn' && check.kind !== 'stun') || host === null || !unresolved.has(host)) return check;
    return { ...check, reason: 'dns', detail: phrase('detail_same_host_dns', { host }) };
  });
}
