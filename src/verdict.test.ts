import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RouteEvidence } from './checks/route-evidence';
import type { CheckResult } from './checks/types';
import type { NatMapping } from './ice/nat';
import type { RelayProtocol } from './ice/types';
import { decideVerdict, VERDICT_TABLE, type Method } from './verdict';
import type { LoopbackResult } from './ice/loopback';

function check(id: string, overrides: Partial<CheckResult>): CheckResult {
  return {
    id,
    ruleId: id.split('#')[0]!,
    kind: 'stun',
    target: 'stun:a.example.org',
    transport: 'udp',
    status: 'pass',
    reason: null,
    detail: 'answered',
    durationMs: 50,
    ...overrides,
  };
}

const stunA = check('stun#1', { target: 'stun:a.example.org:3478' });
const stunB = check('stun#2', { target: 'stun:b.example.org:19302' });
const notRun = (c: CheckResult) => ({ ...c, status: 'error' as const, reason: 'setup' as const, detail: 'not tested: the browser could not set the check up' });
const stunBSilent = check('stun#2', {
  target: 'stun:b.example.org:19302',
  status: 'fail',
  reason: 'timeout',
  detail: 'UDP to stun:b.example.org:19302 got no answer within 5 s',
});
const turn = (transport: RelayProtocol, overrides: Partial<CheckResult>) =>
  check(`turn#${transport}`, { kind: 'turn', transport, target: `turn:t.example.org?transport=${transport}`, ...overrides });

const UNKNOWN = { status: 'unknown' as const, call: null };
function call(path: LoopbackResult['path'], transport: RelayProtocol, received: number): LoopbackResult {
  return {
    id: `loopback-${path}-${transport}`,
    path,
    transport,
    turnUrl: `turn:t.example.org?transport=${transport}`,
    checkId: `turn#${transport}`,
    budgetMs: 2500,
    connected: received > 0,
    sent: 30,
    received,
    rttMs: received > 0 ? 12 : null,
    jitterMs: received > 1 ? 1 : null,
    loss: 1 - received / 30,
    throughputKbps: received > 0 ? 20_000 : null,
    pairRttMs: received > 0 ? 11 : null,
    availableOutgoingBitrate: null,
    selectedPair:
      received > 0 ? { localType: 'relay', remoteType: 'relay', protocol: 'udp', relayProtocol: transport, localPort: 49160, remotePort: 49161 } : null,
    durationMs: 900,
    setupError: null,
  };
}
const media = (c: LoopbackResult) => ({ status: received(c), call: c });
const received = (c: LoopbackResult) => (c.received > 0 ? ('carried' as const) : ('blocked' as const));

/** Everything works: the evidence of a healthy network. Each row's case changes only what that row is about. */
function evidence(overrides: Partial<RouteEvidence> = {}, mapping: NatMapping = 'endpoint-independent'): RouteEvidence {
  return {
    device: 'online',
    hostGathered: true,
    hostAddresses: ['10.0.0.5'],
    srflxGathered: true,
    nat: { mapping, publicAddresses: ['203.0.113.1'], reason: `mapping is ${mapping}` },
    stun: [stunA, stunB],
    stunNotRun: [],
    turn: {
      udp: [turn('udp', { detail: 'relay allocated over UDP' })],
      tcp: [turn('tcp', { detail: 'relay allocated over TCP' })],
      tls: [turn('tls', { detail: 'relay allocated over TLS' })],
    },
    turnNotRun: { udp: [], tcp: [], tls: [] },
    udpPortLimit: null,
    udpPortsAnswered: [3478, 19302],
    relayMedia: { udp: UNKNOWN, tcp: UNKNOWN, tls: UNKNOWN },
    udpHighPorts: UNKNOWN,
    ...overrides,
  };
}

const relayCases = (transport: RelayProtocol) => {
  const only = (checks: CheckResult[]) => ({ turn: { ...evidence().turn, [transport]: checks } });
  const allocated = turn(transport, { detail: 'relay allocated' });
  return {
    [`relay-${transport}.media-blocked`]: evidence({ relayMedia: { ...evidence().relayMedia, [transport]: media(call('relay-relay', transport, 0)) } }),
    [`relay-${transport}.media-carried`]: evidence({ relayMedia: { ...evidence().relayMedia, [transport]: media(call('relay-relay', transport, 30)) } }),
    [`relay-${transport}.offline`]: evidence({ device: 'offline' }),
    [`relay-${transport}.untested`]: evidence(only([])),
    [`relay-${transport}.not-run`]: evidence({ ...only([]), turnNotRun: { ...evidence().turnNotRun, [transport]: [notRun(allocated)] } }),
    [`relay-${transport}.allocated`]: evidence(),
    [`relay-${transport}.unroutable-relay`]: evidence(
      only([turn(transport, { status: 'warn', reason: 'unroutable-relay', detail: 'relay allocated, but its address 10.0.0.9 is a private address' })]),
    ),
    [`relay-${transport}.challenged`]: evidence(only([turn(transport, { status: 'warn', reason: 'auth-401', detail: '401 challenge' })])),
    [`relay-${transport}.credentials-rejected`]: evidence(
      only([turn(transport, { status: 'fail', reason: 'auth-401', detail: 'rejected the credentials (401)' })]),
    ),
    [`relay-${transport}.failed`]: evidence(only([turn(transport, { status: 'fail', reason: 'timeout', detail: 'no answer within 5 s' })])),
  };
};

/** One case per VERDICT_TABLE row. */
const ROW_CASES: Record<string, RouteEvidence> = {
  'lan.offline': evidence({ device: 'offline' }),
  'lan.no-host': evidence({ hostGathered: false, hostAddresses: [] }),
  'lan.host': evidence(),
  'lan.not-run': evidence({ device: 'unknown', hostAddresses: [] }),
  'hole-punching.offline': evidence({ device: 'offline' }),
  'hole-punching.untested': evidence({ stun: [] }),
  'hole-punching.not-run': evidence({ stun: [], stunNotRun: [notRun(stunA)] }),
  'hole-punching.symmetric-nat': evidence({}, 'endpoint-dependent'),
  'hole-punching.no-answer': evidence({ srflxGathered: false, stun: [stunBSilent] }, 'unknown'),
  'hole-punching.high-ports-blocked': evidence({ udpHighPorts: media(call('relay-direct', 'udp', 0)) }),
  'hole-punching.direct-udp-failed': evidence(
    { stun: [stunA], udpPortsAnswered: [3478], udpHighPorts: { status: 'failed', call: call('relay-direct', 'udp', 0) } },
    'unknown',
  ),
  'hole-punching.udp-ports-limited': evidence({ stun: [stunA, stunBSilent], udpPortLimit: { answered: stunA, silent: stunBSilent }, udpPortsAnswered: [3478] }),
  'hole-punching.mapping-unknown': evidence({ stun: [stunA] }, 'unknown'),
  'hole-punching.one-udp-port': evidence({ stun: [stunA], udpPortsAnswered: [3478] }),
  'hole-punching.open': evidence(),
  ...relayCases('udp'),
  ...relayCases('tcp'),
  ...relayCases('tls'),
};

describe('VERDICT_TABLE, one test per row', () => {
  it.each(VERDICT_TABLE.map((row) => [row.id, row] as const))('%s', (id, row) => {
    const e = ROW_CASES[id];
    if (!e) throw new Error(`no test case for row ${id}`);
    const decided = decideVerdict(e).methods.find((m) => m.method === row.method)!;
    expect(decided.rowId).toBe(id);
    expect(decided.status).toBe(row.status);
    expect(decided.reasons.length).toBeGreaterThan(0);
  });

  it('has no case for a row that does not exist', () => {
    expect(Object.keys(ROW_CASES).sort()).toEqual(VERDICT_TABLE.map((row) => row.id).sort());
  });

  it('ends every method with a catch-all row', () => {
    const methods: Method[] = ['lan', 'hole-punching', 'relay-udp', 'relay-tcp', 'relay-tls'];
    for (const method of methods) {
      const last = VERDICT_TABLE.filter((row) => row.method === method).at(-1)!;
      expect(last.applies({} as RouteEvidence)).toBe(true);
    }
  });
});

describe('docs/verdict.md mirrors the table', () => {
  const doc = readFileSync(new URL('../docs/verdict.md', import.meta.url), 'utf8');
  it.each(VERDICT_TABLE.map((row) => [row.id, row] as const))('%s', (id, row) => {
    expect(doc).toContain(`| \`${id}\` | ${row.method} | ${row.when} | ${row.status} |`);
  });
});

describe('decideVerdict picks the best usable route', () => {
  it('hole punching when everything works', () => {
    expect(decideVerdict(evidence())).toMatchObject({ route: 'hole-punching', routeVerified: true, lan: 'possible' });
  });

  it('relay over UDP behind a symmetric NAT', () => {
    expect(decideVerdict(evidence({}, 'endpoint-dependent'))).toMatchObject({ route: 'relay-udp', routeVerified: true });
  });

  it('relay over TLS when only TLS gets through, with the reasons for the others tied to their checks', () => {
    const failed = (t: RelayProtocol) => [turn(t, { status: 'fail', reason: 'timeout', detail: 'no answer within 5 s' })];
    const verdict = decideVerdict(
      evidence({ srflxGathered: false, stun: [stunBSilent], turn: { udp: failed('udp'), tcp: failed('tcp'), tls: evidence().turn.tls } }, 'unknown'),
    );
    expect(verdict.route).toBe('relay-tls');
    const hole = verdict.methods.find((m) => m.method === 'hole-punching')!;
    expect(hole.reasons).toEqual([{ text: 'stun:b.example.org:19302: UDP to stun:b.example.org:19302 got no answer within 5 s', checkIds: ['stun#2'] }]);
    expect(verdict.methods.find((m) => m.method === 'relay-udp')!.reasons[0]!.checkIds).toEqual(['turn#udp']);
  });

  it('a TURN 401 without credentials counts, flagged as not verified', () => {
    const verdict = decideVerdict(
      evidence({ stun: [], turn: { udp: [], tcp: [turn('tcp', { status: 'warn', reason: 'auth-401', detail: '401' })], tls: [] } }),
    );
    expect(verdict).toMatchObject({ route: 'relay-tcp', routeVerified: false });
    expect(verdict.summary).toMatch(/Not fully verified/);
  });

  it('none when nothing works', () => {
    const failed = (t: RelayProtocol) => [turn(t, { status: 'fail', reason: 'timeout', detail: 'no answer within 5 s' })];
    const verdict = decideVerdict(
      evidence(
        { srflxGathered: false, stun: [stunBSilent], turn: { udp: failed('udp'), tcp: failed('tcp'), tls: failed('tls') }, udpPortsAnswered: [] },
        'unknown',
      ),
    );
    expect(verdict).toMatchObject({ route: 'none', routeVerified: false, lan: 'possible' });
    expect(verdict.summary).toMatch(/will fail/);
  });

  it("UDP to the relay's high port carried data: hole punching is proven with one STUN port, and a silent port is not read as a filter", () => {
    const direct = media(call('relay-direct', 'udp', 30));
    expect(decideVerdict(evidence({ stun: [stunA], udpPortsAnswered: [3478], udpHighPorts: direct }))).toMatchObject({
      route: 'hole-punching',
      routeVerified: true,
    });
    const silent = evidence({
      stun: [stunA, stunBSilent],
      udpPortLimit: { answered: stunA, silent: stunBSilent },
      udpPortsAnswered: [3478],
      udpHighPorts: direct,
    });
    expect(decideVerdict(silent).methods.find((m) => m.method === 'hole-punching')).toMatchObject({ status: 'available', rowId: 'hole-punching.open' });
  });

  it('a relay that allocated but carried no data is unavailable, with the relayed-media reason', () => {
    const verdict = decideVerdict(evidence({ relayMedia: { ...evidence().relayMedia, udp: media(call('relay-relay', 'udp', 0)) } }, 'endpoint-dependent'));
    const udp = verdict.methods.find((m) => m.method === 'relay-udp')!;
    expect(udp.status).toBe('unavailable');
    expect(udp.reasons[0]!.text).toMatch(/allocated but no data got through.*dropping relayed media/);
    expect(verdict.route).toBe('relay-tcp');
  });

  it('a proven relay beats an unproven hole punch (UDP answered on one port only)', () => {
    const verdict = decideVerdict(evidence({ stun: [stunA], udpPortsAnswered: [3478] }));
    expect(verdict).toMatchObject({ route: 'relay-udp', routeVerified: true });
    expect(verdict.methods.find((m) => m.method === 'hole-punching')).toMatchObject({ status: 'unverified', rowId: 'hole-punching.one-udp-port' });
  });

  it('an unproven hole punch is the route when nothing is proven, and says so', () => {
    const none = { udp: [], tcp: [], tls: [] };
    const verdict = decideVerdict(evidence({ stun: [stunA], udpPortsAnswered: [3478], turn: none }, 'unknown'));
    expect(verdict).toMatchObject({ route: 'hole-punching', routeVerified: false });
    expect(verdict.summary).toMatch(/Not fully verified/);
  });

  it('a profile with nothing a browser can test is "untested", never "none"', () => {
    const none = { udp: [], tcp: [], tls: [] };
    const verdict = decideVerdict(evidence({ stun: [], turn: none, udpPortsAnswered: [], srflxGathered: false }, 'unknown'));
    expect(verdict).toMatchObject({ route: 'untested', lan: 'possible', device: 'online' });
    expect(verdict.methods.filter((m) => m.method !== 'lan').every((m) => m.status === 'untested')).toBe(true);
  });

  it('a device with no network is offline: every method unavailable, route none', () => {
    const verdict = decideVerdict(evidence({ device: 'offline', hostAddresses: [] }));
    expect(verdict).toMatchObject({ route: 'none', lan: 'unavailable', device: 'offline' });
    expect(verdict.summary).toMatch(/not connected to a network/);
  });

  it('checks we failed to run are never evidence: relay not-run is untested, not unavailable', () => {
    const verdict = decideVerdict(evidence({ turn: { udp: [], tcp: [], tls: [] }, turnNotRun: { udp: [notRun(turn('udp', {}))], tcp: [], tls: [] } }));
    expect(verdict.methods.find((m) => m.method === 'relay-udp')).toMatchObject({ status: 'untested', rowId: 'relay-udp.not-run' });
  });
});
