/**
 * What the next step's button copies (src/view/status.ts `copy`): the firewall
 * admin's rule set, or the section of the cause the status names, each headed
 * by the profile's name; null when the status has nothing to send.
 */
import type { Translate } from '../i18n/translate';
import type { Report } from '../report/types';
import { causeText, missingRulesText } from './rules';
import type { Status } from './status';

export function statusCopyText(
  report: Pick<Report, 'missingRules' | 'verifyRules' | 'profile'> & Partial<Pick<Report, 'firewallRules' | 'otherCauses'>>,
  status: Pick<Status, 'copy' | 'cause'>,
  t: Translate,
): string | null {
  if (status.copy === 'firewall-rules') return report.missingRules.length + report.verifyRules.length > 0 ? missingRulesText(report, t) : null;
  if (status.copy !== 'cause-section') return null;
  const section = (report.otherCauses ?? []).find((s) => s.cause === status.cause);
  return section ? causeText(section, report, t) : null;
}
