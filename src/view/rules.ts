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
import type { Translate } from '../i18n/translate';
import { ruleSet, ruleSetText } from '../report/rule-set';

export function missingRulesText(report: Pick<Report, 'missingRules' | 'verifyRules' | 'profile'>, t: Translate): string {
  return ruleSetText(ruleSet(report), {
    missing: t('popup_rules_copy_heading', [report.profile.name, report.profile.version]),
    alsoCheck: t('popup_rules_copy_also_check', [report.profile.name, report.profile.version]),
  });
}

/** Rules that count as missing for the headline: required ones first, then optional. */
export function sortedMissingRules(report: Pick<Report, 'missingRules'>): Report['missingRules'] {
  return [...report.missingRules].sort((a, b) => Number(b.required) - Number(a.required));
}

/** Who can fix each cause other than the firewall: the heading and hint keys of its section. */
export const CAUSE_KEYS: Record<Exclude<Cause, 'firewall'>, { heading: string; hint: string; copyHeading: string }> = {
  proxy: { heading: 'cause_proxy_heading', hint: 'cause_proxy_hint', copyHeading: 'cause_proxy_copy_heading' },
  'dns-filter': { heading: 'cause_dns_heading', hint: 'cause_dns_hint', copyHeading: 'cause_dns_copy_heading' },
  'relay-credentials': { heading: 'cause_credentials_heading', hint: 'cause_credentials_hint', copyHeading: 'cause_credentials_copy_heading' },
  'vendor-server': { heading: 'cause_vendor_heading', hint: 'cause_vendor_hint', copyHeading: 'cause_vendor_copy_heading' },
  'this-device': { heading: 'cause_device_heading', hint: 'cause_device_hint', copyHeading: 'cause_device_copy_heading' },
};

/** One cause's copy: a heading naming the profile, then the section's own paste-ready lines. */
export function causeText(section: CauseAdvice, report: Pick<Report, 'profile'>, t: Translate): string {
  return [t(CAUSE_KEYS[section.cause].copyHeading, [report.profile.name, report.profile.version]), section.text].join('\n');
}
