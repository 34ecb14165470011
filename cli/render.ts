import type { Report } from '../src/report/types';
import type { CheckArgs } from './args';

/** JSON is the report itself; text is the support-ticket text (issue 7's renderer once merged). */
export function renderForCli(report: Report, args: Pick<CheckArgs, 'format' | 'redactIps'>): string {
  if (args.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const lines = [
    `${report.profile.name} (${report.profile.id} ${report.profile.version}): ${report.verdict.summary}`,
    ...report.missingRules.map((rule) => `missing: ${rule.text}`),
    ...report.verifyRules.map((rule) => `verify on your firewall: ${rule.text}`),
  ];
  return `${lines.join('\n')}\n`;
}
