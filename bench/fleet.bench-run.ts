import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { it } from 'vitest';
import { otlpLogsRequest } from '../src/fleet/record';
import { redactIps } from '../src/report/redact-ips';
import type { Report } from '../src/report/types';
import { DIST } from '../test/support/extension';
import { gzipTotal, pageScripts, workerScripts } from '../test/support/page-size';
import { table } from './stats';

/**
 * Issue 19: the bytes each report costs on the wire to the collector (one
 * OTLP/HTTP JSON request per report, as sent: IP addresses redacted), for
 * the captured lab reports, and the JavaScript the service worker loads (the
 * sending code lives there only) beside the popup's.
 */
const REPORTS = ['direct', 'relayed-tcp', 'relayed-udp-symmetric', 'failed'];

it('bytes per report sent, and bundle sizes', async () => {
  const rows = REPORTS.map((name) => {
    const report = JSON.parse(readFileSync(resolve(import.meta.dirname, `../test/fixtures/reports/${name}.json`), 'utf8')) as Report;
    const body = otlpLogsRequest(redactIps(report), { site: 'Ashgrove Primary' }, Date.now());
    const bytes = Buffer.byteLength(body);
    return { name, report: Buffer.byteLength(JSON.stringify(report)), bytes, gzip: gzipSync(body).length };
  });
  const worker = workerScripts(DIST);
  const popup = pageScripts(DIST, 'popup/index.html');
  const popupFirstPaint = pageScripts(DIST, 'popup/index.html', { dynamic: false });
  const output = [
    table(
      ['captured report', 'report JSON', 'OTLP request sent (bytes)', 'if gzipped'],
      rows.map((r) => [r.name, `${r.report} bytes`, `${r.bytes} bytes`, `${r.gzip} bytes`]),
    ),
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
  await writeFile('test-results/bench-fleet.json', JSON.stringify({ rows, workerGzip: gzipTotal(worker), popupGzip: gzipTotal(popup) }, null, 2));
});
