import type { Report } from '../src/report/types';
import { renderTicketText } from '../src/view/ticket-text';
import { redactIps } from '../src/report/redact-ips';
import { translatorFromMessages, type MessagesFile } from '../src/i18n/translate';
import english from '../_locales/en/messages.json';
import type { CheckArgs } from './args';

/** The report itself, or the very ticket text "Copy for support ticket" gives (in English: it goes to support). */
export function renderForCli(report: Report, args: Pick<CheckArgs, 'format' | 'redactIps'>): string {
  // Like the popup's "Copy for support ticket": the text hides this computer's addresses unless asked not to.
  const shown = (args.redactIps ?? args.format === 'text') ? redactIps(report) : report;
  if (args.format === 'json') return `${JSON.stringify(shown, null, 2)}\n`;
  const text = renderTicketText(shown, translatorFromMessages(english as MessagesFile));
  return text.endsWith('\n') ? text : `${text}\n`;
}
