import { mkdir, writeFile } from 'node:fs/promises';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitStatusOf } from '../../cli/args';
import type { Report } from '../../src/report/types';
import { TURN_CREDENTIALS } from '../lab/lab';
import { startLabBrowser, type LabBrowser } from '../support/lab-browser';
import { causesAgainst, expectedVerdict, forwardRules, generatedNetworks, natMode, oracleProfile, specName, type NetworkSpec } from './network-oracle';

/**
 * Networks nobody wrote a verdict for: the product of NAT × UDP policy × TCP
 * policy × STUN server ports (network-oracle.ts), each built for real in the
 * lab's router, each expected verdict computed by the oracle from how the
 * network was built. One browser and one set of servers; only NAT mode and
 * iptables change between networks.
 */
const DEADLINE_MS = 2_000;
const networks = generatedNetworks();

/**
 * Each run builds a sample of the matrix (`WNC_NETWORKS`, 12 by default),
 * drawn by fast-check from a seed printed with the suite's name: `WNC_SEED=<n>`
 * draws the same networks again, and `WNC_NETWORKS=all` (`npm run test:full`)
 * builds every one. Every network is still drawn in some run, and a mismatch
 * names its seed.
 */
const SAMPLE = process.env.WNC_NETWORKS === 'all' ? networks.length : Number(process.env.WNC_NETWORKS ?? 12);
if (!Number.isInteger(SAMPLE) || SAMPLE < 1) throw new Error(`WNC_NETWORKS must be a whole number of networks or "all", got ${process.env.WNC_NETWORKS}`);
const SEED = process.env.WNC_SEED !== undefined ? Number(process.env.WNC_SEED) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isSafeInteger(SEED)) throw new Error(`WNC_SEED must be a whole number, got ${process.env.WNC_SEED}`);
const sample =
  SAMPLE >= networks.length ? networks : fc.sample(fc.shuffledSubarray(networks, { minLength: SAMPLE, maxLength: SAMPLE }), { seed: SEED, numRuns: 1 })[0]!;
const drawn = SAMPLE >= networks.length ? `all ${networks.length}` : `${sample.length} of ${networks.length} (WNC_SEED=${SEED} draws them again)`;
console.log(`generated networks: ${drawn}`);

let labBrowser: LabBrowser;
const mismatches: string[] = [];

beforeAll(async () => {
  labBrowser = await startLabBrowser();
});

afterAll(async () => {
  await mkdir('test-results', { recursive: true });
  await writeFile('test-results/generated-networks-mismatches.json', JSON.stringify(mismatches, null, 2));
  await labBrowser?.stop();
});

async function build(spec: NetworkSpec): Promise<void> {
  const { topology } = labBrowser.lab;
  await topology.clearForwardRules();
  await topology.setNatMode(natMode(spec));
  for (const rule of forwardRules(spec)) await topology.forwardRule(rule);
}

function observed(report: Report) {
  return {
    route: report.verdict.route,
    routeVerified: report.verdict.routeVerified,
    mapping: report.nat.mapping,
    holePunching: report.verdict.methods.find((m) => m.method === 'hole-punching')!.status,
    checks: Object.fromEntries(report.checks.map((c) => [`${c.ruleId} ${c.target}`, c.reason ? `${c.status}/${c.reason}` : c.status])),
    exitStatus: exitStatusOf(report),
  };
}

describe(`generated networks, verdicts from the oracle: ${drawn}`, () => {
  it('generates at least 24 distinct networks', () => {
    expect(new Set(networks.map(specName)).size).toBe(networks.length);
    expect(networks.length).toBeGreaterThanOrEqual(24);
  });

  it.each(sample.map((spec) => [specName(spec), spec] as const))('%s', async (name, spec) => {
    await build(spec);
    const report = await labBrowser.run(oracleProfile(spec), DEADLINE_MS);
    await mkdir('test-results/generated', { recursive: true });
    await writeFile(`test-results/generated/${name.replace(/[ =]/g, '_')}.json`, JSON.stringify(report, null, 2));
    const want = expectedVerdict(spec);
    const { causes, ...verdict } = want;
    const got = { ...observed(report), missingRules: report.missingRules.map((r) => r.ruleId), causes: causesAgainst(report, causes) };
    if (!isDeepStrictEqual(got, { ...verdict, causes })) mismatches.push(`${name} (WNC_SEED=${SEED}, WNC_NETWORKS=${process.env.WNC_NETWORKS ?? SAMPLE})`);
    expect(got).toEqual({ ...verdict, causes });
    // A firewall rule is listed only for a port the router really drops (every failure here is the router's).
    for (const rule of report.missingRules) expect(report.checks.filter((c) => rule.checkIds.includes(c.id)).every((c) => c.status === 'fail')).toBe(true);
    expect(report.verdict.device).toBe('online');
    expect(JSON.stringify(report)).not.toContain(TURN_CREDENTIALS.credential);
  });
});
