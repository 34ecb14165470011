/**
 * Failed checks -> the profile rules a network admin must add, as paste-ready
 * text. Rules a browser cannot test are listed apart, with the same text, as
 * "verify on your firewall": they are never reported as passed.
 */
import type { Profile, ProfileRule } from '../profile/types';
import { formatFirewallLine } from './firewall';
import { plannedTargets } from './plan';
import type { CheckResult, CheckStatus, FirewallLine, PlannedCheck } from './types';

export interface RuleAdvice {
  ruleId: string;
  /** The vendor's words. */
  purpose: string;
  required: boolean;
  /** The vendor asks to exclude this traffic from SSL/packet inspection. */
  noInspection: boolean;
  checkIds: string[];
  /** What the checks found, one line per check: "turn:…: no answer within 5 s". */
  findings: string[];
  firewall: FirewallLine[];
  /** One paste-ready line per firewall rule. */
  text: string;
}

export interface RuleAdviceLists {
  /** Rules whose checks failed. */
  missingRules: RuleAdvice[];
  /** Rules a browser cannot test: "verify on your firewall". */
  verifyRules: RuleAdvice[];
}

export function adviseRules(profile: Profile, plan: readonly PlannedCheck[], checks: readonly CheckResult[]): RuleAdviceLists {
  const firewallById = new Map(plannedTargets(plan).map((t) => [t.checkId, t.firewall]));
  // A silent server no firewall rule fixes (udp-silence.ts) is not a missing rule.
  const advise = (status: CheckStatus) =>
    profile.rules.flatMap((rule) => {
      const matching = checks.filter((check) => check.ruleId === rule.id && check.status === status && check.reason !== 'server-silent');
      return matching.length === 0 ? [] : [ruleAdvice(rule, matching, firewallById)];
    });
  return { missingRules: advise('fail'), verifyRules: advise('untestable') };
}

function ruleAdvice(rule: ProfileRule, checks: CheckResult[], firewallById: Map<string, FirewallLine>): RuleAdvice {
  const firewall = uniqueLines(checks.flatMap((check) => firewallById.get(check.id) ?? []));
  return {
    ruleId: rule.id,
    purpose: rule.purpose,
    required: rule.required,
    noInspection: rule.noInspection,
    checkIds: checks.map((check) => check.id),
    findings: checks.map((check) => `${check.target}: ${check.detail}`),
    firewall,
    text: firewall.map((line) => adviceLine(line, rule)).join('\n'),
  };
}

function adviceLine(line: FirewallLine, rule: ProfileRule): string {
  const optional = rule.required ? '' : ' (optional)';
  const inspection = rule.noInspection ? ' Exclude from SSL inspection.' : '';
  return `${formatFirewallLine(line)}: ${rule.purpose}${optional}.${inspection}`;
}

function uniqueLines(lines: FirewallLine[]): FirewallLine[] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    const key = formatFirewallLine(line);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
