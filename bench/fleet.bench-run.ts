import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { it } from 'vitest';
import { otlpLogsRequest } from '../src/fleet/record';
import { redactIps } from '../src/report/redact-ips';
import type { Report } from '../src/report/types';
import { DIST } from '../test/support/extension';
import { gzipTotal, pageScripts, workerScripts } from '../test/support/page-size';
import { gzip } from '../background/fleet/gzip';
import { table } from './stats';

/**
 * Issues 19 and 26: the bytes each report costs on the wire to the collector
 * (one OTLP/HTTP JSON request per report, IP addresses redacted, gzipped by
 * the extension's own code, background/fleet/gzip.ts), for the captured lab
 * reports; what one device sends a day on the hourly schedule
 * (`runEveryMinutes: 60`, docs/admin.md); and the JavaScript the service
 * worker loads (the sending code lives there only) beside the popup's.
 */
const REPORTS = ['direct', 'relayed-tcp', 'relayed-udp-symmetric', 'failed'];
const RUNS_PER_DAY = 24;
/** The figure for one report's request before gzip (34–44 KB), and its target: gzipped. */
export const OTLP_TARGET = 'gzipped (Content-Encoding: gzip)';

it('bytes per report sent, and bundle sizes', async () => {
  const rows = await Promise.all(
    REPORTS.map(async (name) => {
      const report = JSON.parse(readFileSync(resolve(import.meta.dirname, `../test/fixtures/reports/${name}.json`), 'utf8')) as Report;
      const body = otlpLogsRequest(redactIps(report), { site: 'Ashgrove Primary' }, Date.now());
      return { name, report: Buffer.byteLength(JSON.stringify(report)), json: Buffer.byteLength(body), sent: (await gzip(body)).size };
    }),
  );
  const mean = (key: 'json' | 'sent') => rows.reduce((sum, r) => sum + r[key], 0) / rows.length;
  const perDay = (key: 'json' | 'sent') => Math.round(mean(key) * RUNS_PER_DAY);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const worker = workerScripts(DIST);
  const popup = pageScripts(DIST, 'popup/index.html');
  const popupFirstPaint = pageScripts(DIST, 'popup/index.html', { dynamic: false });
  const output = [
    table(
      ['captured report', 'report JSON', 'OTLP/JSON request', 'sent (gzipped)', 'target'],
      rows.map((r) => [r.name, `${r.report} bytes`, `${r.json} bytes`, `${r.sent} bytes`, OTLP_TARGET]),
    ),
    '',
    table(
      [
        'one device, hourly schedule (24 reports a day), request bodies',
        'sent (gzipped)',
        'uncompressed, as before',
        'a month for 1,000 devices (30 days, gzipped)',
      ],
      [
        [
          `mean of the ${rows.length} captured reports`,
          `${kb(perDay('sent'))} a day`,
          `${kb(perDay('json'))} a day`,
          `${((perDay('sent') * 30 * 1000) / 1024 ** 3).toFixed(2)} GB`,
        ],
      ],
    ),
    "Bodies only: each POST adds its HTTP headers (the bearer token, ~0.3 KB) and TLS framing; a CORS preflight is cached for the collector's max_age (7200 s in docs/fleet.md).",
    '',
    table(
      ['JavaScript, gzipped', 'bytes'],
      [
        [`service worker, all of it (${worker.size} files)`, `${gzipTotal(worker)}`],
        [`popup, all of it (${popup.size} files)`, `${gzipTotal(popup)}`],
        [`popup before first paint (${popupFirstPaint.size} files)`, `${gzipTotal(popupFirstPaint)}`],
      ],
    ),
  ].join('\n');
  console.log(`\n${output}\n`);
  await mkdir('test-results', { recursive: true });
  await writeFile(
    'test-results/bench-fleet.json',
    JSON.stringify({ rows, perDeviceDay: { sent: perDay('sent'), json: perDay('json') }, workerGzip: gzipTotal(worker), popupGzip: gzipTotal(popup) }, null, 2),
  );
});
