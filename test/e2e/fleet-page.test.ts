import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otlpLogsRequest } from '../../src/fleet/record';
import type { Report } from '../../src/report/types';
import { axeViolations } from '../support/ui-checks';

/**
 * The fleet page as an admin opens it: the single-file tool from the build
 * (dist-cli/wnc-fleet.mjs, what the release ships), copied alone into an
 * empty folder and run there with plain Node, over a collector file of two
 * schools, then the page it wrote opened in Chromium from disk with no
 * network. Ground truth from construction: the reports are captured lab
 * reports placed at sites, devices and times chosen here (Ashgrove's
 * classroom device loses UDP two days ago; Birchwood's library device stops
 * reporting), so the regression, the silent device and the routes are known
 * before the tool runs.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const TOOL = join(ROOT, 'dist-cli/wnc-fleet.mjs');
const SHOTS = join(ROOT, 'test-results/screenshots');
const NOW = '2026-12-01T12:00:00Z';
const DAY = 86_400_000;
const fixture = (name: string) => JSON.parse(readFileSync(join(ROOT, `test/fixtures/reports/${name}.json`), 'utf8')) as Report;

function placed(name: string, site: string, device: string, daysBeforeNow: number, n: number): Report {
  const report = fixture(name);
  const startedAt = new Date(Date.parse(NOW) - daysBeforeNow * DAY).toISOString();
  const policy = { ...report.environment.policy, reportsSentTo: { endpoint: 'https://otel.example/v1/logs', site, triggers: ['schedule' as const] } };
  const facts = { directoryDeviceId: `${device}-id`, hostname: device };
  return { ...report, id: `${device}-${n}`, startedAt, environment: { ...report.environment, policy, device: { available: true, reason: null, facts } } };
}

const reports = [
  ...[13, 10, 8, 6, 4].map((d, i) => placed('direct', 'Ashgrove Primary', 'ash-classroom-1', d, i)),
  ...[1.9, 1, 0.2].map((d, i) => placed('relayed-tcp', 'Ashgrove Primary', 'ash-classroom-1', d, 10 + i)),
  ...[12, 7, 1, 0.1].map((d, i) => placed('direct', 'Ashgrove Primary', 'ash-office', d, i)),
  ...[13, 9, 5, 0.5].map((d, i) => placed('relayed-udp-symmetric', 'Birchwood High', 'birch-lab-2', d, i)),
  ...[12, 8, 5].map((d, i) => placed('relayed-udp-symmetric', 'Birchwood High', 'birch-library', d, i)),
  // Seven records from one device within 7 minutes: what a token copied from chrome://policy and a loop make.
  ...[0, 1, 2, 3, 4, 5, 6].map((m) => placed('direct', 'Birchwood High', 'birch-forged', 0.3 - m / 1440, m)),
];

let work: string;
let browser: Browser;
let run: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  if (!existsSync(TOOL)) throw new Error('dist-cli/wnc-fleet.mjs is missing: run `npm run build` first');
  work = await mkdtemp(join(tmpdir(), 'wnc-fleet-page-'));
  // Only the tool and the data: no node_modules, no source next to it.
  await writeFile(join(work, 'wnc-fleet.mjs'), readFileSync(TOOL));
  await writeFile(join(work, 'collected.jsonl'), reports.map((r) => otlpLogsRequest(r, { site: null }, Date.parse(r.startedAt))).join('\n') + '\n');
  run = await new Promise((done) =>
    execFile(
      process.execPath,
      ['wnc-fleet.mjs', 'collected.jsonl', '--since', '7d', '--schedule', '1d', '--now', NOW, '--html', 'fleet.html'],
      { cwd: work },
      (err, stdout, stderr) => done({ code: err ? Number((err as { code?: number }).code) : 0, stdout, stderr }),
    ),
  );
  await mkdir(SHOTS, { recursive: true });
  browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the fleet tool from the release, and its page', () => {
  it('runs alone, flags Ashgrove’s lost UDP with its first report, and exits 1 for cron', () => {
    expect(run.stderr).toContain('page written to fleet.html');
    expect(run.code).toBe(1);
    const regressions = run.stdout.split('Regressions since')[1]!;
    expect(regressions).toMatch(/Ashgrove Primary +ash-classroom-1 +2026-11-29 14:24 +ash-classroom-1-10 +hole-punching -> relay-tcp/);
    expect(regressions).not.toContain('Birchwood');
    expect(run.stdout.split('Not heard from')[1]).toMatch(/Birchwood High +birch-library/);
  });

  it('draws a time line per site and states every finding in words, readable in greyscale', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    // Offline: any request leaving file:// would fail the page.
    await page.setRequestInterception(true);
    const outside: string[] = [];
    page.on('request', (r) => (r.url().startsWith('file:') ? r.continue() : (outside.push(r.url()), r.abort())));
    await page.goto(`file://${join(work, 'fleet.html')}`);
    await page.waitForFunction(() => document.documentElement.dataset.charts === '2', { timeout: 10_000 });
    expect(outside).toEqual([]);
    expect(await page.$$eval('.timeline canvas', (c) => c.length)).toBe(2);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toMatch(/1 got worse since/);
    expect(text).toMatch(/▲ Ashgrove Primary\s+ash-classroom-1/);
    expect(text).toMatch(/✕ NOT HEARD FROM/);
    // The office device still punches holes; the site is what its classroom lives: relay over TCP, worse than last week.
    const ashgrove = await page.$eval('#sites tbody tr', (tr) => (tr as HTMLElement).innerText);
    expect(ashgrove).toMatch(/^Ashgrove Primary\s+relay-tcp\s+limited\s+.*▲ worse/s);
    // The worst device first: the one that lost UDP (relay over TCP) before the ones on hole punching or relay UDP.
    const firstDevice = await page.$eval('#devices tbody tr td', (td) => td.textContent);
    expect(firstDevice).toBe('ash-classroom-1');
    // Issue 28: the burst is flagged, in words and a symbol, in a table axe checks with the rest.
    expect(await page.$eval('#suspects', (el) => (el as HTMLElement).innerText)).toMatch(
      /⚑ 1 sign of forged records[\s\S]*Birchwood High\s+⚑ birch-forged[\s\S]*7 reports within 60 min/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'fleet-page.png'), fullPage: true });
    await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
    await page.screenshot({ path: join(SHOTS, 'fleet-page-greyscale.png'), fullPage: true });
  });
});
