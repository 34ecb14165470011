import { phrase } from './i18n/phrase';
import { inEnglish } from './i18n/english';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RouteEvidence } from './checks/route-evidence';
import type { RelayProtocol } from './ice/types';
import { decideVerdict, VERDICT_TABLE, type Method } from './verdict';
import { call, evidence, media, notRun, ROW_CASES, stunA, stunBSilent, turn } from '../test/fixtures/verdict-cases';

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
    const failed = (t: RelayProtocol) => [turn(t, { status: 'fail', reason: 'timeout', detail: phrase('detail_no_answer_within', { seconds: '5 s' }) })];
    const verdict = decideVerdict(
      evidence({ srflxGathered: false, stun: [stunBSilent], turn: { udp: failed('udp'), tcp: failed('tcp'), tls: evidence().turn.tls } }, 'unknown'),
    );
    expect(verdict.route).toBe('relay-tls');
    const hole = verdict.methods.find((m) => m.method === 'hole-punching')!;
    expect(hole.reasons).toEqual([
      { ...phrase('check_target_detail', { target: 'stun:b.example.org:19302', detail: stunBSilent.detail }), checkIds: ['stun#2'] },
    ]);
    expect(inEnglish(hole.reasons[0]!)).toBe('stun:b.example.org:19302: UDP to stun:b.example.org:19302 got no answer within 5 s');
    expect(verdict.methods.find((m) => m.method === 'relay-udp')!.reasons[0]!.checkIds).toEqual(['turn#udp']);
  });

  it('a TURN 401 without credentials counts, flagged as not verified', () => {
    const verdict = decideVerdict(
      evidence({
        stun: [],
        turn: { udp: [], tcp: [turn('tcp', { status: 'warn', reason: 'auth-401', detail: phrase('detail_auth_challenge', { transport: 'TCP' }) })], tls: [] },
      }),
    );
    expect(verdict).toMatchObject({ route: 'relay-tcp', routeVerified: false });
    expect(verdict.summary).toEqual(phrase('summary_unverified', { summary: phrase('summary_relay_tcp') }));
  });

  it('none when nothing works', () => {
    const failed = (t: RelayProtocol) => [turn(t, { status: 'fail', reason: 'timeout', detail: phrase('detail_no_answer_within', { seconds: '5 s' }) })];
    const verdict = decideVerdict(
      evidence(
        { srflxGathered: false, stun: [stunBSilent], turn: { udp: failed('udp'), tcp: failed('tcp'), tls: failed('tls') }, udpPortsAnswered: [] },
        'unknown',
      ),
    );
    expect(verdict).toMatchObject({ route: 'none', routeVerified: false, lan: 'possible' });
    expect(verdict.summary).toEqual(phrase('summary_none'));
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
    expect(udp.reasons[0]!.code).toBe('why_relay_media_blocked');
    expect(inEnglish(udp.reasons[0]!)).toMatch(
      /allocated but no data got through it \(0 of 30 packets arrived.*\): a firewall or filter is dropping relayed media/,
    );
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
    expect(verdict.summary).toEqual(phrase('summary_unverified', { summary: phrase('summary_hole_punching') }));
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
    expect(verdict.summary).toEqual(phrase('summary_offline'));
  });

  it('checks we failed to run are never evidence: relay not-run is untested, not unavailable', () => {
    const verdict = decideVerdict(evidence({ turn: { udp: [], tcp: [], tls: [] }, turnNotRun: { udp: [notRun(turn('udp', {}))], tcp: [], tls: [] } }));
    expect(verdict.methods.find((m) => m.method === 'relay-udp')).toMatchObject({ status: 'untested', rowId: 'relay-udp.not-run' });
  });
});
