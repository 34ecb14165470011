import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { median, ms, table } from './stats';

/**
 * `npm run bench`'s last table: each row of issue 26's table with its target
 * beside it, from what the bench files of this run wrote to test-results/
 * (a file left from an earlier run says so instead of a number). Wired as
 * the bench config's globalSetup, whose teardown runs after every file.
 */
const RESULTS = resolve(import.meta.dirname, '../test-results');

interface TimeToVerdict {
  rows: { network: string; verdict: number[] }[];
}

export default function setup(): () => void {
  const started = Date.now();
  /** This run's result file, or null. */
  const read = <T>(name: string): T | null => {
    const path = resolve(RESULTS, name);
    try {
      if (statSync(path).mtimeMs < started) return null;
      return JSON.parse(readFileSync(path, 'utf8')) as T;
    } catch {
      return null;
    }
  };
  return () => {
    const NONE = 'not measured in this run';
    const verdict = (network: string) => read<TimeToVerdict>('bench-time-to-verdict.json')?.rows.find((r) => r.network === network)?.verdict;
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const rows: string[][] = [];

    const popup = read<{ popup: { paint: number }[]; blank: { paint: number }[] }>('bench-popup.json');
    if (popup) {
      const paint = median(popup.popup.map((p) => p.paint));
      const ratio = paint / median(popup.blank.map((p) => p.paint));
      rows.push([
        'popup: navigation start → stored verdict painted',
        `${ms(paint)}, ${ratio.toFixed(2)}× a blank extension page`,
        '< 100 ms and ≤ 1.2× blank page',
        met(paint < 100 && ratio <= 1.2),
      ]);
    } else rows.push(['popup: navigation start → stored verdict painted', NONE, '< 100 ms and ≤ 1.2× blank page', '']);

    const blocked = verdict('UDP blocked');
    rows.push(
      blocked
        ? ['UDP blocked: time to verdict', ms(median(blocked)), '≤ 3.5 s', met(median(blocked) <= 3_500)]
        : ['UDP blocked: time to verdict', NONE, '≤ 3.5 s', ''],
    );
    const open = verdict('open (plain NAT)');
    rows.push(
      open
        ? ['open network: time to verdict, calls included', ms(median(open)), '≤ 900 ms', met(median(open) <= 900)]
        : ['open network: time to verdict, calls included', NONE, '≤ 900 ms', ''],
    );

    const fleet = read<{ rows: { json: number; sent: number }[]; perDeviceDay: { sent: number } }>('bench-fleet.json');
    if (fleet) {
      const sent = fleet.rows.map((r) => r.sent);
      rows.push([
        'OTLP request per report',
        `${Math.min(...sent)}–${Math.max(...sent)} bytes gzipped; ${(fleet.perDeviceDay.sent / 1024).toFixed(0)} KB per device per day (hourly)`,
        'gzipped, cost per device per day stated',
        met(fleet.rows.every((r) => r.sent < r.json)),
      ]);
    } else rows.push(['OTLP request per report', NONE, 'gzipped, cost per device per day stated', '']);

    const scale = read<{ records: number; ms: number }>('bench-fleet-scale.json');
    rows.push(
      scale
        ? [`npm run fleet over ${scale.records} records`, ms(scale.ms), '< 10 s', met(scale.ms < 10_000)]
        : ['npm run fleet over 100,000 records', NONE, '< 10 s', ''],
    );
    rows.push(['fresh-clone CI (.ci/run)', 'measured by .ci/run, not here', '≤ 12 min', '—']);

    console.log(`\nIssue 26, side by side (this run)\n\n${table(['measure', 'this run', 'target', ''], rows)}\n`);
  };
}
