import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ruleSet } from '../../src/report/rule-set';
import { CSV_COLUMNS, ruleSetCsv } from '../../popup/report/rule-set-csv';
import { advice, line, media, push, stun, turnTls, turnUdp, unnamed } from '../fixtures/rule-advice';

/** The firewall rule set as CSV (popup/report/rule-set-csv.ts, the printable page's download). */
describe('rule set CSV', () => {
  const set = ruleSet({ missingRules: [stun, turnUdp, turnTls], verifyRules: [push, media, unnamed] });

  it('exports the same lines as CSV that a spreadsheet reads back, formulas neutralised', () => {
    const evil = ruleSet({ missingRules: [advice('e', '=HYPERLINK("x")', [line('TCP', '443', ['a.example'], 'HTTPS')])], verifyRules: [] });
    const csv = ruleSetCsv(set);
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed[0]).toEqual([...CSV_COLUMNS]);
    expect(parsed.slice(1).map((r) => [r[2], r[3], r[4], r[9]])).toEqual([
      ['UDP', 'turn.example.org', '3478', 'missing'],
      ['TCP', 'turn.example.org', '443', 'missing'],
      ['UDP', 'any destination', '49152-65535', 'also-check'],
      ['TCP', "the vendor's servers (the vendor's guide names no host: ask the vendor)", '443', 'also-check'],
      ['TCP', 'mtalk.google.com', '5228-5230', 'also-check'],
    ]);
    expect(parsed[2]![8]).toBe('exclude');
    expect(Papa.parse<string[]>(ruleSetCsv(evil).trim()).data[1]![6]).toBe(`'=HYPERLINK("x")`);
  });
});
