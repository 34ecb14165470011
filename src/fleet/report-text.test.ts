import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPicked, skipValue } from './json-scan';
import { reportDocuments, reportForFleetRow } from './report-text';
import { otlpLogsRequest } from './record';
import { fleetRow } from './summary';

/**
 * The fleet's fast read must give the row JSON.parse gives, or refuse what
 * JSON.parse refuses: over every captured report, written compactly and
 * pretty-printed, and over broken and hostile copies of them.
 */
const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures/reports');
const reportTexts = [
  ...readdirSync(FIXTURES)
    .filter((n) => n.endsWith('.json'))
    .map((n) => readFileSync(resolve(FIXTURES, n), 'utf8')),
  ...readdirSync(resolve(FIXTURES, 'status'))
    .filter((n) => n.endsWith('.json'))
    .map((n) => readFileSync(resolve(FIXTURES, 'status', n), 'utf8')),
];

const slowRow = (text: string) => fleetRow(JSON.parse(text));
const fastRow = (text: string) => fleetRow(reportForFleetRow(text));

describe('reportForFleetRow gives the row JSON.parse gives', () => {
  it('over every captured report, compact and pretty-printed', () => {
    expect(reportTexts.length).toBeGreaterThan(10);
    for (const text of reportTexts) {
      const value = JSON.parse(text);
      for (const form of [JSON.stringify(value), JSON.stringify(value, null, 2), text]) expect(fastRow(form)).toEqual(slowRow(form));
    }
  });

  it('keeps the reads that make a row: a captured report with causes, missing rules and a site gives a full row', () => {
    const text = reportTexts.find((t) => (JSON.parse(t) as { missingRules?: unknown[] }).missingRules?.length)!;
    const row = fastRow(text);
    expect('skipped' in row).toBe(false);
    if ('skipped' in row) return;
    expect(row.missingRules.length).toBeGreaterThan(0);
    expect(row.causes.length).toBeGreaterThan(0);
    expect(row.route).not.toBe('');
  });

  it('refuses every truncated copy, as JSON.parse does', () => {
    const text = JSON.stringify(JSON.parse(reportTexts[0]!));
    for (let cut = 0; cut < text.length - 1; cut += 97) {
      const broken = text.slice(0, cut);
      expect(() => JSON.parse(broken)).toThrow();
      expect(() => reportForFleetRow(broken), `cut at ${cut}`).toThrow(SyntaxError);
    }
  });

  it('refuses broken grammar in members it skips, and text after the value', () => {
    const text = JSON.stringify(JSON.parse(reportTexts[0]!));
    const breakers: [string, string][] = [
      ['"candidates":[', '"candidates":[,'],
      ['"candidates":', '"candidates"'],
      [',"nat":', '"nat":'],
      ['"candidates":[', '"candidates":[tru,'],
      ['"candidates":[', '"candidates":[01,'],
      ['"candidates":[', '"candidates":[}'],
    ];
    for (const [from, to] of breakers) {
      expect(text.includes(from), from).toBe(true);
      const broken = text.replace(from, to);
      expect(() => JSON.parse(broken), to).toThrow();
      expect(() => reportForFleetRow(broken), to).toThrow(SyntaxError);
    }
    // Inside strings it skips: a raw control character, a bad escape, a raw line feed in a nested member name.
    for (const [from, to] of [
      ['"candidates":[', '"notes":"a\tb","candidates":['],
      ['"candidates":[', '"notes":"a\\qb","candidates":['],
      ['"candidates":[', '"notes":"a\\u12g4","candidates":['],
      ['"candidates":[', '"candidates":[{"a\nb":1},'],
    ] as const) {
      const broken = text.replace(from, to);
      expect(broken).not.toBe(text);
      expect(() => JSON.parse(broken), to).toThrow();
      expect(() => reportForFleetRow(broken), to).toThrow(SyntaxError);
    }
    expect(() => reportForFleetRow(`${text} x`)).toThrow(SyntaxError);
    expect(() => reportForFleetRow(`${text}\n`)).not.toThrow();
  });

  it('reads names the way JSON.parse does: the last of a repeated member, escaped names, __proto__ as a member', () => {
    const base = JSON.parse(reportTexts[0]!) as Record<string, unknown>;
    const compact = JSON.stringify(base);
    const variants = [
      // A repeated member: JSON.parse keeps the last.
      compact.replace(/^\{/, '{"id":"first-id",'),
      compact.replace(/\}$/, ',"id":"last-id"}'),
      // An escaped member name spelling one the row reads.
      compact.replace('"checks":', '"\\u0063hecks":'),
      compact.replace(/\}$/, ',"\\u0069d":"escaped-id"}'),
      // Elements of the wrong type are passed over by fleetRow.
      compact.replace('"checks":[', '"checks":[1,null,"x",[],'),
      compact.replace(/"missingRules":\[/, '"missingRules":[{"ruleId":7},{"ruleId":"r-1","__proto__":{"ruleId":"x"}},'),
      // Members of the wrong type.
      compact.replace(/"verdict":/, '"verdict":"none","_verdict":'),
      compact.replace(/"checks":/, '"checks":{"cause":"firewall"},"_checks":'),
      // __proto__ read as a member, not a prototype.
      compact.replace(/^\{/, '{"__proto__":{"id":"from-prototype"},'),
      // Deep nesting in a member the row does not read.
      compact.replace(/\}$/, `,"deep":${'['.repeat(20_000)}${']'.repeat(20_000)}}`),
      // Text the row keeps, in other scripts.
      compact.replace(/"id":"[^"]*"/, '"id":"école-😀-\\u00e9"'),
      // Valid escapes everywhere, and whitespace with line feeds (read whole: a control character is there).
      compact.replace('"candidates":[', '"notes":"\\\\ \\" \\/ \\b \\f \\n \\r \\t \\u0041","candidates":['),
      JSON.stringify(base, null, 2),
    ];
    for (const text of variants) {
      expect(text).not.toBe(compact);
      expect(fastRow(text)).toEqual(slowRow(text));
    }
  });

  it('a body that is not an object comes back as it is', () => {
    for (const text of ['[]', '"a report"', '12', 'null']) expect(reportForFleetRow(text)).toEqual(JSON.parse(text));
  });
});

describe('skipValue', () => {
  it('ends each value where JSON.parse reads it to', () => {
    for (const value of ['0', '-1.5e+3', 'true', 'false', 'null', '"a\\"b\\\\"', '{}', '[]', '{"a":[1,{"b":"}"}]}', '[ 1 , "x" , { } ]']) {
      expect(skipValue(`${value},rest`, 0), value).toBe(value.length);
      expect(() => JSON.parse(value)).not.toThrow();
    }
  });

  it('refuses what is not a value', () => {
    for (const text of ['', '-', '[01]', '[1.]', 'tru', '{"a"}', '{"a":1,}', '[1,]', '[1 2]', '{a:1}', '"open', '{"a":1]'])
      expect(() => skipValue(text, 0), text).toThrow(SyntaxError);
  });
});

describe('readPicked', () => {
  it('decodes each built value with the decoder it is given', () => {
    const value = readPicked('{"a":"x","b":"y"}', { members: { a: 'value' } }, (text) => text.replace('x', 'decoded'));
    expect(value).toEqual({ a: 'decoded' });
  });
});

describe('reportDocuments', () => {
  it('finds the reports of an OTLP request and reads each with the parser it is given', () => {
    const report = JSON.parse(reportTexts[0]!) as Parameters<typeof otlpLogsRequest>[0];
    const request = JSON.parse(otlpLogsRequest(report, { site: 'Ashgrove' }, Date.parse('2026-11-24T09:00:00Z'))) as unknown;
    const seen: string[] = [];
    const docs = reportDocuments(request, (text) => {
      seen.push(text);
      return reportForFleetRow(text);
    });
    expect(seen).toHaveLength(1);
    expect(docs.map((d) => fleetRow(d))).toEqual([fleetRow(JSON.parse(seen[0]!))]);
    expect(
      reportDocuments(request, () => {
        throw new SyntaxError('not JSON');
      }),
    ).toEqual([null]);
  });
});
