import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otlpLogsRequest } from '../src/fleet/record';
import type { Report } from '../src/report/types';
import { fleetSummary, renderSummary } from './fleet';

/**
 * The DuckDB summary over the two inputs a district has: the collector's
 * file-exporter lines and report files exported by hand. Captured lab reports
 * stand in for the schools; the expected tables are computed here from those
 * reports' own fields.
 */
const fixture = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../test/fixtures/reports/${name}.json`), 'utf8')) as Report;

function atSite(report: Report, site: string, startedAt: string): Report {
  const policy = { ...report.environment.policy, reportsSentTo: { endpoint: 'https://otel.example/v1/logs', site, triggers: ['schedule'] } };
  return { ...report, id: `${site}-${startedAt}`, startedAt, environment: { ...report.environment, policy } };
}

const a1 = atSite(fixture('direct'), 'Ashgrove', '2026-11-24T09:00:00.000Z');
const a2 = atSite(fixture('relayed-tcp'), 'Ashgrove', '2026-11-24T15:00:00.000Z');
const b1 = atSite(fixture('relayed-udp-symmetric'), 'Birchwood', '2026-11-24T10:00:00.000Z');
const exported = { ...fixture('failed'), id: 'exported-1', startedAt: '2026-11-25T08:00:00.000Z' };

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

describe('npm run fleet', () => {
  it('gives each site its latest route, counting a report sent twice once', async () => {
    const summary = await fleetSummary(join(dir, 'collected.jsonl'));
    expect(summary.reports).toBe(3);
    expect(summary.routeBySite.map(({ site, reports, route, missing_rules }) => ({ site, reports, route, missing_rules }))).toEqual([
      { site: 'Ashgrove', reports: 2, route: a2.verdict.route, missing_rules: a2.missingRules.map((r) => r.ruleId).sort() },
      { site: 'Birchwood', reports: 1, route: b1.verdict.route, missing_rules: b1.missingRules.map((r) => r.ruleId).sort() },
    ]);
  });

  it('ranks missing rules by how many reports miss them, and lists route changes', async () => {
    const summary = await fleetSummary(dir);
    const all = [a1, a2, b1, exported];
    const counts = new Map<string, number>();
    for (const r of all) for (const rule of new Set(r.missingRules.map((m) => m.ruleId))) counts.set(rule, (counts.get(rule) ?? 0) + 1);
    const top = Math.max(...counts.values());
    expect(summary.missingRules[0]).toMatchObject({ reports: top });
    expect(Object.fromEntries(summary.missingRules.map((r) => [r.rule, r.reports]))).toEqual(Object.fromEntries(counts));
    expect(summary.routeBySite.map((r) => r.site)).toEqual(['(no site)', 'Ashgrove', 'Birchwood']);
    expect(a1.verdict.route).not.toBe(a2.verdict.route);
    expect(summary.routeChanges.map(({ site, from_route, to_route }) => ({ site, from_route, to_route }))).toEqual([
      { site: 'Ashgrove', from_route: a1.verdict.route, to_route: a2.verdict.route },
    ]);
    const since = await fleetSummary(dir, '2026-11-24T16:00:00Z');
    expect(since.routeChanges).toEqual([]);
    expect(renderSummary(summary, null)).toMatch(/Missing rules by frequency\n {2}rule +reports +sites/);
  });

  it('names an input that holds no report or cannot be read', async () => {
    await writeFile(join(dir, 'other.jsonl'), '{"resourceLogs":[]}\n');
    await expect(fleetSummary(join(dir, 'other.jsonl'))).rejects.toThrow(/no reports found/);
    await writeFile(join(dir, 'broken.jsonl'), 'not json at all\n');
    await expect(fleetSummary(join(dir, 'broken.jsonl'))).rejects.toThrow(/broken\.jsonl: not OTLP\/JSON lines or report JSON/);
    await expect(fleetSummary(join(dir, 'missing.jsonl'))).rejects.toThrow(/no such file or folder/);
  });
});
