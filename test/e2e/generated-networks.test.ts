import { mkdir, writeFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitStatusOf } from '../../cli/args';
import type { Report } from '../../src/report/types';
import { TURN_CREDENTIALS } from '../lab/lab';
import { startLabBrowser, type LabBrowser } from '../support/lab-browser';
import { expectedVerdict, forwardRules, type Expected, generatedNetworks, natMode, oracleProfile, specName, type NetworkSpec } from './network-oracle';

/**
 * Networks nobody wrote a verdict for: the product of NAT × UDP policy × TCP
 * policy × STUN server ports (network-oracle.ts), each built for real in the
 * lab's router, each expected verdict computed by the oracle from how the
 * network was built. One browser and one set of servers; only NAT mode and
 * iptables change between networks.
 */
const DEADLINE_MS = 2_000;
const networks = generatedNetworks();

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

/** Each failed check's cause, checked against the oracle's acceptable set (the value when it is in it, else what was found). */
function causesAgainst(report: Report, want: Expected['causes']): Record<string, unknown> {
  return Object.fromEntries(
    report.checks
      .filter((c) => c.status === 'fail')
      .map((c) => {
        const key = `${c.ruleId} ${c.target}`;
        const acceptable = want[key] ?? [];
        return [
          key,
          (acceptable as readonly string[]).includes(c.cause ?? 'null') ? acceptable : `${c.cause} (${c.causeRow}) not in [${acceptable.join(', ')}]`,
        ];
      }),
  );
}

describe(`${networks.length} generated networks, verdicts from the oracle`, () => {
  it('generates at least 24 distinct networks', () => {
    expect(new Set(networks.map(specName)).size).toBe(networks.length);
    expect(networks.length).toBeGreaterThanOrEqual(24);
  });

  it.each(networks.map((spec) => [specName(spec), spec] as const))('%s', async (name, spec) => {
    await build(spec);
    const report = await labBrowser.run(oracleProfile(spec), DEADLINE_MS);
    await mkdir('test-results/generated', { recursive: true });
    await writeFile(`test-results/generated/${name.replace(/[ =]/g, '_')}.json`, JSON.stringify(report, null, 2));
    const want = expectedVerdict(spec);
    const { causes, ...verdict } = want;
    const got = { ...observed(report), missingRules: report.missingRules.map((r) => r.ruleId), causes: causesAgainst(report, causes) };
    if (!isDeepStrictEqual(got, { ...verdict, causes })) mismatches.push(name);
    expect(got).toEqual({ ...verdict, causes });
    // A firewall rule is listed only for a port the router really drops (every failure here is the router's).
    for (const rule of report.missingRules) expect(report.checks.filter((c) => rule.checkIds.includes(c.id)).every((c) => c.status === 'fail')).toBe(true);
    expect(report.verdict.device).toBe('online');
    expect(JSON.stringify(report)).not.toContain(TURN_CREDENTIALS.credential);
  });
});
