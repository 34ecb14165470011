import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAB, LAB_HOSTS, STUN_ALT_PORT, TURN_CREDENTIALS, type Lab, REFERENCE_STUN_PEER_URL, REFERENCE_STUN_URL } from '../lab/lab';
import { startLabBrowser, type LabBrowser } from '../support/lab-browser';
import type { Report } from '../../src/report/types';
import { schoolProfile } from './school-profile';

/**
 * Issue 9's scenarios 1-6: networks whose truth we built, each with the whole
 * expected outcome — route, LAN, NAT mapping, every check's status and reason,
 * and the missing rules. (Proxies and TLS interception: proxy.test.ts.)
 */
const DEADLINE_MS = 3_000;

let lab: Lab;
let labBrowser: LabBrowser;
export const timesToVerdict: Record<string, number> = {};

type Outcome = string; // `${status}` or `${status}/${reason}`
interface Expected {
  route: Report['verdict']['route'];
  lan: Report['verdict']['lan'];
  mapping: Report['nat']['mapping'];
  /** Every check, by `ruleId target` (a STUN rule has one check per server). */
  checks: Record<string, Outcome>;
  missingRules: string[];
}

function outcomes(report: Report): Record<string, Outcome> {
  return Object.fromEntries(report.checks.map((c) => [`${c.ruleId} ${c.target}`, c.reason ? `${c.status}/${c.reason}` : c.status]));
}

async function run(name: string, profile: object): Promise<Report> {
  const reply = await labBrowser.run(profile, DEADLINE_MS);
  await mkdir('test-results', { recursive: true });
  await writeFile(`test-results/scenario-${name}.json`, JSON.stringify(reply, null, 2));
  timesToVerdict[name] = reply.durationMs;
  return reply;
}

/**
 * The district's reference STUN server (in every lab profile) is UDP 3478 and 40000 at another literal
 * address: each scenario's router lets all UDP out or none, so it treats both as it treats STUN at
 * A:3478, and lists the rule last when that fails.
 */
function withReference(expected: Expected): Expected {
  const asA = expected.checks[`stun stun:${A}:3478`]!;
  const failed = asA !== 'pass';
  return {
    ...expected,
    checks: { ...expected.checks, [`reference ${REFERENCE_STUN_URL}`]: asA, [`reference ${REFERENCE_STUN_PEER_URL}`]: asA },
    missingRules: failed && expected.missingRules.includes('stun') ? [...expected.missingRules, 'reference'] : expected.missingRules,
  };
}

function expectReport(report: Report, expected: Expected): void {
  expected = withReference(expected);
  expect({
    route: report.verdict.route,
    lan: report.verdict.lan,
    mapping: report.nat.mapping,
    checks: outcomes(report),
    missingRules: report.missingRules.map((r) => r.ruleId),
  }).toEqual(expected);
  // Whatever broke, the report is whole and secret-free.
  expect(report.checks.every((c) => c.status !== ('pending' as string))).toBe(true);
  expect(JSON.stringify(report)).not.toContain(TURN_CREDENTIALS.credential);
}

const [A, B] = LAB.turnAddresses;
const turn = LAB_HOSTS.turn;
const web = LAB_HOSTS.web;
const ALL_PASS: Record<string, Outcome> = {
  [`stun stun:${A}:3478`]: 'pass',
  [`stun stun:${B}:${STUN_ALT_PORT}`]: 'pass',
  [`turn-udp turn:${A}:3478?transport=udp`]: 'pass',
  [`turn-tcp turn:${turn}:3478?transport=tcp`]: 'pass',
  [`turn-tls turns:${turn}:443?transport=tcp`]: 'pass',
  [`app https://${web}/`]: 'pass',
  [`signalling wss://${web}/hub`]: 'pass',
};

beforeAll(async () => {
  labBrowser = await startLabBrowser();
  lab = labBrowser.lab;
});

afterEach(async () => {
  await lab.topology.clearForwardRules();
  await lab.topology.setNatMode('masquerade');
});

afterAll(async () => {
  await mkdir('test-results', { recursive: true });
  await writeFile('test-results/scenario-times.json', JSON.stringify(timesToVerdict, null, 2));
  await labBrowser?.stop();
});

describe('lab scenarios', () => {
  it('1. open network behind a plain NAT: hole punching, endpoint-independent, nothing missing', async () => {
    const report = await run('1-open', schoolProfile());
    expectReport(report, { route: 'hole-punching', lan: 'possible', mapping: 'endpoint-independent', checks: ALL_PASS, missingRules: [] });
    expect(report.nat.publicAddresses).toEqual([LAB.natWanAddress]);
  });

  it('2. symmetric NAT: relay over UDP, endpoint-dependent, hole punching unavailable and why', async () => {
    await lab.topology.setNatMode('symmetric');
    const report = await run('2-symmetric', schoolProfile());
    expectReport(report, { route: 'relay-udp', lan: 'possible', mapping: 'endpoint-dependent', checks: ALL_PASS, missingRules: [] });
    const holePunching = report.verdict.methods.find((m) => m.method === 'hole-punching')!;
    expect(holePunching.status).toBe('unavailable');
    expect(holePunching.reasons.map((r) => r.code)).toEqual(['nat_symmetric']);
  });

  it('3. outbound UDP dropped: relay over TCP; the UDP 3478 rules are missing', async () => {
    await lab.topology.forwardRule(['-p', 'udp', '-j', 'DROP']);
    const report = await run('3-udp-dropped', schoolProfile());
    expectReport(report, {
      route: 'relay-tcp',
      lan: 'possible',
      mapping: 'unknown',
      checks: {
        ...ALL_PASS,
        [`stun stun:${A}:3478`]: 'fail/timeout',
        [`stun stun:${B}:${STUN_ALT_PORT}`]: 'fail/timeout',
        [`turn-udp turn:${A}:3478?transport=udp`]: 'fail/timeout',
      },
      missingRules: ['stun', 'turn-udp'],
    });
    const udpRule = report.missingRules.find((r) => r.ruleId === 'turn-udp')!;
    expect(udpRule.text).toMatch(/UDP/);
    expect(udpRule.text).toMatch(/3478/);
  });

  it('4. only TCP 443 allowed: relay over TLS through the TURN listener on 443', async () => {
    await lab.topology.forwardRule(['-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT']);
    await lab.topology.forwardRule(['-p', 'tcp', '--dport', '443', '-j', 'ACCEPT']);
    await lab.topology.forwardRule(['-j', 'DROP']);
    const report = await run('4-only-443', schoolProfile());
    expectReport(report, {
      route: 'relay-tls',
      lan: 'possible',
      mapping: 'unknown',
      checks: {
        ...ALL_PASS,
        [`stun stun:${A}:3478`]: 'fail/timeout',
        [`stun stun:${B}:${STUN_ALT_PORT}`]: 'fail/timeout',
        [`turn-udp turn:${A}:3478?transport=udp`]: 'fail/timeout',
        [`turn-tcp turn:${turn}:3478?transport=tcp`]: 'fail/timeout',
      },
      missingRules: ['stun', 'turn-udp', 'turn-tcp'],
    });
  });

  it('5. nothing allowed: no route, every rule listed for checking (none as missing), a complete report at the deadline', async () => {
    await lab.topology.forwardRule(['-j', 'DROP']);
    const report = await run('5-nothing', schoolProfile());
    expectReport(report, {
      route: 'none',
      lan: 'possible',
      mapping: 'unknown',
      checks: Object.fromEntries(Object.keys(ALL_PASS).map((key) => [key, 'fail/timeout'])),
      // Nothing answered at all: a firewall blocking everything and a network with no way out look alike,
      // so no rule is called missing; every rule is listed under "cause not certain" with the rule it needs.
      missingRules: [],
    });
    const unsure = report.otherCauses.find((c) => c.cause === 'unknown')!;
    expect(unsure.rules.map((r) => r.ruleId)).toEqual(['stun', 'turn-udp', 'turn-tcp', 'turn-tls', 'app', 'signalling', 'reference']);
    expect(report.checks.every((c) => c.doubt === 'nothing-answered')).toBe(true);
    // The run's own deadline, not Chrome's ~40 s, ends every silent check.
    expect(report.gatherings.every((g) => g.deadlineMs === DEADLINE_MS)).toBe(true);
    expect(report.durationMs).toBeLessThan(DEADLINE_MS + 5_000);
  });

  it('6. a name that does not resolve: dns for its checks, the others unaffected', async () => {
    const nowhere = LAB_HOSTS.unresolvable;
    const report = await run(
      '6-unresolvable',
      schoolProfile([
        { id: 'media-api', kind: 'https', purpose: 'Media API', url: `https://${nowhere}/` },
        { id: 'relay-eu', kind: 'turn', purpose: 'Regional relay', urls: [`turn:${nowhere}:3478?transport=tcp`], ...TURN_CREDENTIALS },
      ]),
    );
    expectReport(report, {
      route: 'hole-punching',
      lan: 'possible',
      mapping: 'endpoint-independent',
      checks: {
        ...ALL_PASS,
        [`media-api https://${nowhere}/`]: 'fail/dns',
        [`relay-eu turn:${nowhere}:3478?transport=tcp`]: 'fail/dns',
      },
      // DNS is not a firewall: no port is asked for, the DNS section names the host.
      missingRules: [],
    });
    expect(report.otherCauses.map((s) => [s.cause, s.rules.map((r) => r.ruleId)])).toEqual([['dns-filter', ['media-api', 'relay-eu']]]);
    // A required service that does not resolve is never green.
    expect(report.outcome).toMatchObject({ tone: 'limited', blockedServices: [{ ruleId: 'media-api', cause: 'dns-filter' }] });
  });
});
