import { phrase } from '../i18n/phrase';
import { inEnglish } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import { candidate, cutByDeadline, errorTexts, gather, iceError, lines } from '../../test/fixtures/gather';
import { iceCheckResults } from './ice-results';
import type { FirewallLine, IceTarget, PlannedIceCheck } from './types';

const STUN_A = 'stun:203.0.113.10:3478';
const STUN_B = 'stun:203.0.113.20:19302';
const TURN_UDP = 'turn:203.0.113.10:3478?transport=udp';
const TURNS = 'turns:203.0.113.10:443?transport=tcp';

function target(url: string, checkId: string, overrides: Partial<IceTarget> = {}): IceTarget {
  const kind = url.startsWith('stun') ? 'stun' : 'turn';
  const transport = url.startsWith('turns') ? 'tls' : url.includes('tcp') ? 'tcp' : 'udp';
  const firewall: FirewallLine = { direction: 'outbound', protocol: 'UDP', ports: '3478', destinations: ['203.0.113.10'], service: null };
  return { checkId, ruleId: checkId.split('#')[0]!, kind, target: url, transport, hasCredentials: false, firewall, ...overrides };
}

/** Each STUN server is asked in a connection of its own (plan.ts). */
const stunCheck = (url: string, checkId: string): PlannedIceCheck => ({
  type: 'ice',
  id: checkId,
  role: 'stun',
  targets: [target(url, checkId)],
  urls: [url],
  iceServers: [{ urls: [url] }],
  deadlineMs: 5_000,
});
const stunA = stunCheck(STUN_A, 'stun#1');
const stunB = stunCheck(STUN_B, 'stun#2');

const turnCheck = (url: string, overrides: Partial<IceTarget> = {}): PlannedIceCheck => ({
  type: 'ice',
  id: 'turn#1',
  role: 'turn',
  targets: [target(url, 'turn#1', overrides)],
  urls: [url],
  iceServers: [{ urls: [url], username: 'u', credential: 'c' }],
  deadlineMs: 5_000,
});

const statuses = (results: ReturnType<typeof iceCheckResults>) => results.map((r) => [r.id, r.status, r.reason]);

describe('STUN server in its own connection', () => {
  it('a srflx passes its server', () => {
    // Chrome names the server as it rebuilt the URL (port filled in), not as the profile wrote it.
    const results = iceCheckResults(stunA, gather({ candidates: [candidate(lines.hostUdp), candidate(lines.srflx, 'stun:203.0.113.10:3478')] }));
    expect(statuses(results)).toEqual([['stun#1', 'pass', null]]);
    expect(inEnglish(results[0]!.detail)).toContain('203.0.113.1:46243');
  });

  it("gathering complete without a srflx or an error: the server answered with this device's own address (no NAT)", () => {
    const results = iceCheckResults(stunB, gather({ candidates: [candidate(lines.hostUdp)] }));
    expect(statuses(results)).toEqual([['stun#2', 'pass', null]]);
    expect(inEnglish(results[0]!.detail)).toMatch(/own \(no NAT\)/);
  });

  it('a server silent until the deadline fails as a timeout, in plain words, even when gathering elsewhere found a srflx', () => {
    const results = iceCheckResults(stunA, cutByDeadline({ candidates: [candidate(lines.hostUdp)] }));
    expect(statuses(results)).toEqual([['stun#1', 'fail', 'timeout']]);
    expect(inEnglish(results[0]!.detail)).toBe(`UDP to ${STUN_A} got no answer within 5 s`);
    expect(results[0]!.durationMs).toBe(5_000);
    // Another server's srflx (a stray candidate with another URL) never makes this one's silence a pass.
    const stray = iceCheckResults(stunB, cutByDeadline({ candidates: [candidate(lines.hostUdp), candidate(lines.srflx, STUN_A)] }));
    expect(statuses(stray)).toEqual([['stun#2', 'fail', 'timeout']]);
  });

  it("Chrome's own timeout error names the server", () => {
    const errors = [iceError(errorTexts.stunTimeout, 'stun:203.0.113.20:19302')];
    const results = iceCheckResults(stunB, gather({ candidates: [candidate(lines.hostUdp)], errors }));
    expect(statuses(results)).toEqual([['stun#2', 'fail', 'timeout']]);
    expect(results[0]!.durationMs).toBe(40_000);
  });

  it('no host candidate at all: a finished gathering proves nothing', () => {
    expect(statuses(iceCheckResults(stunA, gather({ candidates: [] })))[0]).toEqual(['stun#1', 'fail', 'no-candidate']);
  });
});

describe('TURN check', () => {
  it('a relay candidate passes', () => {
    const results = iceCheckResults(turnCheck(TURN_UDP), gather({ candidates: [candidate(lines.hostUdp), candidate(lines.relayUdp, TURN_UDP, 80)] }));
    expect(results[0]).toMatchObject({
      status: 'pass',
      reason: null,
      durationMs: 80,
      detail: phrase('detail_relay_allocated', { transport: 'UDP', address: '203.0.113.10:54321' }),
    });
  });

  it('401 without profile credentials: reachable, allocation not verified', () => {
    const results = iceCheckResults(turnCheck(TURN_UDP), gather({ errors: [iceError(errorTexts.unauthorized, TURN_UDP, 60)] }));
    expect(results[0]).toMatchObject({ status: 'warn', reason: 'auth-401', durationMs: 60 });
    expect(inEnglish(results[0]!.detail)).toMatch(/allocation not verified/);
  });

  it('401 with profile credentials: rejected', () => {
    const results = iceCheckResults(turnCheck(TURN_UDP, { hasCredentials: true }), gather({ errors: [iceError(errorTexts.unauthorized, TURN_UDP)] }));
    expect(results[0]).toMatchObject({ status: 'fail', reason: 'auth-401' });
  });

  it('turns: with a closed port or an untrusted certificate: refused', () => {
    const results = iceCheckResults(turnCheck(TURNS), gather({ errors: [iceError(errorTexts.connectFailed, TURNS, 60)] }));
    expect(results[0]).toMatchObject({ status: 'fail', reason: 'refused', transport: 'tls' });
  });

  it('a DROP-filtered TCP server: gathering never completes, no error: timeout at the deadline', () => {
    const results = iceCheckResults(turnCheck(TURNS), cutByDeadline());
    expect(results[0]).toMatchObject({ status: 'fail', reason: 'timeout' });
    expect(inEnglish(results[0]!.detail)).toMatch(/^TLS connection to turns:.* got no answer within 5 s/);
  });

  it('a peer connection that could not be created is our error, never a failure of the network', () => {
    const results = iceCheckResults(turnCheck(TURN_UDP), gather({ setupError: 'InvalidAccessError' }));
    expect(results[0]).toMatchObject({ status: 'error', reason: 'setup', durationMs: null });
    expect(inEnglish(results[0]!.detail)).toMatch(/^not tested/);
  });

  it('a relay address in private space is flagged, not counted as a working relay', () => {
    const privateRelay = lines.relayUdp.replace(/ 203\.0\.113\.\d+ /, ' 10.20.30.40 ');
    expect(privateRelay).not.toBe(lines.relayUdp);
    const results = iceCheckResults(turnCheck(TURN_UDP), gather({ candidates: [candidate(privateRelay, TURN_UDP)] }));
    expect(results[0]).toMatchObject({ status: 'warn', reason: 'unroutable-relay' });
    expect(inEnglish(results[0]!.detail)).toMatch(/10\.20\.30\.40.*RFC 1918/);
  });

  it('a candidate without a URL belongs to the only server asked', () => {
    const results = iceCheckResults(turnCheck(TURN_UDP), gather({ candidates: [candidate(lines.relayUdp, null)] }));
    expect(results[0]!.status).toBe('pass');
  });
});
