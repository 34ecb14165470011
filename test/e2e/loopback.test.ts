import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAB, LAB_HOSTS, TURN_CREDENTIALS, REFERENCE_STUN_RULE } from '../lab/lab';
import { startLabBrowser, type LabBrowser } from '../support/lab-browser';
import type { Report } from '../../src/report/types';

/**
 * Issue 15: what gathering cannot see, shown by data through the route.
 * Each network is built in the router; what must happen follows from it:
 * - a firewall that passes STUN/TURN control on UDP 3478 but drops TURN
 *   ChannelData (payload's first two bits 01, RFC 8656 §12.4) allocates a relay
 *   and carries no media: relay over UDP unavailable for that reason;
 * - a router that drops outbound UDP to 49152-65535 only: relay ↔ relay over
 *   UDP carries data (this network only ever talks to 3478), relay ↔ direct
 *   does not (its packets go to the relay's high port): hole punching
 *   unavailable, relay over UDP verified.
 */
const DEADLINE_MS = 2_000;
const [A, B] = LAB.turnAddresses;

let labBrowser: LabBrowser;

beforeAll(async () => {
  labBrowser = await startLabBrowser();
});

afterEach(async () => {
  await labBrowser.lab.topology.clearForwardRules();
});

afterAll(async () => {
  await labBrowser?.stop();
});

/** STUN and TURN on UDP 3478 only, as the input names them, plus the web app. */
function profile(stunUrls = [`stun:${A}:3478`]) {
  return {
    id: 'loopback',
    name: 'Loopback',
    version: '1',
    rules: [
      { id: 'stun', kind: 'stun', purpose: 'Hole punching', urls: stunUrls },
      { id: 'turn-udp', kind: 'turn', purpose: 'Relay over UDP', urls: [`turn:${A}:3478?transport=udp`], ...TURN_CREDENTIALS },
      { id: 'turn-tcp', kind: 'turn', purpose: 'Relay over TCP', urls: [`turn:${LAB_HOSTS.turn}:3478?transport=tcp`], ...TURN_CREDENTIALS },
      { id: 'app', kind: 'https', purpose: 'Web app', url: `https://${LAB_HOSTS.web}/` },
    ],
  };
}

const method = (report: Report, name: string) => report.verdict.methods.find((m) => m.method === name)!;
const call = (report: Report, path: string, transport = 'udp') => report.loopbacks.find((l) => l.path === path && l.transport === transport);

describe('loopback calls through the routes that allocated', () => {
  it('UDP only to 3478, TURN ChannelData dropped, TCP only to the web host: the relay allocates but carries nothing, route none', async () => {
    const { topology } = labBrowser.lab;
    const lan = ['-i', 'inside'];
    // The u32 match: UDP payload (after an IHL-sized IP header and the 8-byte UDP header) starting with bits 01.
    await topology.forwardRule([...lan, '-p', 'udp', '--dport', '3478', '-m', 'u32', '--u32', '0>>22&0x3C@8>>30=1', '-j', 'DROP']);
    await topology.forwardRule([...lan, '-p', 'udp', '!', '--dport', '3478', '-j', 'DROP']);
    await topology.forwardRule([...lan, '-p', 'tcp', '!', '-d', LAB.webAddress, '-j', 'DROP']);
    const report = await labBrowser.run(profile(), DEADLINE_MS);

    // Gathering alone would have said "works": the allocation itself succeeds.
    expect(report.checks.find((c) => c.ruleId === 'turn-udp')).toMatchObject({ status: 'pass' });
    expect(call(report, 'relay-relay')).toMatchObject({ received: 0, setupError: null });
    expect(method(report, 'relay-udp')).toMatchObject({ status: 'unavailable', rowId: 'relay-udp.media-blocked' });
    expect(method(report, 'relay-udp').reasons[0]!.code).toBe('why_relay_media_blocked');
    expect(method(report, 'hole-punching').status).toBe('unavailable');
    expect(report.verdict.route).toBe('none');
  });

  it('the same profile with the ChannelData rule removed: relay over UDP verified by the loopback, with figures', async () => {
    const { topology } = labBrowser.lab;
    await topology.forwardRule(['-i', 'inside', '-p', 'udp', '!', '--dport', '3478', '-j', 'DROP']);
    await topology.forwardRule(['-i', 'inside', '-p', 'tcp', '!', '-d', LAB.webAddress, '-j', 'DROP']);
    const report = await labBrowser.run(profile(), DEADLINE_MS);
    const relayed = call(report, 'relay-relay')!;
    expect(relayed.received).toBeGreaterThan(0);
    expect(relayed.selectedPair).toMatchObject({ localType: 'relay', remoteType: 'relay', relayProtocol: 'udp' });
    expect(relayed.rttMs).not.toBeNull();
    expect(method(report, 'relay-udp')).toMatchObject({ status: 'available', rowId: 'relay-udp.media-carried' });
    expect(report.verdict).toMatchObject({ route: 'relay-udp', routeVerified: true });
  });

  it('outbound UDP to 49152-65535 dropped only: relay ↔ relay over UDP passes, relay ↔ direct fails, hole punching unavailable', async () => {
    await labBrowser.lab.topology.forwardRule(['-i', 'inside', '-p', 'udp', '--dport', '49152:65535', '-j', 'DROP']);
    const report = await labBrowser.run(profile(), DEADLINE_MS);
    expect(call(report, 'relay-relay')!.received).toBeGreaterThan(0);
    expect(call(report, 'relay-direct')).toMatchObject({ received: 0, setupError: null });
    expect(method(report, 'relay-udp').rowId).toBe('relay-udp.media-carried');
    expect(method(report, 'hole-punching')).toMatchObject({ status: 'unavailable', rowId: 'hole-punching.high-ports-blocked' });
    expect(report.verdict).toMatchObject({ route: 'relay-udp', routeVerified: true });
  });

  it("an open network: both calls carry data, and one STUN port is enough for hole punching once UDP reached the relay's port", async () => {
    // Two STUN servers on one port: the NAT mapping can be classified, UDP answered on 3478 only. The
    // district's reference STUN server shows UDP reaching an address beyond the vendor's (also on 3478).
    const base = profile([`stun:${A}:3478`, `stun:${B}:3478`]);
    const report = await labBrowser.run({ ...base, rules: [...base.rules, REFERENCE_STUN_RULE] }, DEADLINE_MS);
    expect(report.nat.mapping).toBe('endpoint-independent');
    const direct = call(report, 'relay-direct')!;
    expect(direct.received).toBeGreaterThan(0);
    expect(direct.loss).toBeLessThan(0.1);
    expect(method(report, 'hole-punching')).toMatchObject({ status: 'available', rowId: 'hole-punching.open' });
    expect(report.verdict).toMatchObject({ route: 'hole-punching', routeVerified: true });
    // Time to verdict with the calls: within the run deadline plus the call budget.
    expect(report.durationMs).toBeLessThan(DEADLINE_MS + 2_500 + 1_000);
    expect(JSON.stringify(report)).not.toContain(TURN_CREDENTIALS.credential);
  });

  it('issue 13, input 1, the dead-server case: a STUN server that is down while UDP reaches any port is the server, not a firewall rule', async () => {
    // Nothing listens on the rogue address's UDP 19302: a vendor STUN server that is down, on an open network.
    // With the district's reference STUN server: hole punching needs UDP shown beyond the vendor's addresses.
    const base = profile([`stun:${A}:3478`, `stun:${B}:3478`, `stun:${LAB.rogueAddress}:19302`]);
    const report = await labBrowser.run({ ...base, rules: [...base.rules, REFERENCE_STUN_RULE] }, DEADLINE_MS);
    expect(report.checks.find((c) => c.target.endsWith(':19302'))).toMatchObject({ status: 'fail', reason: 'server-silent' });
    expect(report.missingRules.map((r) => r.ruleId)).not.toContain('stun');
    expect(method(report, 'hole-punching')).toMatchObject({ status: 'available', rowId: 'hole-punching.open' });
    expect(report.verdict).toMatchObject({ route: 'hole-punching', routeVerified: true });
  });
});
