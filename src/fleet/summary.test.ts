import { describe, expect, it } from 'vitest';
import { fleetReport } from '../../test/fixtures/fleet-row';
import { compare, fleetRow, NO_DEVICE_ID, parseDuration, routeRank, summarize, WEEK_MS, type FleetReport } from './summary';

const T0 = Date.parse('2026-11-20T09:00:00Z');
const H = 3600_000;

const row = (over: Partial<FleetReport> & Pick<FleetReport, 'id'>): FleetReport => fleetReport(T0, { deviceLabel: 'dev-1', ...over });

describe('reading a report document as a fleet row', () => {
  it('takes the site, the ChromeOS device, the causes of checks and other causes as data', () => {
    const r = fleetRow({
      id: 'r1',
      startedAt: '2026-11-20T09:00:00Z',
      trigger: 'schedule',
      verdict: { route: 'relay-tcp', routeVerified: true },
      outcome: { tone: 'slow' },
      missingRules: [{ ruleId: 'turn-udp' }, { ruleId: 'stun' }, { ruleId: 'stun' }],
      checks: [{ cause: 'firewall' }, { cause: null }, { cause: 'a-cause-from-a-newer-build' }],
      otherCauses: [{ cause: 'proxy' }],
      environment: {
        extensionVersion: '0.2.0',
        policy: { reportsSentTo: { site: 'Birchwood' } },
        device: { facts: { directoryDeviceId: 'd-9', hostname: 'cb-12' } },
      },
    });
    expect(r).toMatchObject({ site: 'Birchwood', device: 'd-9', deviceLabel: 'cb-12', route: 'relay-tcp', tone: 'slow', missingRules: ['stun', 'turn-udp'] });
    expect((r as FleetReport).causes).toEqual(['a-cause-from-a-newer-build', 'firewall', 'proxy']);
  });

  it('names what a document lacks instead of guessing', () => {
    expect(fleetRow(null)).toEqual({ skipped: 'not a JSON object' });
    expect(fleetRow({ id: 'x' })).toEqual({ skipped: 'report x: no startedAt time' });
    expect(fleetRow({ id: 'x', startedAt: '2026-11-20T09:00:00Z' })).toEqual({ skipped: 'report x: no verdict.route' });
    expect(fleetRow({ id: 'x', startedAt: '2026-11-20T09:00:00Z', verdict: { route: 'none' } })).toMatchObject({ site: '(no site)', device: NO_DEVICE_ID });
  });
});

describe('comparing reports', () => {
  it('ranks routes from hole punching to none; untested and unknown routes do not compare', () => {
    expect(['hole-punching', 'relay-udp', 'relay-tcp', 'relay-tls', 'none'].map(routeRank)).toEqual([0, 1, 2, 3, 4]);
    expect(routeRank('untested')).toBeNull();
    expect(routeRank('toString')).toBeNull();
  });

  it('calls a worse route or more missing rules worse, and the reverse better', () => {
    const a = row({ id: 'a', route: 'relay-udp', missingRules: ['stun'] });
    expect(compare(a, row({ id: 'b', route: 'relay-tcp', missingRules: ['stun'] })).change).toBe('worse');
    expect(compare(a, row({ id: 'b', route: 'relay-udp', missingRules: ['stun', 'turn-udp'] }))).toEqual({ change: 'worse', added: ['turn-udp'], removed: [] });
    expect(compare(a, row({ id: 'b', route: 'hole-punching', missingRules: ['stun', 'x'] })).change).toBe('better');
    expect(compare(a, row({ id: 'b', route: 'relay-udp', missingRules: ['x'] })).change).toBe('changed');
    expect(compare(a, row({ id: 'b', route: 'untested', missingRules: ['stun'] })).change).toBe('changed');
    expect(compare(null, a).change).toBe('new');
  });
});

describe('the fleet summary', () => {
  const now = T0 + WEEK_MS + 10 * H;
  const rows = [
    // Ashgrove: dev-1 fine a week ago, lost UDP yesterday; dev-2 fine throughout but silent for 3 days.
    row({ id: 'a1', startedAt: T0 }),
    row({ id: 'a2', startedAt: T0 + WEEK_MS, route: 'relay-tcp', missingRules: ['stun', 'turn-udp'], tone: 'slow', causes: ['firewall'] }),
    row({ id: 'a2', startedAt: T0 + WEEK_MS, route: 'relay-tcp', missingRules: ['stun', 'turn-udp'], tone: 'slow', causes: ['firewall'] }),
    row({ id: 'a3', device: 'dev-2', deviceLabel: 'dev-2', startedAt: T0 + WEEK_MS - 3 * 24 * H }),
    // Birchwood: one device without a device id, got better.
    row({ id: 'b1', site: 'Birchwood', device: NO_DEVICE_ID, deviceLabel: NO_DEVICE_ID, startedAt: T0, route: 'none', tone: 'bad', missingRules: ['stun'] }),
    row({
      id: 'b2',
      site: 'Birchwood',
      device: NO_DEVICE_ID,
      deviceLabel: NO_DEVICE_ID,
      startedAt: T0 + WEEK_MS + H,
      route: 'relay-udp',
      missingRules: ['stun'],
    }),
    // After `now`: ignored.
    row({ id: 'future', startedAt: now + H, route: 'none' }),
  ];
  const s = summarize(rows, { now, since: now - 2 * 24 * H, scheduleMs: 24 * H });

  it('counts a report sent twice once and ignores reports after now', () => {
    expect(s.reports).toBe(5);
  });

  it('gives each site its latest route and the change against a week before, not one latest report per district', () => {
    expect(s.sites.map((x) => [x.site, x.latest.id, x.weekBefore?.id ?? null, x.change, x.addedRules])).toEqual([
      ['Ashgrove', 'a2', 'a1', 'worse', ['stun', 'turn-udp']],
      ['Birchwood', 'b2', 'b1', 'better', []],
    ]);
    expect(s.sites[0]!.timeline.map((t) => t.route)).toEqual(['hole-punching', 'hole-punching', 'relay-tcp']);
  });

  it('lists devices worst first and the silent one as not heard from', () => {
    expect(s.devices.map((d) => [d.site, d.device, d.silent])).toEqual([
      ['Ashgrove', 'dev-1', false],
      ['Birchwood', NO_DEVICE_ID, false],
      ['Ashgrove', 'dev-2', true],
    ]);
  });

  it('ranks missing rules and causes across the district', () => {
    expect(s.missingRules.map((r) => [r.name, r.reports, r.sites])).toEqual([
      ['stun', 3, ['Ashgrove', 'Birchwood']],
      ['turn-udp', 1, ['Ashgrove']],
    ]);
    expect(s.causes).toEqual([{ name: 'firewall', reports: 1, sites: ['Ashgrove'] }]);
  });

  it('calls out the device that got worse since --since with the first report showing it, and no other', () => {
    expect(s.regressions.map((r) => [r.site, r.device, r.before.id, r.first.id, r.routeWorse, r.addedRules])).toEqual([
      ['Ashgrove', 'dev-1', 'a1', 'a2', true, ['stun', 'turn-udp']],
    ]);
    expect(summarize(rows, { now, since: null, scheduleMs: 24 * H }).regressions).toEqual([]);
    expect(summarize(rows, { now, since: T0 + WEEK_MS + 1, scheduleMs: 24 * H }).regressions).toEqual([]);
  });

  it('reads durations', () => {
    expect([parseDuration('7d'), parseDuration('24h'), parseDuration('90m'), parseDuration('2w')]).toEqual([WEEK_MS, 24 * H, 1.5 * H, 2 * WEEK_MS]);
    for (const bad of ['7', 'd', '-1d', '0h', '1y']) expect(parseDuration(bad)).toBeNull();
  });
});
