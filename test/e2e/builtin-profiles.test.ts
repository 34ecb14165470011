import { inEnglish } from '../../src/i18n/english';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { createTopology, type Topology } from '../lab/topology';
import { launchWithExtension, sendFromPage, type ExtensionBrowser } from '../support/extension';
import type { Report } from '../../src/report/types';

/**
 * The vendor profiles name real public hosts. Chromium runs in the lab's `lan`
 * namespace, whose router has no default route and whose resolver is a dead
 * loopback port: every packet to those addresses dies inside the lab. What the
 * extension must do here is answer completely and on time, never hang.
 */
const DEADLINE_MS = 2_000;

let lab: Topology;
let ext: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  lab = await createTopology();
  ext = await launchWithExtension({ netns: lab.lan });
  page = await ext.openPage('popup/index.html');
});

afterAll(async () => {
  await ext?.close();
  await lab?.destroy();
});

/**
 * Route `none` where the chosen profile names STUN/TURN servers (none can be
 * reached here); `untested` where it names none a browser can test (Onsight's
 * new-customer and TeamLink-only connections list only SIP ports and raw UDP
 * ranges): "verify these rules", never "will not connect".
 */
const cases = [
  { profileId: 'senso', options: { region: 'eu' }, route: 'none' },
  { profileId: 'senso', options: { region: 'na' }, route: 'none' },
  { profileId: 'remotespark', options: { choices: { datacentre: 'specific' } }, route: 'none' },
  { profileId: 'onsight', options: { choices: { connection: 'new' } }, route: 'untested' },
  { profileId: 'onsight', options: { choices: { connection: 'legacy' } }, route: 'none' },
  { profileId: 'onsight', options: { choices: { connection: 'teamlink-only' } }, route: 'untested' },
];

describe('built-in profiles with no route to the internet', () => {
  it.each(cases)('$profileId $options gives a complete report with every rule accounted for', async ({ profileId, options, route }) => {
    const report = await sendFromPage<Report>(page, { type: 'run', profileId, options: { ...options, deadlineMs: DEADLINE_MS } });
    expect(report).not.toHaveProperty('error');
    expect(report.profile.id).toBe(profileId);
    // Nothing out there can be reached: nothing may pass.
    expect(report.checks.filter((c) => c.status === 'pass')).toEqual([]);
    for (const check of report.checks.filter((c) => c.status === 'fail')) {
      expect(['dns', 'timeout', 'unreachable', 'refused'], `${check.id}: ${inEnglish(check.detail)} (${check.evidence ?? ''})`).toContain(check.reason);
    }
    expect(report.verdict.route).toBe(route);
    // Every failed check's rule is advised under its cause: a name that does not
    // resolve (no resolver in the lab) to DNS; silence where nothing at all answered is not a firewall's signature
    // (here the truth is a network with no way out): "cause not certain"; every untestable one is to verify.
    const advisedFor = (cause: string) =>
      new Set((cause === 'firewall' ? report.missingRules : (report.otherCauses.find((s) => s.cause === cause)?.rules ?? [])).map((r) => r.ruleId));
    const verify = new Set(report.verifyRules.map((r) => r.ruleId));
    for (const check of report.checks) {
      if (check.status === 'fail') {
        expect(check.cause, check.id).toBe(check.reason === 'dns' ? 'dns-filter' : 'unknown');
        expect(advisedFor(check.cause!).has(check.ruleId), check.ruleId).toBe(true);
      }
      if (check.status === 'untestable') expect(verify.has(check.ruleId), check.ruleId).toBe(true);
    }
    expect(report.missingRules.length + report.otherCauses.length + report.verifyRules.length).toBeGreaterThan(0);
    // The paste-ready text never asks for an empty destination or the literal "0.0.0.0/0".
    for (const rule of [...report.missingRules, ...report.verifyRules]) {
      expect(rule.text, rule.ruleId).not.toMatch(/0\.0\.0\.0\/0|::\/0| to {1,2}ports? /);
    }
    // The run keeps its own deadline rather than Chrome's ~40 s.
    expect(report.gatherings.every((g) => g.deadlineMs === DEADLINE_MS)).toBe(true);
    expect(report.durationMs).toBeLessThan(DEADLINE_MS * 3);
  });
});
