/**
 * The text the copy buttons put on the clipboard: what an admin pastes into a
 * ticket or a change request. The firewall copy is the report's rule set
 * (duplicates merged, the rules a browser cannot test under "also check"); every
 * other cause has its own copy, addressed to the person who can fix it. The
 * lines are phrases said in the reader's language (src/i18n/words.ts); the
 * vendor's own words in them (purposes, hosts) stay as the vendor wrote them.
 * A report@2 (lines as English text only) is shown as it was stored.
 */
import { CAUSE_INFO, type Cause } from '../checks/cause-info';
import type { CauseAdvice, RuleAdvice } from '../checks/missing-rules';
import type { Report } from '../report/types';
import type { MessageKey, Translate } from '../i18n/translate';
import { ruleSetText } from '../report/rule-set-text';
import type { RuleSetLine } from '../report/rule-set';
import type { Phrase } from '../i18n/phrase';
import { say } from '../i18n/words';

/**
 * The firewall admin's copy: the report's rule set (built with the report, so
 * the popup carries no code to merge rules) under translated headings. A
 * report written before rule sets existed gives its rules' own lines.
 */
export function missingRulesText(
  report: Pick<Report, 'missingRules' | 'verifyRules' | 'profile'> & Partial<Pick<Report, 'firewallRules'>>,
  t: Translate,
): string {
  // A stored report from another version, or damaged, may lack the rule set or hold a broken one.
  const stored = report.firewallRules;
  const said = (lines: readonly (Pick<RuleSetLine, 'text'> & { line?: Phrase })[]) => lines.map((l) => ({ text: l.line ? say(t, l.line) : l.text }));
  const words = (rules: readonly Pick<RuleAdvice, 'text' | 'lines'>[]) => rules.map((r) => ({ text: ruleText(r, t) }));
  const set =
    stored && Array.isArray(stored.missing) && Array.isArray(stored.alsoCheck)
      ? { missing: said(stored.missing), alsoCheck: said(stored.alsoCheck) }
      : { missing: words(sortedMissingRules(report)), alsoCheck: words(report.verifyRules) };
  return ruleSetText(set, {
    missing: t('popup_rules_copy_heading', [report.profile.name, report.profile.version]),
    alsoCheck: t('popup_rules_copy_also_check', [report.profile.name, report.profile.version]),
  });
}

/** Rules that count as missing for the headline: required ones first, then optional. */
export function sortedMissingRules(report: Pick<Report, 'missingRules'>): Report['missingRules'] {
  return [...report.missingRules].sort((a, b) => Number(b.required) - Number(a.required));
}

/** The heading, hint and copy-heading keys of one cause's section. */
export interface CauseKeys {
  heading: MessageKey;
  hint: MessageKey;
  copyHeading: MessageKey;
}

/** Who can fix each cause other than the firewall: the heading, hint and copy-heading keys of its section. */
export function causeKeys(cause: Exclude<Cause, 'firewall'>): CauseKeys {
  return CAUSE_INFO[cause].keys;
}

/** One cause's copy: a heading naming the profile, then the section's own paste-ready lines. */
export function causeText(section: CauseAdvice, report: Pick<Report, 'profile'>, t: Translate): string {
  const lines = Array.isArray(section.lines) ? section.lines.map((line) => say(t, line)).join('\n') : section.text;
  return [t(causeKeys(section.cause).copyHeading, [report.profile.name, report.profile.version]), lines].join('\n');
}

/** A rule's paste-ready lines in the reader's language (a report@2 has only the English text). */
export function ruleText(rule: Pick<RuleAdvice, 'text' | 'lines'>, t: Translate): string {
  return Array.isArray(rule.lines) ? rule.lines.map((line) => say(t, line)).join('\n') : rule.text;
}
