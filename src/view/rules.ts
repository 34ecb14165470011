/**
 * The text the "copy rules" button puts on the clipboard: what a network admin
 * pastes into a ticket or a firewall change request. The rule lines are the
 * report's own (already paste-ready, vendor words); this adds only a heading
 * naming the profile, so the admin knows which product they are for.
 */
import type { Report } from '../report/types';
import type { Translate } from '../i18n/translate';

export function missingRulesText(report: Pick<Report, 'missingRules' | 'profile'>, t: Translate): string {
  if (report.missingRules.length === 0) return '';
  const heading = t('popup_rules_copy_heading', [report.profile.name, report.profile.version]);
  // In the order the popup lists them, so the admin's paste matches what the teacher saw.
  return [heading, ...sortedMissingRules(report).map((rule) => rule.text)].join('\n');
}

/** Rules that count as missing for the headline: required ones first, then optional. */
export function sortedMissingRules(report: Pick<Report, 'missingRules'>): Report['missingRules'] {
  return [...report.missingRules].sort((a, b) => Number(b.required) - Number(a.required));
}
