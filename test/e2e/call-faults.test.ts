import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAB, LAB_HOSTS, TURN_CREDENTIALS } from '../lab/lab';
import { startDelayForwarder } from '../lab/delay';
import { inNetns, type Daemon } from '../lab/exec';
import { sendFromPage } from '../support/extension';
import { startLabBrowser, type LabBrowser } from '../support/lab-browser';
import { gradeCall, MAX_CALL_BUDGET_MS } from '../../src/ice/loopback';
import type { Report } from '../../src/report/types';

/**
 * Issue 15, bad input and faults around the loopback calls. Each ends within
 * the run's deadline plus the call budget, with a named reason.
 */
const DEADLINE_MS = 2_000;
/** Deadline + the longest call budget + the offscreen reply's grace (background/run/loopback-calls.ts) + building the report. */
const BOUND_MS = DEADLINE_MS + MAX_CALL_BUDGET_MS + 2_000 + 1_000;
const [A, B] = LAB.turnAddresses;

let labBrowser: LabBrowser;
let forwarder: Daemon | null = null;
const serverRules: string[][] = [];

beforeAll(async () => {
  labBrowser = await startLabBrowser();
});

afterEach(async () => {
  await forwarder?.stop();
  forwarder = null;
  for (const rule of serverRules.splice(0)) await inNetns(labBrowser.lab.topology.srv, 'iptables', ['-D', ...rule]);
  await labBrowser.lab.topology.clearForwardRules();
});

afterAll(async () => {
  await labBrowser?.stop();
});

function profile(turnUdp = `turn:${A}:3478?transport=udp`, tcpCredentials: object = TURN_CREDENTIALS) {
  return {
    id: 'call-faults',
    name: 'Call faults',
    version: '1',
    rules: [
      { id: 'stun', kind: 'stun', purpose: 'Hole punching', urls: [`stun:${A}:3478`, `stun:${B}:3478`] },
      { id: 'turn-udp', kind: 'turn', purpose: 'Relay over UDP', urls: [turnUdp], ...TURN_CREDENTIALS },
      { id: 'turn-tcp', kind: 'turn', purpose: 'Relay over TCP', urls: [`turn:${LAB_HOSTS.turn}:3478?transport=tcp`], ...tcpCredentials },
    ],
  };
}

const method = (report: Report, name: string) => report.verdict.methods.find((m) => m.method === name)!;
const call = (report: Report, path: string, transport = 'udp') => report.loopbacks.find((l) => l.path === path && l.transport === transport);

async function timedRun(p: object): Promise<{ report: Report; ms: number }> {
  const started = Date.now();
  const report = await labBrowser.run(p, DEADLINE_MS);
  return { report, ms: Date.now() - started };
}

describe('loopback calls: faults end in time with a named reason', () => {
  it('a TURN server that allocates and then drops every relayed datagram: each relay is "allocated, no data got through"', async () => {
    // On the server itself: nothing leaves a relay port (49152-65535), so relayed data goes nowhere; control traffic on 3478 is untouched.
    const rule = ['OUTPUT', '-p', 'udp', '--sport', '49152:65535', '-j', 'DROP'];
    await inNetns(labBrowser.lab.topology.srv, 'iptables', ['-A', ...rule]);
    serverRules.push(rule);
    const { report, ms } = await timedRun(profile());
    expect(report.checks.filter((c) => c.kind === 'turn').map((c) => c.status)).toEqual(['pass', 'pass']);
    expect(call(report, 'relay-relay', 'udp')).toMatchObject({ received: 0, setupError: null });
    expect(call(report, 'relay-relay', 'tcp')).toMatchObject({ received: 0, setupError: null });
    expect(method(report, 'relay-udp').rowId).toBe('relay-udp.media-blocked');
    expect(method(report, 'relay-tcp').rowId).toBe('relay-tcp.media-blocked');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('credentials that allocate on UDP but are refused on TCP: the UDP relay is verified, the TCP one named refused, no TCP call', async () => {
    const { report, ms } = await timedRun(profile(undefined, { username: TURN_CREDENTIALS.username, credential: 'not-the-password' }));
    expect(call(report, 'relay-relay', 'udp')!.received).toBeGreaterThan(0);
    expect(call(report, 'relay-relay', 'tcp')).toBeUndefined();
    expect(report.checks.find((c) => c.ruleId === 'turn-tcp')).toMatchObject({ status: 'fail', reason: 'auth-401' });
    expect(method(report, 'relay-tcp').rowId).toBe('relay-tcp.credentials-rejected');
    expect(method(report, 'relay-udp').rowId).toBe('relay-udp.media-carried');
    expect(JSON.stringify(report)).not.toContain('not-the-password');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a slow TURN server (400 ms relayed round trip): the call gets a longer budget, connects and is graded audio only', async () => {
    // 400 ms: past video's 300 ms, and far enough below G.114's 800 ms that the loaded machine's queueing cannot cross it.
    const D = 100;
    const slowPath = await startDelayForwarder({
      ns: labBrowser.lab.topology.srv,
      listen: { host: B, port: 3490 },
      target: { host: A, port: 3478 },
      delayMs: D,
    });
    forwarder = slowPath;
    await slowPath.holds();
    const { report, ms } = await timedRun(profile(`turn:${B}:3490?transport=udp`));
    const imposed = 4 * (await slowPath.holds()).mean!;
    const slow = call(report, 'relay-relay', 'udp')!;
    const control = call(report, 'relay-relay', 'tcp')!;
    expect(slow.budgetMs).toBeGreaterThan(2_500);
    expect(slow).toMatchObject({ connected: true, setupError: null });
    expect(slow.received).toBeGreaterThan(0);
    // The echoes' tolerance of call-quality.test.ts: what the forwarder held, half of it again, the open path's round trip and 25 ms.
    expect(slow.rttMs).toBeGreaterThanOrEqual(4 * D);
    expect(slow.rttMs, JSON.stringify({ imposed, control: control.rttMs })).toBeLessThanOrEqual(1.5 * imposed + control.rttMs! + 25);
    // Nothing lost, a round trip past video's 300 ms and within G.114's 800 ms: audio only.
    expect(gradeCall(slow), JSON.stringify(slow)).toBe('audio-only');
    expect(method(report, 'relay-udp').rowId).toBe('relay-udp.media-carried');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('the offscreen document closed mid-call: the calls say so, the relays are not called blocked, and the next run works', async () => {
    // A slow path keeps the UDP calls running for seconds: the close lands in the middle of them.
    forwarder = await startDelayForwarder({ ns: labBrowser.lab.topology.srv, listen: { host: B, port: 3490 }, target: { host: A, port: 3478 }, delayMs: 100 });
    const started = Date.now();
    const pending = labBrowser.run(profile(`turn:${B}:3490?transport=udp`), DEADLINE_MS);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await labBrowser.ext.worker.evaluate(() => chrome.offscreen.closeDocument());
    const report = await pending;
    const ms = Date.now() - started;
    const cut = call(report, 'relay-relay', 'udp')!;
    expect(cut.setupError).toMatch(/offscreen document/i);
    expect(method(report, 'relay-udp').rowId).not.toBe('relay-udp.media-blocked');
    expect(ms).toBeLessThan(BOUND_MS);
    const next = await labBrowser.run(profile(), DEADLINE_MS);
    expect(next.loopbacks.every((l) => l.setupError === null && l.received > 0)).toBe(true);
  });

  it('two runs at once: the second joins the first, one set of calls, one report', async () => {
    const message = { type: 'run', profile: profile(), options: { deadlineMs: DEADLINE_MS } };
    const started = Date.now();
    const [first, second] = await Promise.all([sendFromPage<Report>(labBrowser.page, message), sendFromPage<Report>(labBrowser.page, message)]);
    expect(second.id).toBe(first.id);
    expect(first.loopbacks.map((l) => l.id)).toEqual(['loopback-relay-udp', 'loopback-relay-direct', 'loopback-relay-tcp']);
    expect(first.loopbacks.every((l) => l.received > 0)).toBe(true);
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
  });
});
