import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, it } from 'vitest';
import { DIST } from '../test/support/extension';
import { gzipTotal, pageScripts } from '../test/support/page-size';
import { startLabBrowser, type LabBrowser } from '../test/support/lab-browser';
import { schoolProfile } from '../test/e2e/school-profile';
import { median, ms, table } from './stats';

/**
 * The popup's first paint of the stored verdict (navigation start to the
 * render that shows the stored report, `document.body.dataset.firstReportMs`
 * set by popup/main.tsx) and the JavaScript it loads, gzipped.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET_MS = 100;
const BUDGET_GZIP = 25 * 1024;

let labBrowser: LabBrowser;

beforeAll(async () => {
  labBrowser = await startLabBrowser();
  await labBrowser.run(schoolProfile(), 3_000); // a stored report to paint
});

afterAll(async () => {
  await labBrowser?.stop();
});

it('popup first paint and size', async () => {
  const paints: number[] = [];
  const scriptStarts: number[] = [];
  const reportsRead: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const page = await labBrowser.ext.openPage('popup/index.html');
    await page.waitForFunction(() => document.body.dataset.firstReportMs !== undefined);
    const timing = await page.evaluate(() => ({
      paint: Number(document.body.dataset.firstReportMs),
      script: Number(document.body.dataset.scriptStartMs),
      read: Number(document.body.dataset.storedReportMs),
    }));
    await page.close();
    if (i === 0) continue; // the first open also compiles the scripts
    paints.push(timing.paint);
    scriptStarts.push(timing.script);
    reportsRead.push(timing.read);
  }
  const scripts = pageScripts(DIST, 'popup/index.html');
  const gzip = gzipTotal(scripts);
  const firstPaintScripts = pageScripts(DIST, 'popup/index.html', { dynamic: false });
  const output = table(
    ['measure', `median of ${RUNS}`, 'target'],
    [
      ['popup: navigation start → stored verdict painted', ms(median(paints)), `< ${BUDGET_MS} ms`],
      ['popup: navigation start → its script starts', ms(median(scriptStarts)), '—'],
      ['popup: navigation start → stored report read', ms(median(reportsRead)), '—'],
      [`popup JS, all of it (${scripts.size} files), gzipped`, `${gzip} bytes`, `< ${BUDGET_GZIP} bytes`],
      [`popup JS before first paint (${firstPaintScripts.size} files), gzipped`, `${gzipTotal(firstPaintScripts)} bytes`, '—'],
    ],
  );
  console.log(`\nPopup\n\n${output}\n`);
  await mkdir('test-results', { recursive: true });
  await writeFile('test-results/bench-popup.json', JSON.stringify({ runs: RUNS, paints, scriptStarts, gzip, files: Object.fromEntries(scripts) }, null, 2));
});
