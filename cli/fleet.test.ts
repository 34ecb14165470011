import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { otlpLogsRequest } from '../src/fleet/record';
import { summarize } from '../src/fleet/summary';
import type { Report } from '../src/report/types';
import { readReports } from './fleet-input';
import { renderSummary, sinceTime } from './fleet';
import { loadReportsSql, MISSING_RULES_SQL, ROUTE_BY_SITE_SQL } from './fleet-sql';

/**
 * `npm run fleet` over the two inputs a district has: the collector's
 * file-exporter lines and report files exported by hand. Captured lab reports
 * stand in for the schools; the expected tables come from those reports' own
 * fields, and from DuckDB running the SQL docs/fleet.md gives districts (a
 * second implementation: the command and the documented queries must agree).
 */
const fixture = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../test/fixtures/reports/${name}.json`), 'utf8')) as Report;

function atSite(report: Report, site: string, startedAt: string): Report {
  const policy = { ...report.environment.policy, reportsSentTo: { endpoint: 'https://otel.example/v1/logs', site, triggers: ['schedule' as const] } };
  return { ...report, id: `${site}-${startedAt}`, startedAt, environment: { ...report.environment, policy } };
}

const a1 = atSite(fixture('direct'), 'Ashgrove', '2026-11-24T09:00:00.000Z');
const a2 = atSite(fixture('relayed-tcp'), 'Ashgrove', '2026-11-24T15:00:00.000Z');
const b1 = atSite(fixture('relayed-udp-symmetric'), 'Birchwood', '2026-11-24T10:00:00.000Z');
const exported = { ...fixture('failed'), id: 'exported-1', startedAt: '2026-11-25T08:00:00.000Z' };
const NOW = Date.parse('2026-11-26T00:00:00Z');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wnc-fleet-'));
  // As the extension sends them: the record's wnc.site is the policy's site the report names (src/fleet/record.ts).
  const lines = [a1, a2, b1, a2].map((r) => otlpLogsRequest(r, { site: r.environment.policy.reportsSentTo?.site ?? null }, Date.parse(r.startedAt)));
  // a2 twice: a send cut off by a worker stop arrives again with the same uid.
  await writeFile(join(dir, 'collected.jsonl'), lines.join('\n') + '\n');
  await writeFile(join(dir, 'exported-1.json'), JSON.stringify(exported, null, 2));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function duckdb(files: string[], sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(loadReportsSql(files));
    return (await connection.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('npm run fleet', () => {
  it('gives each site its latest route, counting a report sent twice once', async () => {
    const { rows } = await readReports(join(dir, 'collected.jsonl'));
    const s = summarize(rows, { now: NOW, scheduleMs: 86_400_000 });
    expect(s.reports).toBe(3);
    const mine = s.sites.map((x) => ({ site: x.site, reports: x.reports, route: x.latest.route, missing_rules: x.latest.missingRules }));
    expect(mine).toEqual([
      { site: 'Ashgrove', reports: 2, route: a2.verdict.route, missing_rules: [...new Set(a2.missingRules.map((r) => r.ruleId))].sort() },
      { site: 'Birchwood', reports: 1, route: b1.verdict.route, missing_rules: [...new Set(b1.missingRules.map((r) => r.ruleId))].sort() },
    ]);
    const sql = await duckdb([join(dir, 'collected.jsonl')], ROUTE_BY_SITE_SQL);
    expect(sql.map((r) => ({ site: r.site, reports: Number(r.reports), route: r.route, missing_rules: [...new Set(r.missing_rules as string[])] }))).toEqual(
      mine,
    );
  });

  it('ranks missing rules as the documented SQL does, and reads a folder of both inputs', async () => {
    const { rows } = await readReports(dir);
    const s = summarize(rows, { now: NOW, scheduleMs: 86_400_000 });
    expect(s.sites.map((x) => x.site)).toEqual(['(no site)', 'Ashgrove', 'Birchwood']);
    const all = [a1, a2, b1, exported];
    const counts = new Map<string, number>();
    for (const r of all) for (const rule of new Set(r.missingRules.map((m) => m.ruleId))) counts.set(rule, (counts.get(rule) ?? 0) + 1);
    expect(Object.fromEntries(s.missingRules.map((r) => [r.name, r.reports]))).toEqual(Object.fromEntries(counts));
    // DuckDB counts a rule once per missingRules entry; the fixtures name each rule once per report.
    const sql = await duckdb([join(dir, 'collected.jsonl'), join(dir, 'exported-1.json')], MISSING_RULES_SQL);
    expect(Object.fromEntries(sql.map((r) => [r.rule, Number(r.reports)]))).toEqual(Object.fromEntries(counts));
    expect(renderSummary(s)).toMatch(/Missing rules across the district\n {2}rule +reports +sites +at_sites/);
  });

  it('calls the route lost at Ashgrove a regression since the morning, and nothing since the afternoon', async () => {
    const { rows } = await readReports(dir);
    const since = summarize(rows, { now: NOW, since: Date.parse('2026-11-24T12:00:00Z'), scheduleMs: 86_400_000 });
    expect(since.regressions.map((r) => [r.site, r.before.id, r.first.id, r.routeWorse])).toEqual([['Ashgrove', a1.id, a2.id, true]]);
    expect(renderSummary(since)).toContain(`Regressions since 2026-11-24 12:00 UTC`);
    expect(summarize(rows, { now: NOW, since: Date.parse('2026-11-24T16:00:00Z'), scheduleMs: 86_400_000 }).regressions).toEqual([]);
    expect(sinceTime('1d', NOW)).toBe(NOW - 86_400_000);
    expect(() => sinceTime('last week', NOW)).toThrow(/--since last week: give a duration/);
  });

  it('names an input that holds no report or cannot be read', async () => {
    await writeFile(join(dir, 'other.jsonl'), '{"resourceLogs":[]}\n');
    await expect(readReports(join(dir, 'other.jsonl'))).rejects.toThrow(/no reports found/);
    await writeFile(join(dir, 'broken.jsonl'), 'not json at all\n');
    await expect(readReports(join(dir, 'broken.jsonl'))).rejects.toThrow(/broken\.jsonl: not OTLP\/JSON lines or report JSON/);
    await expect(readReports(join(dir, 'missing.jsonl'))).rejects.toThrow(/no such file or folder/);
  });
});
