import { inEnglish } from '../i18n/english';
import { phrase } from '../i18n/phrase';
import { describe, expect, it } from 'vitest';
import captured from '../../test/fixtures/proxy-auth-checks.json';
import { attributeToProxyAuth } from './behind-proxy';
import type { CheckResult } from './types';

/** The checks of a real run behind the lab's proxy asking for credentials. */
const checks = captured.checks as unknown as CheckResult[];
const brief = (results: CheckResult[]) => Object.fromEntries(results.filter((r) => r.ruleId !== 'stun').map((r) => [r.ruleId, r.reason]));

describe('attributeToProxyAuth', () => {
  it('the captured run: WebRTC said only that the TCP and TLS connections failed', () => {
    expect(brief(checks)).toMatchObject({ 'turn-tcp': 'refused', 'turn-tls': 'refused', https: 'proxy-auth', 'turn-udp': null });
  });

  it('puts TURN over TCP/TLS down to the proxy when HTTPS checks of the same run met its 407', () => {
    const explained = attributeToProxyAuth(checks);
    expect(brief(explained)).toEqual({
      'turn-udp': null,
      'turn-tcp': 'proxy-auth',
      'turn-tls': 'proxy-auth',
      https: 'proxy-auth',
      wss: 'proxy-auth',
      'https-api': 'proxy-auth',
    });
    const tcp = explained.find((r) => r.ruleId === 'turn-tcp')!;
    expect(tcp.status).toBe('fail');
    expect(tcp.detail).toEqual(phrase('detail_turn_behind_proxy_auth'));
    expect(inEnglish(tcp.detail)).toMatch(/most likely at the browser's proxy: it asks for authentication/);
  });

  it('leaves a refused TURN connection alone without proxy evidence', () => {
    const withoutProxy = checks.filter((r) => r.kind !== 'https' && r.kind !== 'wss');
    expect(attributeToProxyAuth(withoutProxy)).toEqual(withoutProxy);
  });

  it('never touches UDP, passes, or other reasons', () => {
    const timeoutTls = checks.map((r) => (r.ruleId === 'turn-tls' ? { ...r, reason: 'timeout' as const } : r));
    expect(attributeToProxyAuth(timeoutTls).find((r) => r.ruleId === 'turn-tls')?.reason).toBe('timeout');
    expect(attributeToProxyAuth(checks).find((r) => r.ruleId === 'turn-udp')).toEqual(checks.find((r) => r.ruleId === 'turn-udp'));
  });
});
