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

/**
 * A cell a spreadsheet would run as a formula: it starts with = + - @, a tab
 * or a carriage return (OWASP, CSV injection), or their full-width forms,
 * which some spreadsheets in East Asian locales also take. Papaparse's own
 * `escapeFormulae: true` pattern ends in `.*$` without the `s` flag, so a
 * cell such as "=cmd|' /C calc'!A0" followed by a line break slipped through
 * (issue 29): the start alone decides.
 */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** CSV for firewall import: one row per line, `status` = missing or also-check. Every cell that could start a formula is prefixed with `'`, whatever its source. */
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
      // A purpose from an imported profile, a rule id from an opened report file: none may run as a spreadsheet formula.
    },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
}
