import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportValidatorCode } from '../../build/report-validator';
import { readReport, type Validate } from '../../popup/report/open-report';
import { REPORT_SCHEMA } from '../../src/report/types';

/**
 * The printable page's "open a report file": the validator the build
 * generates from docs/report.schema.json, run here as the page runs it.
 */
let validate: Validate;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url), 'utf8');

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wnc-validator-'));
  const file = join(dir, 'validate.mjs');
  writeFileSync(file, reportValidatorCode());
  validate = (await import(pathToFileURL(file).href)).default as Validate;
});

describe('readReport', () => {
  it.each(['direct.json', 'failed.json', 'relayed-tcp.json', 'lab-open.json'])('opens the stored report %s', (name) => {
    const result = readReport(fixture(name), validate);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.report).toEqual(JSON.parse(fixture(name)));
  });

  it('says a file that is not JSON is not JSON', () => {
    expect(readReport('%PDF-1.7', validate)).toMatchObject({ ok: false, key: 'report_file_not_json' });
    // Where the mistake is, not the text around it (V8's message quotes that).
    expect(readReport('{"credential": hunter2-secret}', validate)).toEqual({
      ok: false,
      key: 'report_file_not_json',
      substitutions: ['line 1, column 16: an unexpected character'],
    });
  });

  it('says JSON that is not a report is not a report', () => {
    expect(readReport('{"id": "lab", "rules": []}', validate)).toEqual({ ok: false, key: 'report_file_not_report', substitutions: [] });
    expect(readReport('[1, 2]', validate)).toMatchObject({ key: 'report_file_not_report' });
    expect(readReport('null', validate)).toMatchObject({ key: 'report_file_not_report' });
  });

  it('says a report from a newer schema needs a newer extension', () => {
    const next = `webrtc-network-check/report@${Number(REPORT_SCHEMA.split('@')[1]) + 1}`;
    const newer = { ...JSON.parse(fixture('direct.json')), schema: next, somethingNew: true };
    expect(readReport(JSON.stringify(newer), validate)).toEqual({ ok: false, key: 'report_file_newer', substitutions: [next, REPORT_SCHEMA] });
  });

  it('says a report from an older schema (English sentences, report@2) cannot be shown, and why', () => {
    const older = { ...JSON.parse(fixture('direct.json')), schema: 'webrtc-network-check/report@2' };
    expect(readReport(JSON.stringify(older), validate)).toEqual({
      ok: false,
      key: 'report_file_older',
      substitutions: ['webrtc-network-check/report@2', REPORT_SCHEMA],
    });
  });

  it('names what is wrong in a damaged report', () => {
    const damaged = JSON.parse(fixture('direct.json'));
    delete damaged.verdict;
    damaged.checks[0].status = 'maybe';
    const result = readReport(JSON.stringify(damaged), validate);
    expect(result).toMatchObject({ ok: false, key: 'report_file_invalid' });
    if (!result.ok) {
      expect(result.substitutions[0]).toContain("must have required property 'verdict'");
      expect(result.substitutions[0]).toContain('/checks/0/status');
    }
  });
});
