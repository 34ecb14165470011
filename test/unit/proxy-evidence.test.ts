import { describe, expect, it } from 'vitest';
import { emptyObservation, fold, observe, withResponseStatus, type WebRequestEventName } from '../../src/checks/web-request-observation';
import { fetchResult, webSocketResult } from '../../src/checks/web-evidence';
import type { CheckResult, FirewallLine, PlannedFetchCheck, PlannedWebSocketCheck } from '../../src/checks/types';
import type { FetchEvidence, WebSocketEvidence } from '../../src/checks/evidence';
import captured from '../fixtures/proxy-webrequest.json';

/**
 * The webRequest events Chromium really delivered behind each lab proxy
 * (captured by test/e2e/proxy.test.ts), replayed through the same code the
 * service worker runs: event -> observation -> check result.
 */
interface RawEvent {
  event: string;
  statusCode?: number;
  error?: string;
  isProxy?: boolean;
  ip?: string;
}
type Scenario = keyof typeof captured.scenarios;
type Url = 'https://web.lab.test/' | 'https://web.lab.test:8443/' | 'wss://web.lab.test/hub';

const REPLAYED = new Set<string>(['onBeforeRequest', 'onHeadersReceived', 'onResponseStarted', 'onErrorOccurred', 'onAuthRequired']);

function events(scenario: Scenario, url: Url): RawEvent[] {
  return (captured.scenarios[scenario] as unknown as Record<Url, RawEvent[]>)[url];
}

/** The last entry of each capture is what the page saw: `outcome: response 407 basic`, `outcome: open` ... */
function outcome(scenario: Scenario, url: Url): string {
  const last = events(scenario, url).at(-1)?.event ?? '';
  if (!last.startsWith('outcome: ')) throw new Error(`capture ${scenario} ${url} has no outcome`);
  return last.slice('outcome: '.length);
}

function replay(list: RawEvent[], skip: (e: RawEvent) => boolean = () => false) {
  const state = emptyObservation();
  for (const e of list) if (REPLAYED.has(e.event) && !skip(e)) fold(state, observe(e.event as WebRequestEventName, e));
  return state;
}

function fetchEvidence(scenario: Scenario, url: Url, skip?: (e: RawEvent) => boolean): FetchEvidence {
  const answer = /^response (\d+) (\w+)$/.exec(outcome(scenario, url));
  const responseStatus = answer && answer[2] !== 'opaque' ? Number(answer[1]) : null;
  return {
    url,
    hostAccess: true,
    responded: answer !== null,
    timedOut: false,
    durationMs: 20,
    timing: null,
    ...withResponseStatus(replay(events(scenario, url), skip), responseStatus),
  };
}

function socketEvidence(scenario: Scenario): WebSocketEvidence {
  const seen = outcome(scenario, 'wss://web.lab.test/hub');
  const close = /^close (\d+)$/.exec(seen);
  return {
    url: 'wss://web.lab.test/hub',
    opened: seen === 'open',
    closeCode: close ? Number(close[1]) : null,
    timedOut: seen === 'timeout',
    durationMs: 20,
    ...replay(events(scenario, 'wss://web.lab.test/hub')),
  };
}

const firewall: FirewallLine = { direction: 'outbound', protocol: 'TCP', ports: '443', destinations: ['web.lab.test'], service: 'HTTPS' };
const common = { transport: 'tls' as const, deadlineMs: 3_000, firewall };
const plan = (url: Url, ruleId: string): PlannedFetchCheck => ({
  type: 'fetch',
  checkId: `${ruleId}#1`,
  ruleId,
  kind: 'https',
  target: url,
  url,
  note: null,
  ...common,
});
const socketPlan: PlannedWebSocketCheck = {
  type: 'wss',
  checkId: 'wss#1',
  ruleId: 'wss',
  kind: 'wss',
  target: 'wss://web.lab.test/hub',
  url: 'wss://web.lab.test/hub',
  ...common,
};

function results(scenario: Scenario): Record<'https' | 'api' | 'wss', CheckResult> {
  return {
    https: fetchResult(plan('https://web.lab.test/', 'https'), fetchEvidence(scenario, 'https://web.lab.test/')),
    api: fetchResult(plan('https://web.lab.test:8443/', 'api'), fetchEvidence(scenario, 'https://web.lab.test:8443/')),
    wss: webSocketResult(socketPlan, socketEvidence(scenario), fetchEvidence(scenario, 'https://web.lab.test/')),
  };
}

const brief = (r: CheckResult) => ({ status: r.status, reason: r.reason });

describe('captured webRequest evidence behind an open proxy that denies one port', () => {
  const r = results('open');
  it('passes what it tunnels and says proxy for the CONNECT it refused (403 -> ERR_TUNNEL_CONNECTION_FAILED, no status)', () => {
    expect(brief(r.https)).toEqual({ status: 'pass', reason: null });
    expect(brief(r.wss)).toEqual({ status: 'pass', reason: null });
    expect(r.api).toMatchObject({
      status: 'fail',
      reason: 'proxy',
      detail: 'the proxy refused or failed to connect to this host (net::ERR_TUNNEL_CONNECTION_FAILED)',
    });
  });
});

describe('captured webRequest evidence behind a proxy asking for credentials', () => {
  it('shows 407 on onHeadersReceived and onAuthRequired (isProxy), then ERR_TUNNEL_CONNECTION_FAILED, and fetch() resolves with the 407', () => {
    const list = events('auth', 'https://web.lab.test/');
    expect(list.find((e) => e.event === 'onAuthRequired')).toMatchObject({ statusCode: 407, isProxy: true });
    expect(list.find((e) => e.event === 'onErrorOccurred')?.error).toBe('net::ERR_TUNNEL_CONNECTION_FAILED');
    expect(outcome('auth', 'https://web.lab.test/')).toBe('response 407 basic');
  });

  it('classifies HTTPS and (through its same-origin probe) WSS as proxy-auth', () => {
    const r = results('auth');
    expect(r.https).toMatchObject({ status: 'fail', reason: 'proxy-auth', detail: 'the proxy asks for authentication (HTTP 407)' });
    expect(brief(r.api)).toEqual({ status: 'fail', reason: 'proxy-auth' });
    expect(brief(r.wss)).toEqual({ status: 'fail', reason: 'proxy-auth' });
  });

  it('names the proxy that asked (onAuthRequired’s challenger), on the HTTPS and the WSS check', () => {
    const r = results('auth');
    expect(r.https.proxy).toBe('10.99.0.1:3128');
    expect(r.wss.proxy).toBe('10.99.0.1:3128');
  });

  it('still says proxy-auth when the worker got fetch()’s 407 before any webRequest event', () => {
    const early = fetchEvidence('auth', 'https://web.lab.test/', () => true);
    expect(early).toMatchObject({ observed: false, statusCode: 407, proxyAuthRequired: true });
    expect(brief(fetchResult(plan('https://web.lab.test/', 'https'), early))).toEqual({ status: 'fail', reason: 'proxy-auth' });
  });

  it('still says proxy-auth from the tunnel error and onAuthRequired alone', () => {
    const onlyAuth = fetchEvidence('auth', 'https://web.lab.test/', (e) => e.event === 'onHeadersReceived' || e.event === 'onResponseStarted');
    expect(brief(fetchResult(plan('https://web.lab.test/', 'https'), { ...onlyAuth, responded: false, statusCode: null }))).toEqual({
      status: 'fail',
      reason: 'proxy-auth',
    });
  });
});

describe('captured webRequest evidence behind a TLS-intercepting proxy that strips upgrades', () => {
  const r = results('bump-strips-upgrades');
  it('passes HTTPS and calls the failed socket a refused upgrade', () => {
    expect(brief(r.https)).toEqual({ status: 'pass', reason: null });
    expect(brief(r.api)).toEqual({ status: 'pass', reason: null });
    expect(r.wss).toMatchObject({
      status: 'fail',
      reason: 'upgrade-refused',
      detail: 'HTTPS works but WebSocket upgrades are refused — a proxy or filter is likely stripping them',
    });
  });

  it('rests on the socket alone giving no reason: webRequest showed no event for the service worker’s WebSocket', () => {
    expect(events('bump-strips-upgrades', 'wss://web.lab.test/hub').map((e) => e.event)).toEqual(['outcome: close 1006']);
  });
});

describe('captured webRequest evidence behind TLS interception with an untrusted CA', () => {
  const r = results('bump-untrusted');
  it('says cert-untrusted for HTTPS and WSS, named as likely SSL inspection', () => {
    for (const check of [r.https, r.api, r.wss]) {
      expect(check).toMatchObject({
        status: 'fail',
        reason: 'cert-untrusted',
        detail: 'the certificate is not trusted: an SSL-inspecting filter may be intercepting this host (net::ERR_CERT_AUTHORITY_INVALID)',
      });
    }
  });
});

describe('captured webRequest evidence behind TLS interception with a trusted CA', () => {
  const r = results('bump-trusted');
  it('passes everything: nothing in the status, error or peer address shows the interception', () => {
    expect([r.https, r.api, r.wss].map(brief)).toEqual([
      { status: 'pass', reason: null },
      { status: 'pass', reason: null },
      { status: 'pass', reason: null },
    ]);
    // The peer webRequest names is the proxy, exactly as for a plain tunnelling proxy.
    const peer = (s: Scenario) => events(s, 'https://web.lab.test/').find((e) => e.event === 'onResponseStarted')?.ip;
    expect(peer('bump-trusted')).toBe(peer('open'));
  });
});
