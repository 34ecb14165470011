import { phrase } from '../../i18n/phrase';
import { describe, expect, it } from 'vitest';
import { adviseRules } from '../../checks/missing-rules';
import { planChecks, plannedTargets } from '../../checks/plan';
import type { CheckResult } from '../../checks/types';
import vendorPurposes from './vendor-purposes.json';
import { BUILTIN_PROFILES, builtinProfile } from './index';

/**
 * Built-in purposes are short and plain (issue 17): the admin pastes them into
 * a firewall change request and the popup lists them. The vendors' own
 * paragraphs stay in vendor-purposes.json and docs/profiles.md.
 */
type Rule = { id: string; purpose: string };
const vendorProfiles = BUILTIN_PROFILES.filter((document) => document.rules.length > 0).map((document) => ({
  ...document,
  rules: document.rules as unknown as Rule[],
}));
const VENDOR = vendorPurposes as unknown as Record<string, Record<string, string>>;
/** Two punctuation marks in a row, or a space before a full stop: what a purpose ending in "." produced in the rule text. */
const DOUBLED = /[.,;:!?]\s*[.,;!?]|\s\./;

describe.each(vendorProfiles)('$name purposes', (document) => {
  it('are short plain phrases without closing or doubled punctuation', () => {
    for (const rule of document.rules) {
      expect(rule.purpose.length, rule.id).toBeLessThanOrEqual(100);
      expect(rule.purpose, rule.id).not.toMatch(/[.,;:!?]$/);
      expect(rule.purpose, rule.id).not.toMatch(DOUBLED);
      expect(rule.purpose, rule.id).not.toMatch(/IMPORTANT|METHOD \d|Please/);
    }
  });

  it("keep the vendor's own words for every rule", () => {
    for (const rule of document.rules) expect(VENDOR[document.id]?.[rule.id], rule.id).toBeTruthy();
    expect(Object.keys(VENDOR[document.id] ?? {}).sort()).toEqual(document.rules.map((r) => r.id).sort());
  });

  it('give rule text with no doubled punctuation when every rule is missing', () => {
    const { profile } = builtinProfile(document.id)!;
    for (const region of document.regions ?? [undefined]) {
      const plan = planChecks(profile!, region === undefined ? {} : { region });
      const checks: CheckResult[] = plannedTargets(plan).map((target) => ({
        id: target.checkId,
        ruleId: target.ruleId,
        kind: target.kind,
        target: target.target,
        transport: target.transport,
        status: 'fail',
        reason: 'timeout',
        detail: phrase('detail_no_answer_within', { seconds: '5 s' }),
        durationMs: 5000,
      }));
      // A timeout is a firewall cause: every one becomes a missing rule.
      const { missingRules } = adviseRules(
        profile!,
        plan,
        checks.map((c) => ({ ...c, cause: 'firewall' as const })),
      );
      expect(missingRules.length).toBeGreaterThan(0);
      for (const advice of missingRules) for (const line of advice.text.split('\n')) expect(line, advice.ruleId).not.toMatch(DOUBLED);
    }
  });
});
