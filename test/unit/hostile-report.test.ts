import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportValidatorCode } from '../../build/report-validator';
import { readReport, type Validate } from '../../popup/report/open-report';
import { translatorFromMessages, type MessagesFile } from '../../src/i18n/translate';
import { say } from '../../src/i18n/words';
import type { Phrase } from '../../src/i18n/phrase';
import { profileErrorPhrase } from '../../src/profile/error-phrase';
import { readStoredReport } from '../../src/report/stored';
import type { Report } from '../../src/report/types';
import { isFormattableDate, MAX_REPORT_FILE_CHARS, REPORT_VALUE_LIMITS, reportLimitProblem, valueLimitProblem } from '../../src/report/limits';
import { readStorageValue } from '../../src/contract/storage';
import { readSendStatus } from '../../src/fleet/status';
import { renderEverything } from '../support/render-all';
import Papa from 'papaparse';
import { FORMULA_START, ruleSetCsv } from '../../popup/report/rule-set-csv';

/**
 * Issue 29: report files (the help desk opens what arrives by e-mail) and
 * stored values that the schema accepts but that broke a page. Each case is
 * either laid out or refused with a named reason; none throws.
 */
let validate: Validate;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url), 'utf8');
const direct = (): Report => JSON.parse(fixture('direct.json')) as Report;
const english = translatorFromMessages(JSON.parse(readFileSync(new URL('../../_locales/en/messages.json', import.meta.url), 'utf8')) as MessagesFile);

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wnc-validator-'));
  const file = join(dir, 'validate.mjs');
  writeFileSync(file, reportValidatorCode());
  validate = (await import(pathToFileURL(file).href)).default as Validate;
});

/** Names every object answers to: a plain-object table look-up by them finds Object.prototype's members. */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

describe('1. phrase codes that are names of Object.prototype', () => {
  it.each(PROTOTYPE_NAMES)('%s as a code, a parameter name and a profile error code: shown as the raw code, never a crash', (name) => {
    const report = direct();
    // JSON.parse makes "__proto__" an own key, as a file would.
    const text = JSON.stringify({
      ...report,
      verdict: { ...report.verdict, summary: { code: name } },
      nat: { ...report.nat, reason: { code: 'nat_independent', params: { servers: { code: name, params: { [name]: 'x' } }, mapping: '1' } } },
      profile: { ...report.profile, errors: [{ path: 'rules[0]', code: name, message: 'm' }] },
    }).replace('"params":{"servers"', `"params":{"${name}":{"code":"${name}"},"servers"`);
    const result = readReport(text, validate);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(say(english, result.report.verdict.summary)).toBe(`[${name}]`);
    expect(say(english, result.report.nat.reason)).toContain(`[${name}]`);
    expect(profileErrorPhrase(result.report.profile.errors[0]!)).toBeNull();
    expect(readStoredReport(result.report)).not.toBeNull();
    expect(() => renderEverything(result.report)).not.toThrow();
  });

  it('a translator from a messages file gives the raw code for an inherited name', () => {
    for (const name of PROTOTYPE_NAMES) expect(english(name as never)).toBe(`[${name}]`);
    const nested: Phrase = { code: 'constructor' as never, params: { constructor: { code: 'toString' as never } } };
    expect(say(english, nested)).toBe('[constructor]');
  });
});

/** A phrase whose parameter holds a phrase, `levels` times: built without recursion, as JSON.parse would leave it. */
function nestedPhrase(levels: number): Phrase {
  const root: Phrase = { code: 'detail_with_note', params: {} };
  let node = root;
  for (let i = 0; i < levels; i++) {
    const child: Phrase = { code: 'detail_with_note', params: {} };
    node.params = { detail: child, note: 'n' };
    node = child;
  }
  return root;
}

describe('2. dates the schema accepts but Date cannot format', () => {
  it.each([
    ['month 13', '2026-13-01T10:00:00Z'],
    ['hour 25', '2026-11-29T25:00:00Z'],
    ['offset +99', '2026-11-29T10:00:00+99:00'],
    ['30 February (V8 rolls it over into March)', '2026-02-30T10:00:00Z'],
    ['24:00', '2026-11-29T24:00:00Z'],
    ['minute 60', '2026-11-29T10:60:00Z'],
  ])('%s: a file is refused naming /startedAt; a stored report is dropped with a note', (_name, startedAt) => {
    const report = { ...direct(), startedAt };
    expect(readReport(JSON.stringify(report), validate)).toEqual({ ok: false, key: 'report_file_bad_date', substitutions: ['/startedAt'] });
    expect(readStoredReport(report)).toBeNull();
    expect(readStorageValue('lastReport', report).problems).toEqual(['`lastReport` could not be read (/startedAt is not a date that exists); it is not shown']);
    const history = readStorageValue('reportHistory', [direct(), report]);
    expect(history.value).toHaveLength(1);
    expect(history.problems).toEqual([
      '1 of 2 entries of `reportHistory` could not be read and were left out',
      '`reportHistory[1]`: /startedAt is not a date that exists',
    ]);
  });

  it('real moments pass, with offsets, fractions and leap days', () => {
    for (const date of ['2026-11-29T23:43:56.208Z', '2028-02-29T00:00:00+14:00', '2026-12-31T23:59:59-12:00', '2026-06-30T12:00:00.5+05:30']) {
      expect(isFormattableDate(date)).toBe(true);
      expect(() => new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(date))).not.toThrow();
    }
    expect(isFormattableDate('2027-02-29T00:00:00Z')).toBe(false);
    expect(isFormattableDate(1_700_000_000_000)).toBe(false);
  });

  it('a fleet status with a date that does not exist drops the date, not the page', () => {
    const status = readSendStatus({
      queued: 1,
      sent: 0,
      dropped: 0,
      lastSentAt: '2026-13-01T00:00:00Z',
      nextAttemptAt: '2026-11-29T10:00:00Z',
      problems: [{ code: 'unreachable', at: '2026-11-29T25:00:00Z', count: 1 }],
    });
    expect(status).toMatchObject({ lastSentAt: null, nextAttemptAt: '2026-11-29T10:00:00Z', problems: [] });
  });
});

describe('3. nesting depth and sizes', () => {
  it('phrase parameters 50,000 deep: refused by name, with nothing overflowing the stack', () => {
    // Written as text, as a file holds it: V8's JSON.stringify itself recurses and overflows at this depth.
    const deep = '{"code":"detail_with_note","params":{"note":"n","detail":'.repeat(50_000) + '{"code":"summary_none"}' + '}}'.repeat(50_000);
    const text = JSON.stringify({ ...direct(), verdict: { ...direct().verdict, summary: 'DEEP' } }).replace('"summary":"DEEP"', `"summary":${deep}`);
    const result = readReport(text, validate);
    expect(result).toMatchObject({ ok: false, key: 'report_file_too_deep' });
    if (!result.ok) {
      expect(result.substitutions[0]).toMatch(/^\/verdict\/summary\/params\/detail\/params\/detail/);
      expect(result.substitutions[0]!.length).toBeLessThanOrEqual(121);
      expect(result.substitutions[1]).toBe(String(REPORT_VALUE_LIMITS.depth));
    }
    expect(readStoredReport(JSON.parse(text))).toBeNull();
    expect(readStorageValue('lastReport', JSON.parse(text)).problems[0]).toMatch(/nested more than 40 levels deep/);
  });

  it('a few levels of nested phrases are laid out', () => {
    const report = { ...direct(), verdict: { ...direct().verdict, summary: nestedPhrase(5) } };
    const result = readReport(JSON.stringify(report), validate);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(() => renderEverything(result.report)).not.toThrow();
  });

  it('texts, lists and files over the limits are refused, each naming where and the limit', () => {
    const long = { ...direct(), checks: direct().checks.map((c, i) => (i === 1 ? { ...c, evidence: 'x'.repeat(REPORT_VALUE_LIMITS.text + 1) } : c)) };
    expect(readReport(JSON.stringify(long), validate)).toEqual({
      ok: false,
      key: 'report_file_text_too_long',
      substitutions: ['/checks/1/evidence', String(REPORT_VALUE_LIMITS.text)],
    });
    const candidate = direct().candidates[0]!;
    const many = { ...direct(), candidates: Array.from({ length: REPORT_VALUE_LIMITS.items + 1 }, () => candidate) };
    expect(readReport(JSON.stringify(many), validate)).toEqual({
      ok: false,
      key: 'report_file_list_too_long',
      substitutions: ['/candidates', String(REPORT_VALUE_LIMITS.items)],
    });
    expect(readStoredReport(many)).toBeNull();
    const padded = JSON.stringify(direct()) + ' '.repeat(MAX_REPORT_FILE_CHARS);
    expect(readReport(padded, validate)).toMatchObject({
      ok: false,
      key: 'report_file_too_large',
      substitutions: [String(padded.length), String(MAX_REPORT_FILE_CHARS)],
    });
    const wide = Array.from({ length: 9_000 }, () => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(valueLimitProblem({ wide: Array.from({ length: 9 }, () => wide) })).toEqual({
      kind: 'too-many-values',
      path: '',
      limit: REPORT_VALUE_LIMITS.values,
    });
  });

  it('every stored fixture report is within the limits', () => {
    for (const name of ['direct.json', 'failed.json', 'relayed-tcp.json', 'lab-open.json', 'scenario-nothing.json']) {
      expect(reportLimitProblem(JSON.parse(fixture(name)))).toBeNull();
    }
  });
});

describe('5. the CSV rule set never carries a formula', () => {
  it.each([
    ['a rule id', "=cmd|' /C calc'!A0"],
    ['a rule id with a line break after the formula (papaparse’s own pattern let it through)', "=cmd|' /C calc'!A0\nx"],
    ['a purpose starting with +', '+1+cmd'],
    ['a service starting with -', '-2+3'],
    ['a destination starting with @', '@SUM(1+1)*cmd'],
    ['a tab', '\t=1'],
    ['a carriage return', '\r=1'],
    ['a full-width equals sign', '＝cmd'],
  ])('%s from an opened report file', (_name, evil) => {
    const report = JSON.parse(fixture('failed.json')) as Report;
    const line = report.firewallRules!.missing[0] ?? report.firewallRules!.alsoCheck[0]!;
    const hostile = { ...line, ruleIds: [evil], purposes: [evil], services: [evil], destination: evil, ports: evil, protocol: 'TCP' as const };
    const text = JSON.stringify({ ...report, firewallRules: { missing: [hostile], alsoCheck: [hostile] } });
    const opened = readReport(text, validate);
    expect(opened).toMatchObject({ ok: true });
    if (!opened.ok) return;
    const rows = Papa.parse<string[]>(ruleSetCsv(opened.report.firewallRules!).trim()).data.slice(1);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      for (const cell of row) expect(cell).not.toMatch(FORMULA_START);
      expect(row[10]).toBe(`'${evil}`);
    }
  });

  it('a stored report whose rule set lacks a list the CSV joins is not read', () => {
    const report = JSON.parse(fixture('failed.json')) as Report;
    const line = report.firewallRules!.missing[0] ?? report.firewallRules!.alsoCheck[0]!;
    const { services: _dropped, ...withoutServices } = line;
    expect(readStoredReport({ ...report, firewallRules: { missing: [withoutServices], alsoCheck: [] } })).toBeNull();
    expect(readStoredReport(report)).not.toBeNull();
  });
});
