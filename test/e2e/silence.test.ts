import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '../lab/lab';
import { startDelayForwarder, type DelayForwarder } from '../lab/delay';
import { startLabBrowser, type LabBrowser } from '../support/lab-browser';
import { schoolProfile } from './school-profile';
import type { Report } from '../../src/report/types';
import { UDP_SILENCE_MS } from '../../src/checks/silence';

/**
 * Silence decided on evidence (src/checks/silence.ts, docs/verdict.md): a UDP
 * server not heard past the browser's third retransmission (2 s) is silent
 * once another server proved a route fast; the deadline stays the bound
 * otherwise. Ground truth from construction: the slowed server sits behind
 * the delay forwarder (each datagram held 750 ms each way, so ~1.5 s a round
 * trip, the forwarder's own measure of its holds checked), the silent ones
 * behind the router's DROP rule.
 */
const DEADLINE_MS = 5_000;
const [A, B] = LAB.turnAddresses;
const SLOW_PORT = 3491;

let labBrowser: LabBrowser;
let forwarder: DelayForwarder | null = null;

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

const check = (report: Report, ruleId: string) => report.checks.filter((c) => c.ruleId === ruleId);

async function timed(profile: object): Promise<{ report: Report; ms: number }> {
  const started = Date.now();
  const report = await labBrowser.run(profile, DEADLINE_MS);
  return { report, ms: Date.now() - started };
}

describe('silence over UDP decided on evidence', () => {
  it('a STUN server slowed to ~1.5 s a round trip, beside fast servers that proved a route, is heard, never called silent', async () => {
    forwarder = await startDelayForwarder({
      ns: labBrowser.lab.topology.srv,
      listen: { host: B, port: SLOW_PORT },
      target: { host: A, port: 3478 },
      delayMs: 750,
    });
    const { report } = await timed(schoolProfile([{ id: 'stun-slow', kind: 'stun', purpose: 'A slow STUN server', urls: [`stun:${B}:${SLOW_PORT}`] }]));
    // The fast servers proved routes at once: the evidence the rule needs was there.
    expect(check(report, 'turn-udp').map((c) => c.status)).toEqual(['pass']);
    const [slow] = check(report, 'stun-slow');
    expect(slow).toMatchObject({ status: 'pass' });
    const holds = await forwarder.holds();
    expect(holds.median).toBeGreaterThanOrEqual(700); // the path really was slow: ~1.5 s a round trip
  });

  it('UDP dropped at the router, a relay over TCP proved fast: the UDP servers are called silent at 2 s, not at the deadline', async () => {
    await labBrowser.lab.topology.forwardRule(['-p', 'udp', '-j', 'DROP']);
    const { report, ms } = await timed(schoolProfile());
    expect(report.verdict.route).toBe('relay-tcp');
    for (const c of [...check(report, 'stun'), ...check(report, 'turn-udp')]) {
      expect(c).toMatchObject({ status: 'fail', reason: 'timeout', durationMs: UDP_SILENCE_MS });
    }
    expect(ms).toBeLessThan(DEADLINE_MS);
  });

  it('UDP dropped and no route proven (no TURN credentials: only 401s): the deadline stays the bound', async () => {
    await labBrowser.lab.topology.forwardRule(['-p', 'udp', '-j', 'DROP']);
    const profile = schoolProfile();
    const withoutCredentials = {
      ...profile,
      rules: profile.rules.map((rule) => {
        const { username: _u, credential: _c, ...rest } = rule as Record<string, unknown>;
        return rest;
      }),
    };
    const { report } = await timed(withoutCredentials);
    for (const c of check(report, 'stun')) expect(c).toMatchObject({ status: 'fail', reason: 'timeout', durationMs: DEADLINE_MS });
  });
});
