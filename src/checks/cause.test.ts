import { phrase } from '../i18n/phrase';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAUSE_TABLE, causeContext, causeOf, type CauseContext } from './cause';
import type { CheckResult } from './types';

function check(overrides: Partial<CheckResult>): CheckResult {
  return {
    id: 'r#1',
    ruleId: 'r',
    kind: 'https',
    target: 'https://a.example/',
    transport: 'tls',
    status: 'fail',
    reason: 'timeout',
    detail: phrase('detail_no_answer_within', { seconds: '5 s' }),
    durationMs: 5_000,
    ...overrides,
  };
}
const plain: CauseContext = { proxyInUse: false, offline: false, iceForbidden: 'none' };

/** One case per CAUSE_TABLE row: a check and the context in which that row decides. */
const ROW_CASES: Record<string, [Partial<CheckResult>, CauseContext]> = {
  'this-device.offline': [{ reason: 'timeout' }, { proxyInUse: false, offline: true, iceForbidden: 'none' }],
  'this-device.webrtc-setting': [
    { kind: 'turn', transport: 'tcp', reason: 'timeout' },
    { ...plain, iceForbidden: 'all' },
  ],
  'this-device.browser': [{ reason: 'blocked', detail: phrase('detail_browser_blocked'), evidence: 'net::ERR_BLOCKED_BY_ADMINISTRATOR' }, plain],
  'relay-credentials.rejected': [{ kind: 'turn', transport: 'tcp', reason: 'auth-401', detail: phrase('detail_auth_rejected', { transport: 'TCP' }) }, plain],
  'dns-filter.unresolved': [{ reason: 'dns' }, plain],
  'proxy.refused': [{ reason: 'proxy-auth' }, plain],
  'proxy.turn-connect': [
    { kind: 'turn', transport: 'tcp', reason: 'refused' },
    { proxyInUse: true, offline: false, iceForbidden: 'none' },
  ],
  'vendor-server.error': [
    { kind: 'turn', transport: 'udp', reason: 'server-error', detail: phrase('detail_server_error'), evidence: '486 Allocation Quota Reached' },
    plain,
  ],
  'firewall.blocked': [{ reason: 'refused' }, plain],
};

describe('CAUSE_TABLE, one test per row', () => {
  it.each(CAUSE_TABLE.map((row) => [row.id, row] as const))('%s', (id, row) => {
    const found = ROW_CASES[id];
    if (!found) throw new Error(`no test case for row ${id}`);
    const [overrides, context] = found;
    const c = check(overrides);
    expect(CAUSE_TABLE.find((r) => r.applies(c, context))?.id).toBe(id);
    expect(causeOf(c, context)).toBe(row.cause);
  });

  it('has no case for a row that does not exist', () => {
    expect(Object.keys(ROW_CASES).sort()).toEqual(CAUSE_TABLE.map((r) => r.id).sort());
  });
});

describe('causeOf', () => {
  it('gives no cause where there is nothing to fix', () => {
    expect(causeOf(check({ status: 'pass', reason: null }), plain)).toBeNull();
    expect(causeOf(check({ status: 'untestable', reason: 'unsafe-port' }), plain)).toBeNull();
    // A 401 challenge to placeholder credentials proves the server reachable.
    expect(causeOf(check({ kind: 'turn', status: 'warn', reason: 'auth-401' }), plain)).toBeNull();
    // Our own failure to run a check says nothing about the network.
    expect(causeOf(check({ kind: 'turn', status: 'error', reason: 'setup' }), plain)).toBeNull();
  });

  it('sends an unroutable relay address and a silent server (UDP shown open) to the vendor', () => {
    expect(causeOf(check({ kind: 'stun', transport: 'udp', status: 'fail', reason: 'server-silent' }), plain)).toBe('vendor-server');
    expect(causeOf(check({ kind: 'turn', transport: 'udp', status: 'warn', reason: 'unroutable-relay' }), plain)).toBe('vendor-server');
  });

  it('never calls a refused WebSocket upgrade, an inspected certificate or a 407 a firewall rule', () => {
    for (const reason of ['upgrade-refused', 'cert-untrusted', 'proxy', 'proxy-auth', 'tls-failed'] as const)
      expect(causeOf(check({ reason }), plain), reason).toBe('proxy');
  });

  it('puts TURN over TCP down to the proxy only when the proxy was seen, and never UDP', () => {
    expect(causeOf(check({ kind: 'turn', transport: 'tcp', reason: 'refused' }), plain)).toBe('firewall');
    expect(causeOf(check({ kind: 'turn', transport: 'udp', reason: 'timeout' }), { proxyInUse: true, offline: false, iceForbidden: 'none' })).toBe('firewall');
  });

  it('tells an offline device from a disconnected one by the browser’s own words', () => {
    expect(causeOf(check({ reason: 'unreachable', detail: phrase('detail_unreachable'), evidence: 'net::ERR_INTERNET_DISCONNECTED' }), plain)).toBe(
      'this-device',
    );
    expect(causeOf(check({ reason: 'unreachable', detail: phrase('detail_address_unreachable'), evidence: 'net::ERR_ADDRESS_UNREACHABLE' }), plain)).toBe(
      'firewall',
    );
  });
});

describe('causeContext', () => {
  it('sees the proxy in a web check, not in TURN alone', () => {
    expect(causeContext([check({ reason: 'proxy-auth' })], false).proxyInUse).toBe(true);
    expect(causeContext([check({ kind: 'turn', reason: 'proxy-auth' })], false).proxyInUse).toBe(false);
  });

  it('calls the device offline only when ICE found no local address and nothing answered', () => {
    expect(causeContext([check({})], true).offline).toBe(true);
    expect(causeContext([check({}), check({ status: 'pass', reason: null })], true).offline).toBe(false);
    expect(causeContext([check({})], false).offline).toBe(false);
    expect(causeContext([check({ status: 'untestable', reason: 'raw-udp' })], true).offline).toBe(false);
  });
});

describe('docs/verdict.md mirrors the cause table', () => {
  const doc = readFileSync(new URL('../../docs/verdict.md', import.meta.url), 'utf8');
  it.each(CAUSE_TABLE.map((row) => [row.id, row] as const))('%s', (id, row) => {
    expect(doc).toContain(`| \`${id}\` | ${row.cause} | ${row.when} | ${row.evidence} |`);
  });
});
