/**
 * `npm run fleet -- <collected.jsonl | folder> [--since 7d] [--schedule 1h] [--html page.html] [--json]`,
 * and the same as one file from the release: `node wnc-fleet.mjs …`.
 * The district's view over the reports its collector received (OTLP/JSON
 * lines from the file exporter) or reports exported by hand: per site and per
 * device (worst first), devices not heard from, the rules missing most often
 * and the causes, records that look forged, and with --since the sites that
 * got worse (exit status 1, for cron). The logic is src/fleet/summary.ts; docs/fleet.md explains it.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { NO_DEVICE_ID, parseDuration, summarize, type FleetSummary, type Ranked } from '../src/fleet/summary';
import { InputError, readReports } from './fleet-input';
import { serveLineRange } from './fleet-lines';
import { fleetPage } from './fleet-page';
import { changeWords, routeWords, suspectWords } from './fleet-words';

export const FLEET_USAGE = `usage: npm run fleet -- <collected.jsonl | folder> [options]
       node wnc-fleet.mjs <collected.jsonl | folder> [options]     (from a release)

Reads OTLP/JSON lines written by an OpenTelemetry Collector's file exporter and
report JSON files exported from the extension (a folder may hold both).

  --since <7d | 24h | ISO time>  list the sites whose route got worse or whose missing
                                 rules grew since then, with the first report showing it;
                                 exit status 1 when there is one
  --schedule <1h | 30m | 1d>     how often devices report (the policy's runEveryMinutes;
                                 default 1d): a device silent for twice that is "not heard from"
  --html <file>                  also write the fleet page (one file, works offline)
  --json                         print the summary as JSON
  --now <ISO time>               the time to compare with (default: now)

Exit status: 0 fine, 1 a regression since --since, 64 bad input or usage.`;

class UsageError extends Error {}

interface Args {
  path: string;
  since: string | null;
  schedule: string;
  html: string | null;
  json: boolean;
  now: string | null;
}

export function parseFleetArgs(argv: string[]): Args {
  const args: Args = { path: '', since: null, schedule: '1d', html: null, json: false, now: null };
  let path: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--json') args.json = true;
    else if (arg === '--since') args.since = value();
    else if (arg === '--schedule') args.schedule = value();
    else if (arg === '--html') args.html = value();
    else if (arg === '--now') args.now = value();
    else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (path === null) path = arg;
    else throw new UsageError(`one input only (got ${path} and ${arg})`);
  }
  if (path === null) throw new UsageError('name the collected file or the folder of reports');
  return { ...args, path };
}

/** `--since`: a duration back from `now`, or a time. */
export function sinceTime(text: string, now: number): number {
  const duration = parseDuration(text);
  if (duration !== null) return now - duration;
  const at = Date.parse(text);
  if (Number.isNaN(at)) throw new UsageError(`--since ${text}: give a duration (7d, 24h, 90m) or a time such as 2026-11-24T14:00:00Z`);
  return at;
}

const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const list = (xs: string[]) => (xs.length === 0 ? '—' : xs.join(', '));

/** A plain-text table with a title; "(none)" when there are no rows. */
export function renderTable(title: string, rows: Record<string, string | number>[]): string {
  if (rows.length === 0) return `${title}\n  (none)\n`;
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [title, line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => String(r[c])))), ''].join('\n');
}

const rankedRows = (rows: Ranked[], what: string) =>
  rows.map((r) => ({ [what]: r.name, reports: r.reports, sites: r.sites.length, at_sites: r.sites.join(', ') }));

export function renderSummary(s: FleetSummary): string {
  const silent = s.devices.filter((d) => d.silent);
  const hours = (ms: number) => (ms % 86_400_000 === 0 ? `${ms / 86_400_000} d` : `${Math.round(ms / 60_000)} min`);
  const out = [
    `${s.reports} reports, ${s.sites.length} sites, ${s.devices.length} devices, as of ${utc(s.now)} UTC`,
    '',
    renderTable(
      'Sites (latest report; change against the latest report a week before)',
      s.sites.map((x) => ({
        site: x.site,
        devices: x.devices,
        reports: x.reports,
        last_utc: utc(x.lastReportAt),
        route: routeWords(x.latest),
        outcome: x.latest.tone,
        missing_rules: list(x.latest.missingRules),
        since_last_week: changeWords(x.change, x.addedRules, x.removedRules),
      })),
    ),
    renderTable(
      'Devices, worst first',
      s.devices.map((d) => ({
        site: d.site,
        device: d.label,
        reports: d.reports,
        last_utc: utc(d.latest.startedAt),
        heard: d.device === NO_DEVICE_ID ? 'n/a' : d.silent ? 'NOT HEARD FROM' : 'ok',
        route: routeWords(d.latest),
        outcome: d.latest.tone,
        missing_rules: list(d.latest.missingRules),
        causes: list(d.latest.causes),
        version: d.latest.extensionVersion,
      })),
    ),
    renderTable(
      `Not heard from within twice the schedule (${hours(s.scheduleMs)})`,
      silent.map((d) => ({ site: d.site, device: d.label, last_utc: utc(d.latest.startedAt) })),
    ),
    renderTable(
      `Records that look forged (since ${utc(s.windowStart)} UTC, or ever for bursts and versions): check them, they prove nothing alone`,
      s.suspects.map((x) => ({
        site: x.site,
        device: x.deviceLabel,
        first_utc: utc(x.firstAt),
        reports: x.reports,
        why: suspectWords(x),
        report_ids: x.reportIds.join(', '),
      })),
    ),
    renderTable('Missing rules across the district', rankedRows(s.missingRules, 'rule')),
    renderTable('Causes across the district', rankedRows(s.causes, 'cause')),
  ];
  if (s.since !== null) {
    out.push(
      renderTable(
        `Regressions since ${utc(s.since)} UTC`,
        s.regressions.map((r) => ({
          site: r.site,
          device: r.deviceLabel,
          first_seen_utc: utc(r.first.startedAt),
          report_id: r.first.id,
          route: r.routeWorse ? `${routeWords(r.before)} -> ${routeWords(r.first)}` : routeWords(r.first),
          new_missing_rules: list(r.addedRules),
        })),
      ),
    );
  }
  return out.join('\n');
}

async function main(): Promise<number> {
  try {
    const args = parseFleetArgs(process.argv.slice(2));
    const now = args.now === null ? Date.now() : Date.parse(args.now);
    if (Number.isNaN(now)) throw new UsageError(`--now ${args.now}: not a time`);
    const scheduleMs = parseDuration(args.schedule);
    if (scheduleMs === null) throw new UsageError(`--schedule ${args.schedule}: give a duration such as 1h, 30m or 1d`);
    const since = args.since === null ? null : sinceTime(args.since, now);
    // A large collected file is read on worker threads running this same file (cli/fleet-lines.ts);
    // WNC_FLEET_SPLIT_MIN_BYTES lowers "large" for the lab test that holds both ways equal.
    const minBytes = Number(process.env.WNC_FLEET_SPLIT_MIN_BYTES) || undefined;
    const lineWorkers = { script: new URL(import.meta.url), count: availableParallelism(), minBytes };
    const { rows, skipped, skippedCount } = await readReports(args.path, { lineWorkers });
    const summary = summarize(rows, { now, since, scheduleMs });
    if (skippedCount > 0) process.stderr.write(`fleet: ${skippedCount} documents left out:\n  ${skipped.join('\n  ')}\n`);
    const text = args.json ? `${JSON.stringify(summary, null, 2)}\n` : renderSummary(summary);
    // Flushed before process.exit: into a pipe, a large --json answer was cut off at 64 KB (measured).
    await new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
    if (args.html) {
      await writeFile(args.html, fleetPage(summary));
      process.stderr.write(`fleet: page written to ${args.html}\n`);
    }
    return summary.regressions.length > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) {
      process.stderr.write(err.message ? `fleet: ${err.message}\n\n${FLEET_USAGE}\n` : `${FLEET_USAGE}\n`);
      return 64;
    }
    process.stderr.write(`fleet: ${err instanceof Error ? err.message : String(err)}\n`);
    return 70;
  }
}

// Run as the command (dist-cli/wnc-fleet.mjs, the release's wnc-fleet.mjs), not when a test imports the module;
// in a worker thread it started, read the range asked for instead.
if (!serveLineRange() && process.argv[1] && /fleet\.(mjs|ts)$/.test(process.argv[1])) void main().then((code) => process.exit(code));
