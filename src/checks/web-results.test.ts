import { inEnglish } from '../i18n/english';
import { phrase } from '../i18n/phrase';
import { describe, expect, it } from 'vitest';
import type { FirewallLine, PlannedFetchCheck, PlannedWebSocketCheck } from './types';
import { fetchCheckResult, webSocketCheckResult } from './web-results';

const firewall: FirewallLine = { direction: 'outbound', protocol: 'TCP', ports: '443', destinations: ['app.example.org'], service: 'HTTPS' };
const base = { ruleId: 'app', target: 'https://app.example.org/', transport: 'tls' as const, deadlineMs: 5_000, firewall };
const fetchPlan: PlannedFetchCheck = { type: 'fetch', checkId: 'app#1', kind: 'https', url: base.target, note: null, ...base };
const wssPlan: PlannedWebSocketCheck = { type: 'wss', checkId: 'ws#1', kind: 'wss', url: 'wss://app.example.org/ws', ...base };

describe('fetchCheckResult', () => {
  it('any HTTP status passes', () => {
    expect(fetchCheckResult(fetchPlan, { httpStatus: 404, netError: null, timedOut: false, durationMs: 30 })).toMatchObject({ status: 'pass', durationMs: 30 });
  });

  it('its own abort at the deadline is a timeout', () => {
    expect(fetchCheckResult(fetchPlan, { httpStatus: null, netError: 'net::ERR_ABORTED', timedOut: true, durationMs: 5_000 })).toMatchObject({
      status: 'fail',
      reason: 'timeout',
      detail: phrase('detail_no_answer_within', { seconds: '5 s' }),
    });
  });

  it('appends the probe note of a tcp rule', () => {
    const plan = { ...fetchPlan, kind: 'tcp' as const, note: phrase('note_tcp_probed_over_http', { port: 443, scheme: 'HTTPS', host: 'a.example' }) };
    const result = fetchCheckResult(plan, { httpStatus: null, netError: 'net::ERR_CONNECTION_REFUSED', timedOut: false, durationMs: 3 });
    expect(result.detail).toEqual(phrase('detail_with_note', { detail: phrase('detail_refused'), note: plan.note }));
    expect(result.evidence).toBe('net::ERR_CONNECTION_REFUSED');
    expect(inEnglish(result.detail)).toMatch(/refused; TCP 443 probed/);
  });
});

describe('webSocketCheckResult', () => {
  it('an open socket passes', () => {
    expect(webSocketCheckResult(wssPlan, { opened: true, httpStatus: null, netError: null, timedOut: false, durationMs: 40 }).status).toBe('pass');
  });

  it('net::ERR_FAILED names no cause, and the result says so', () => {
    expect(webSocketCheckResult(wssPlan, { opened: false, httpStatus: null, netError: 'net::ERR_FAILED', timedOut: false, durationMs: 40 })).toMatchObject({
      status: 'fail',
      reason: 'unknown',
    });
  });

  it('a specific webRequest error is classified', () => {
    expect(
      webSocketCheckResult(wssPlan, { opened: false, httpStatus: null, netError: 'net::ERR_NAME_NOT_RESOLVED', timedOut: false, durationMs: 4 }).reason,
    ).toBe('dns');
  });
});
