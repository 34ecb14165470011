/**
 * The sections of a report laid out for a person, in order, after its header:
 * the one list both the ticket text (src/view/ticket-text.ts) and the printable
 * page (popup/report/PrintableReport.tsx) walk. Each renderer switches over
 * `kind` whole (the typed lint's switch-exhaustiveness-check), so a section
 * added here is one both must render, or skip by name.
 */
import type { Translate } from '../i18n/translate';
import type { CauseAdvice } from '../checks/missing-rules';
import type { Report } from '../report/types';
import { missingRulesText } from './rules';

export type ReportSection =
  /** The route calls take, the outcome, the proxy note, LAN and NAT. */
  | { kind: 'route' }
  /** The missing firewall rules, or the line saying there are none. */
  | { kind: 'missing-rules' }
  /** The rules a browser cannot test. */
  | { kind: 'verify-rules' }
  /** One copy of every firewall line for the admin (the printable page adds its CSV). */
  | { kind: 'rule-set' }
  /** One cause other than the firewall, addressed to the person who can fix it. */
  | { kind: 'cause'; cause: CauseAdvice }
  | { kind: 'profile-errors' }
  | { kind: 'methods' }
  | { kind: 'checks' }
  | { kind: 'loopback-calls' }
  | { kind: 'ice-errors' }
  /** Every gathered candidate: on the printable page; the ticket leaves them to the JSON. */
  | { kind: 'candidates' }
  | { kind: 'environment' };

/** The sections `report` has, in reading order; a section with nothing to say is left out. */
export function reportSections(report: Report, t: Translate): ReportSection[] {
  const sections: ReportSection[] = [{ kind: 'route' }, { kind: 'missing-rules' }];
  if (report.verifyRules.length > 0) sections.push({ kind: 'verify-rules' });
  if (missingRulesText(report, t) !== '') sections.push({ kind: 'rule-set' });
  for (const cause of report.otherCauses ?? []) sections.push({ kind: 'cause', cause });
  if (report.profile.errors.length > 0) sections.push({ kind: 'profile-errors' });
  sections.push({ kind: 'methods' }, { kind: 'checks' });
  if ((report.loopbacks ?? []).length > 0) sections.push({ kind: 'loopback-calls' });
  if (report.iceErrors.length > 0) sections.push({ kind: 'ice-errors' });
  sections.push({ kind: 'candidates' }, { kind: 'environment' });
  return sections;
}
