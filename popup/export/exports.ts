import { reportFileName } from '../../src/report/filename';
import { redactIps } from '../../src/report/redact-ips';
import { renderTicketText } from '../../src/view/ticket-text';
import type { Report } from '../../src/report/types';
import type { Translate } from '../../src/i18n/translate';

/** Every export is rendered from the one stored report; redaction, when chosen, first. */
export function exportCopy(report: Report, redact: boolean): Report {
  return redact ? redactIps(report) : report;
}

export function jsonExport(report: Report): { name: string; text: string } {
  return { name: reportFileName(report, 'json'), text: `${JSON.stringify(report, null, 2)}\n` };
}

export function textExport(report: Report, t: Translate): { name: string; text: string } {
  return { name: reportFileName(report, 'txt'), text: renderTicketText(report, t) };
}

export function printableUrl(getURL: (path: string) => string, id: string, redact: boolean): string {
  return getURL(`popup/report/report.html?id=${encodeURIComponent(id)}&redact=${redact ? '1' : '0'}`);
}
