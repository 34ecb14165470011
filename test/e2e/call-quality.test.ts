import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAB, LAB_HOSTS, TURN_CREDENTIALS } from '../lab/lab';
import { startDelayForwarder } from '../lab/delay';
import { inNetns, type Daemon } from '../lab/exec';
import { startLabBrowser, type LabBrowser } from '../support/lab-browser';
import type { Report } from '../../src/report/types';
import type { LoopbackResult } from '../../src/ice/loopback';
import { popupShown } from '../support/popup';

/**
 * Issue 15: the loopback calls' figures against what the lab imposes.
 * - Loss: the router drops each UDP datagram from the LAN with probability P
 *   (`-m statistic --mode random`). A relayed packet crosses that rule once on
 *   its way out (the TURN server hands it to the other end, whose leg comes
 *   back in), so each call's one-way loss is Binomial(sent, P) / sent: the
 *   test accepts the pooled count inside its central 99.9 % interval.
 * - Delay: a userspace forwarder in front of the TURN server holds every
 *   datagram D ms each way; a relayed round trip crosses it four times.
 * TURN over TCP goes straight to the server and is outside both: it is the control.
 */
const DEADLINE_MS = 2_000;
const [A, B] = LAB.turnAddresses;

let labBrowser: LabBrowser;
let forwarder: Daemon | null = null;

beforeAll(async () => {
  labBrowser = await startLabBrowser();
});

afterEach(async () => {
  await forwarder?.stop();
  forwarder = null;
  await labBrowser.lab.topology.clearForwardRules();
});

afterAll(async () => {
  await labBrowser?.stop();
});

function profile(turnUdp: string) {
  return {
    id: 'quality',
    name: 'Call quality',
    version: '1',
    rules: [
      { id: 'stun', kind: 'stun', purpose: 'Hole punching', urls: [`stun:${A}:3478`] },
      { id: 'turn-udp', kind: 'turn', purpose: 'Relay over UDP', urls: [turnUdp], ...TURN_CREDENTIALS },
      { id: 'turn-tcp', kind: 'turn', purpose: 'Relay over TCP', urls: [`turn:${LAB_HOSTS.turn}:3478?transport=tcp`], ...TURN_CREDENTIALS },
    ],
  };
}

const calls = (report: Report, transport: 'udp' | 'tcp') => report.loopbacks.filter((l) => l.transport === transport);
const relayRelay = (report: Report, transport: 'udp' | 'tcp') => report.loopbacks.find((l) => l.path === 'relay-relay' && l.transport === transport)!;

/** The router's FORWARD counters for UDP from the LAN: "<seen> seen, <dropped> dropped" (packets). */
async function udpOutOfLanCounts(): Promise<string> {
  const table = await inNetns(labBrowser.lab.topology.nat, 'iptables', ['-nvxL', 'FORWARD']);
  // `-n` prints the protocol as its number (17), as iptables-nft does here.
  const counts = table
    .split('\n')
    .filter((line) => /\s(17|udp)\s+--\s+inside\s/.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
  return `${counts[0] ?? '?'} seen, ${counts[1] ?? '?'} dropped`;
}

/** The central interval of Binomial(n, p) holding at least `mass` of it: [k such that P(X < k) ≤ tail, k such that P(X > k) ≤ tail]. */
export function binomialInterval(n: number, p: number, mass: number): [number, number] {
  const tail = (1 - mass) / 2;
  let pmf = (1 - p) ** n;
  let cdf = 0;
  let low = -1;
  for (let k = 0; k <= n; k++) {
    if (low < 0 && cdf + pmf > tail) low = k;
    cdf += pmf;
    if (cdf >= 1 - tail) return [low, k];
    pmf *= ((n - k) / (k + 1)) * (p / (1 - p));
  }
  return [low, n];
}

describe('binomialInterval', () => {
  it('brackets the mean and widens with the mass', () => {
    const [lo, hi] = binomialInterval(900, 0.05, 0.999);
    expect(lo).toBeLessThan(45);
    expect(hi).toBeGreaterThan(45);
    const [lo95, hi95] = binomialInterval(900, 0.05, 0.95);
    expect(lo95).toBeGreaterThan(lo);
    expect(hi95).toBeLessThan(hi);
    // Normal approximation: 45 ± 1.96 · 6.54.
    expect(lo95).toBeGreaterThanOrEqual(31);
    expect(hi95).toBeLessThanOrEqual(59);
  });
});

describe('call figures against the lab', () => {
  it('an open network: the popup details grade each route by its call, good for video', async () => {
    const report = await labBrowser.run(profile(`turn:${A}:3478?transport=udp`), DEADLINE_MS);
    expect(relayRelay(report, 'udp')).toMatchObject({ setupError: null });
    expect(relayRelay(report, 'udp').sent).toBeGreaterThan(100);
    // The popup paints the stored report on opening.
    const popup = await labBrowser.ext.openPage('popup/index.html');
    try {
      await popupShown(popup);
      await popup.click('[data-testid="it-details"] summary');
      const calls = await popup.$$eval('[data-testid="method-call"]', (ps) =>
        ps.map((p) => ({ method: p.closest('li')!.getAttribute('data-method'), grade: p.getAttribute('data-grade'), text: p.textContent ?? '' })),
      );
      // Nothing in the lab's path loses or delays: both routes carry a video call.
      expect(calls).toEqual([
        { method: 'hole-punching', grade: 'good-for-video', text: expect.stringMatching(/^Test call: good for video \(round trip \d+ ms, 0(\.7)? % lost\)$/) },
        { method: 'relay', grade: 'good-for-video', text: expect.stringMatching(/^Test call: good for video \(round trip \d+ ms, 0(\.7)? % lost\)$/) },
      ]);
    } finally {
      await popup.close();
    }
  });

  it('5 % random loss on UDP out of the LAN: the pooled one-way loss of the UDP calls is within the binomial 99.9 % interval', async () => {
    const P = 0.05;
    // A rule with no target only counts: with the DROP rule's counter, the kernel's own tally of what the rule did.
    await labBrowser.lab.topology.forwardRule(['-i', 'inside', '-p', 'udp']);
    await labBrowser.lab.topology.forwardRule(['-i', 'inside', '-p', 'udp', '-m', 'statistic', '--mode', 'random', '--probability', String(P), '-j', 'DROP']);
    const udp: LoopbackResult[] = [];
    for (let run = 0; run < 3; run++) {
      const report = await labBrowser.run(profile(`turn:${A}:3478?transport=udp`), DEADLINE_MS);
      udp.push(...calls(report, 'udp').filter((l) => l.connected));
      // The control: TCP to the TURN server is outside the rule, and TCP retransmits anyway.
      const tcp = relayRelay(report, 'tcp');
      expect(tcp.received).toBe(tcp.sent);
      // 5 % loss leaves the relay over UDP working: no call of this run may make it "unavailable" (a call whose
      // answering end never connected once did: all 150 packets lost on a working relay, fresh-clone CI).
      expect(report.verdict.methods.find((m) => m.method === 'relay-udp')?.status).toBe('available');
    }
    const sent = udp.reduce((n, l) => n + l.sent, 0);
    const lost = udp.reduce((n, l) => n + l.sent - l.received, 0);
    // Enough packets for the interval to exclude "no loss" and "twice the loss".
    expect(sent).toBeGreaterThanOrEqual(600);
    const [low, high] = binomialInterval(sent, P, 0.999);
    // Failed once in CI (stop 32: 190 lost of ~900, the interval's top 68) and never in 300 calls here under load,
    // SIGSTOPped browser or coturn, or 100 ms blackouts: if it fails again, the message says which call and what the
    // kernel dropped.
    const why = `the kernel: ${await udpOutOfLanCounts()}; each call: ${udp.map((l) => `${l.path} ${l.received}/${l.sent} in ${l.durationMs} ms`).join(', ')}`;
    expect(lost, why).toBeGreaterThanOrEqual(low);
    expect(lost, why).toBeLessThanOrEqual(high);
  });

  it('100 ms round trip through a slow path to the TURN server: the relayed round trip is what the forwarder imposed, within the stated tolerance', async () => {
    const D = 25;
    const slowPath = await startDelayForwarder({
      ns: labBrowser.lab.topology.srv,
      listen: { host: B, port: 3490 },
      target: { host: A, port: 3478 },
      delayMs: D,
    });
    forwarder = slowPath;
    await slowPath.holds(); // start counting with this run
    const report = await labBrowser.run(profile(`turn:${B}:3490?transport=udp`), DEADLINE_MS);
    // What the lab imposed: each crossing is held D ms, more when the loaded machine fires the forwarder's timer late
    // (measured: median 25.4, p90 36, max 79 ms for D = 25 at load average 10). A round trip crosses four times; the
    // mean of a sum is the sum of the means, and the median of this right-skewed sum lies below its mean.
    const held = await slowPath.holds();
    const imposed = 4 * held.mean!;
    const slow = relayRelay(report, 'udp');
    const control = relayRelay(report, 'tcp');
    const figures = JSON.stringify({ imposed, held, slow: slow.rttMs, pair: slow.pairRttMs, control: control.rttMs });
    expect(slow.received).toBeGreaterThan(0);
    expect(held.median!).toBeGreaterThanOrEqual(D);
    // Tolerance. Never below what the forwarder imposed. getStats' own figure (ICE consent checks on the selected
    // pair, Chrome's network thread): at most the open path's round trip (the TCP relay call beside it, outside the
    // forwarder) plus 25 ms for scheduling. The echoes' median also holds the data channel's own queueing (SCTP's
    // congestion window on a path this long, and the event loop of a loaded machine): measured up to +57 ms over the
    // imposed 135 ms at load average 7-14, so half the imposed figure more (docs/measured.md).
    expect(slow.pairRttMs, figures).toBeGreaterThanOrEqual(4 * D - 1);
    expect(slow.pairRttMs, figures).toBeLessThanOrEqual(imposed + control.rttMs! + 25);
    expect(slow.rttMs, figures).toBeGreaterThanOrEqual(4 * D);
    expect(slow.rttMs, figures).toBeLessThanOrEqual(1.5 * imposed + control.rttMs! + 25);
    // The burst's throughput is a figure, not zero, even on a slow path.
    expect(slow.throughputKbps).toBeGreaterThan(0);
    expect(control.rttMs).toBeLessThan(4 * D);
  });
});
