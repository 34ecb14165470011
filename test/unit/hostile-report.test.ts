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
import { renderEverything } from '../support/render-all';

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
