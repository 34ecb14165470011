/**
 * Every way a report leaves the extension as text, for tests that must hold
 * for all of them: the ticket text in each language (IPs kept and redacted),
 * the CLI's text and JSON output, the download names, the history line, and
 * what the popup and the badge compute from a report.
 */
import { renderForCli } from '../../cli/render';
import { translatorFromMessages } from '../../src/i18n/translate';
import { LOCALES, messagesOf } from './locales';
import { reportFileName } from '../../src/report/filename';
import { historyEntry } from '../../src/report/history';
import { redactIps } from '../../src/report/redact-ips';
import { renderTicketText } from '../../src/view/ticket-text';
import type { Report } from '../../src/report/types';
import { badgeFor } from '../../src/view/badge';
import { diagramLinks } from '../../src/view/diagram';
import { headline } from '../../src/view/headline';
import { methodRows } from '../../src/view/methods';
import { reasonLine } from '../../src/view/reasons';
import { missingRulesText, sortedMissingRules } from '../../src/view/rules';
import { webAppWarning } from '../../src/view/webapp-warning';

const translators = LOCALES.map((lang) => translatorFromMessages(messagesOf(lang)));

/** All the renderings of `report`, as one list of strings (structured results as JSON). Throws when any renderer does. */
export function renderEverything(report: Report): string[] {
  const out: string[] = [];
  for (const t of translators) {
    out.push(renderTicketText(report, t), renderTicketText(redactIps(report), t), missingRulesText(report, t));
  }
  out.push(
    renderForCli(report, { format: 'text', redactIps: null }),
    renderForCli(report, { format: 'json', redactIps: null }),
    renderForCli(report, { format: 'json', redactIps: true }),
    reportFileName(report, 'json'),
    JSON.stringify([
      historyEntry(report),
      badgeFor(report),
      diagramLinks(report),
      headline(report.verdict),
      methodRows(report.verdict, report.checks),
      report.checks.map(reasonLine),
      sortedMissingRules(report),
      webAppWarning(report.environment.webRtcIpHandling),
    ]),
  );
  return out;
}
