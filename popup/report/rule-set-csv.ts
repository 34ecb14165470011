/** The rule set as CSV for firewall import: papaparse, RFC 4180 quoting, formulas neutralised. */
import Papa from 'papaparse';
import type { RuleSet, RuleSetLine } from '../../src/report/rule-set';

export const CSV_COLUMNS = [
  'action',
  'direction',
  'protocol',
  'destination',
  'ports',
  'service',
  'purpose',
  'required',
  'ssl_inspection',
  'status',
  'rule_ids',
] as const;

/** CSV for firewall import: one row per line, `status` = missing or also-check. */
export function ruleSetCsv(set: RuleSet): string {
  const row = (l: RuleSetLine, status: 'missing' | 'also-check') => [
    'allow',
    'outbound',
    l.protocol,
    l.destination,
    l.ports,
    l.services.join('; '),
    l.purposes.join('; '),
    l.required ? 'yes' : 'no',
    l.excludeFromInspection ? 'exclude' : '',
    status,
    l.ruleIds.join(' '),
  ];
  return Papa.unparse(
    {
      fields: [...CSV_COLUMNS],
      data: [...set.missing.map((l) => row(l, 'missing')), ...set.alsoCheck.map((l) => row(l, 'also-check'))],
      // A purpose from an imported profile starting with = + - @ must not run as a spreadsheet formula.
    },
    { newline: '\r\n', escapeFormulae: true },
  );
}
