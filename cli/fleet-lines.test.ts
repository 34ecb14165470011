import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otlpLogsRequest } from '../src/fleet/record';
import { fleetRow } from '../src/fleet/summary';
import type { Report } from '../src/report/types';
import { readJsonLines, readJsonLinesRange, type RangeResult } from './fleet-lines';

/**
 * The collected file cut into byte ranges (one per worker thread) must read
 * as the whole file does, and the fast Latin-1 read must give the rows a
 * UTF-8 parse gives: every cut point over a small file of records with
 * non-ASCII text, escapes, CRLF, blank and broken lines.
 */
const fixture = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../test/fixtures/reports/${name}.json`), 'utf8')) as Report;

function record(report: Report, id: string, site: string): string {
  return otlpLogsRequest({ ...report, id }, { site }, Date.parse(report.startedAt));
}

const direct = fixture('direct');
const failed = fixture('failed');
// A site the policy names in other scripts, as the extension sends it (JSON.stringify keeps them raw).
const nonAscii = {
  ...direct,
  environment: {
    ...direct.environment,
    policy: {
      ...direct.environment.policy,
      reportsSentTo: { endpoint: 'https://otel.example/v1/logs', site: 'École Saint-Étienne 😀', triggers: ['schedule' as const] },
    },
  },
};
const LINES = [
  record(direct, 'r-1', 'Ashgrove'),
  '',
  record(nonAscii, 'r-2', 'École Saint-Étienne 😀'),
  'not json at all',
  // A \u escape in the report (r-\u0033 is r-3): read the plain way.
  record(failed, 'r-3', 'Birchwood').replace('\\"r-3\\"', '\\"r-\\\\u0033\\"'),
  JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ eventName: 'wnc.report', body: { stringValue: '{"id":"r-4"}' } }] }] }] }),
  record(failed, 'r-5', 'Cedar'),
];
const TEXT = `${LINES.join('\n').replace('\nnot json', '\r\nnot json')}\n${record(direct, 'r-6', 'Dunmore')}`;

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wnc-fleet-lines-'));
  file = join(dir, 'collected.jsonl');
  await writeFile(file, TEXT);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The ranges' results as the whole file's: rows in order, skipped lines numbered across ranges. */
function joined(results: RangeResult[]) {
  let before = 0;
  const skipped: string[] = [];
  for (const r of results) {
    for (const s of r.skipped) skipped.push(`${before + s.line}: ${s.why}`);
    before += r.lines;
  }
  return { rows: results.flatMap((r) => r.rows), skipped, lines: before, jsonSeen: results.some((r) => r.jsonSeen) };
}

describe('readJsonLinesRange', () => {
  it('reads every record as a UTF-8 parse of each line does', async () => {
    expect(LINES[4]).toContain('\\u0033');
    const whole = await readJsonLinesRange(file, 0, Buffer.byteLength(TEXT));
    const expected = TEXT.split('\n')
      .map((line) => line.replace(/\r$/, ''))
      .flatMap((line) => {
        try {
          const value = JSON.parse(line) as { resourceLogs: { scopeLogs: { logRecords: { body: { stringValue: string } }[] }[] }[] };
          return [fleetRow(JSON.parse(value.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.body.stringValue))];
        } catch {
          return [];
        }
      })
      .filter((row) => !('skipped' in row));
    expect(whole.rows).toEqual(expected);
    expect(whole.rows.map((r) => r.id)).toEqual(['r-1', 'r-2', 'r-3', 'r-5', 'r-6']);
    expect(whole.rows.find((r) => r.id === 'r-2')?.site).toBe('École Saint-Étienne 😀');
    expect(whole.lines).toBe(8);
    expect(whole.skipped).toEqual([
      { line: 4, why: 'not JSON' },
      { line: 6, why: 'report r-4: no startedAt time' },
    ]);
  });

  it('reads the same, cut at any byte into two or three ranges', async () => {
    const size = Buffer.byteLength(TEXT);
    const whole = joined([await readJsonLinesRange(file, 0, size)]);
    const cuts: number[][] = [];
    for (let at = 0; at <= size; at += 211) cuts.push([at]);
    // Cuts at and beside every line boundary.
    let offset = 0;
    for (const line of TEXT.split('\n')) {
      offset += Buffer.byteLength(line) + 1;
      cuts.push([offset - 1], [offset], [offset + 1], [offset, offset + 1]);
    }
    for (const cut of cuts) {
      const bounds = [0, ...cut.filter((c) => c > 0 && c < size), size];
      const parts = await Promise.all(bounds.slice(0, -1).map((from, k) => readJsonLinesRange(file, from, bounds[k + 1]!)));
      expect(joined(parts), `cut at ${cut.join(', ')}`).toEqual(whole);
    }
    // Reads far smaller than a line: every line spans many of them, and a cut may fall in any.
    for (const chunkBytes of [7, 997]) {
      expect(joined([await readJsonLinesRange(file, 0, size, chunkBytes)]), `reads of ${chunkBytes} bytes`).toEqual(whole);
      for (const cut of cuts.filter((_, k) => k % 10 === 0)) {
        const bounds = [0, ...cut.filter((c) => c > 0 && c < size), size];
        const parts = await Promise.all(bounds.slice(0, -1).map((from, k) => readJsonLinesRange(file, from, bounds[k + 1]!, chunkBytes)));
        expect(joined(parts), `reads of ${chunkBytes} bytes, cut at ${cut.join(', ')}`).toEqual(whole);
      }
    }
  }, 60_000);
});

describe('readJsonLines', () => {
  it('reads the file on this thread, and says why, when its workers cannot run', async () => {
    const whole = await readJsonLinesRange(file, 0, Buffer.byteLength(TEXT));
    const why: string[] = [];
    // A script that does not exist: each worker fails to start.
    const workers = { script: new URL('file:///nonexistent/wnc-fleet.mjs'), count: 2, minBytes: 1 };
    expect(await readJsonLines(file, workers, (w) => why.push(w))).toEqual([whole]);
    expect(why).toHaveLength(1);
    expect(why[0]).toMatch(/nonexistent|Cannot find/);
  });
});
