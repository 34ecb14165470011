import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { it } from 'vitest';
import { extensionWithHostAccess, launchWithExtension } from '../test/support/extension';

it('diag', async () => {
  const copy = await extensionWithHostAccess([]);
  await writeFile(
    join(copy.dir, 'blank.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>b</title><script type="module" src="/blank.js"></script></head><body></body></html>',
  );
  await writeFile(
    join(copy.dir, 'blank.js'),
    'document.body.dataset.scriptStartMs=String(performance.now());requestAnimationFrame(()=>{document.body.dataset.firstReportMs=String(performance.now())});',
  );
  const ext = await launchWithExtension({ extensionDir: copy.dir });
  const report = JSON.parse(readFileSync('test/fixtures/reports/direct.json', 'utf8'));
  const sp = await ext.openPage('blank.html');
  await sp.evaluate((r) => chrome.storage.local.set({ lastReport: r }), report);
  await sp.close();
  for (let i = 0; i < 8; i++)
    for (const path of ['blank.html', 'popup/index.html']) {
      const page = await ext.openPage(path);
      await page.waitForFunction(() => document.body?.dataset.firstReportMs !== undefined);
      await new Promise((r) => setTimeout(r, 100));
      const t = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const d = Object.fromEntries(
          Object.entries({ ...document.documentElement.dataset, ...document.body.dataset }).map(([k, v]) => [k, Math.round(Number(v))]),
        );
        return {
          ...d,
          respEnd: Math.round(n.responseEnd),
          domInteractive: Math.round(n.domInteractive),
          dcl: Math.round(n.domContentLoadedEventEnd),
          res: performance.getEntriesByType('resource').length,
        };
      });
      console.log(path, JSON.stringify(t));
      await page.close();
    }
  await ext.close();
  await copy.remove();
});
