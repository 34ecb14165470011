/**
 * The text the copy buttons put on the clipboard: what an admin pastes into a
 * ticket or a change request. The firewall copy is the report's rule set
 * (duplicates merged, the rules a browser cannot test under "also check"); every
 * other cause has its own copy, addressed to the person who can fix it. The
 * lines stay in the vendor's words; only headings are translated.
 */
import type { Cause } from '../checks/cause';
import type { CauseAdvice } from '../checks/missing-rules';
import type { Report } from '../report/types';
import type { MessageKey, Translate } from '../i18n/translate';
import { ruleSetText } from '../report/rule-set-text';

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
  const set =
    stored && Array.isArray(stored.missing) && Array.isArray(stored.alsoCheck)
      ? stored
      : { missing: sortedMissingRules(report), alsoCheck: report.verifyRules };
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

const CAUSE_KEYS: Record<Exclude<Cause, 'firewall'>, CauseKeys> = {
  proxy: { heading: 'cause_proxy_heading', hint: 'cause_proxy_hint', copyHeading: 'cause_proxy_copy_heading' },
  'dns-filter': { heading: 'cause_dns_heading', hint: 'cause_dns_hint', copyHeading: 'cause_dns_copy_heading' },
  'relay-credentials': { heading: 'cause_credentials_heading', hint: 'cause_credentials_hint', copyHeading: 'cause_credentials_copy_heading' },
  'vendor-server': { heading: 'cause_vendor_heading', hint: 'cause_vendor_hint', copyHeading: 'cause_vendor_copy_heading' },
  'this-device': { heading: 'cause_device_heading', hint: 'cause_device_hint', copyHeading: 'cause_device_copy_heading' },
};

/** Who can fix each cause other than the firewall: the heading, hint and copy-heading keys of its section. */
export function causeKeys(cause: Exclude<Cause, 'firewall'>): CauseKeys {
  return CAUSE_KEYS[cause];
}

/** One cause's copy: a heading naming the profile, then the section's own paste-ready lines. */
export function causeText(section: CauseAdvice, report: Pick<Report, 'profile'>, t: Translate): string {
  return [t(causeKeys(section.cause).copyHeading, [report.profile.name, report.profile.version]), section.text].join('\n');
}
