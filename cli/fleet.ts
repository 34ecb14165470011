/**
 * `npm run fleet -- <collected.jsonl | folder> [--since <time>] [--json]`:
 * the district's view over reports its collector received (OTLP/JSON lines
 * from the file exporter) or reports exported by hand into a folder, queried
 * with DuckDB: each site's route, the rules missing most often, and every
 * change of a site's route over time. docs/fleet.md has the same SQL.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadReportsSql, MISSING_RULES_SQL, ROUTE_BY_SITE_SQL, ROUTE_CHANGES_SQL } from './fleet-sql';

export const FLEET_USAGE = `usage: npm run fleet -- <collected.jsonl | folder of exported reports> [--since <ISO 8601 time>] [--json]

Reads OTLP/JSON lines written by an OpenTelemetry Collector's file exporter and
report JSON files exported from the extension (a folder may hold both), and
prints each site's route, the rules missing most often, and route changes
(those from --since on). --json prints the three tables as JSON.`;

export type Row = Record<string, string | number | boolean | null | string[]>;
export interface FleetSummary {
  reports: number;
  routeBySite: Row[];
  missingRules: Row[];
  routeChanges: Row[];
}

class UsageError extends Error {}

/** The .json/.jsonl files of `path` (a file, or a folder read one level deep). */
async function inputFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new UsageError(`${path}: no such file or folder`);
  if (info.isFile()) return [resolve(path)];
  const names = (await readdir(path)).filter((n) => /\.jsonl?$/i.test(n)).sort();
  if (names.length === 0) throw new UsageError(`${path}: the folder holds no .json or .jsonl file`);
  return names.map((n) => resolve(join(path, n)));
}

/** DuckDB values as JSON-friendly values (BIGINT counts become numbers: a district has fewer than 2^53 reports). */
function plain(rows: Record<string, unknown>[]): Row[] {
  return rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : Array.isArray(v) ? v.map(String) : (v as Row[string])])),
  );
}

/** Runs the queries of cli/fleet-sql.ts over the input. Throws a UsageError naming the input when it holds no report. */
export async function fleetSummary(path: string, since: string | null = null): Promise<FleetSummary> {
  const files = await inputFiles(path);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    try {
      await connection.run(loadReportsSql(files));
    } catch (err) {
      throw new UsageError(`${path}: not OTLP/JSON lines or report JSON (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    }
    const count = Number((await connection.runAndReadAll('SELECT count(*) AS n FROM reports')).getRowObjectsJS()[0]!.n);
    if (count === 0) throw new UsageError(`${path}: no reports found (expected records with eventName wnc.report, or report JSON files)`);
    const read = async (sql: string, values?: Record<string, string | null>) => plain((await connection.runAndReadAll(sql, values)).getRowObjectsJS());
    return {
      reports: count,
      routeBySite: await read(ROUTE_BY_SITE_SQL),
      missingRules: await read(MISSING_RULES_SQL),
      routeChanges: await read(ROUTE_CHANGES_SQL, { since }),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function cell(value: Row[string]): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join(', ');
  return String(value);
}

/** A plain-text table with a title; "(none)" when there are no rows. */
export function renderTable(title: string, rows: Row[]): string {
  if (rows.length === 0) return `${title}\n  (none)\n`;
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]!).length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [title, line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]!)))), ''].join('\n');
}

export function renderSummary(summary: FleetSummary, since: string | null): string {
  return [
    `${summary.reports} reports`,
    '',
    renderTable('Route by site (latest report)', summary.routeBySite),
    renderTable('Missing rules by frequency', summary.missingRules),
    renderTable(`Route changes over time${since ? ` since ${since}` : ''}`, summary.routeChanges),
  ].join('\n');
}

function parseArgs(argv: string[]): { path: string; since: string | null; json: boolean } {
  let path: string | null = null;
  let since: string | null = null;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--since') {
      since = argv[++i] ?? null;
      if (since === null || Number.isNaN(Date.parse(since))) throw new UsageError('--since needs a time such as 2026-11-24T14:00:00Z');
    } else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (path === null) path = arg;
    else throw new UsageError(`one input only (got ${path} and ${arg})`);
  }
  if (path === null) throw new UsageError('name the collected file or the folder of reports');
  return { path, since, json };
}

async function main(): Promise<number> {
  try {
    const args = parseArgs(process.argv.slice(2));
    const summary = await fleetSummary(args.path, args.since);
    const text = args.json ? `${JSON.stringify(summary, null, 2)}\n` : renderSummary(summary, args.since);
    // Flushed before process.exit: into a pipe, a large --json answer was cut off at 64 KB.
    await new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(err.message ? `fleet: ${err.message}\n\n${FLEET_USAGE}\n` : `${FLEET_USAGE}\n`);
      return 64;
    }
    process.stderr.write(`fleet: ${err instanceof Error ? err.message : String(err)}\n`);
    return 70;
  }
}

// Run as the command, not when a test imports the module.
if (process.argv[1] && /fleet\.(mjs|ts)$/.test(process.argv[1])) void main().then((code) => process.exit(code));
