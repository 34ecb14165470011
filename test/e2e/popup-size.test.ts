import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/extension';
import { gzipTotal, pageScripts } from '../support/page-size';

/** The budget for the popup's JavaScript: a byte count, deterministic for a given build. */
const POPUP_BUDGET_GZIP = 25 * 1024;

describe('popup bundle', () => {
  it('loads less than 25 KB of gzipped JavaScript, every chunk counted', () => {
    if (!existsSync(`${DIST}/manifest.json`)) throw new Error('dist/ is missing: run `npm run build` first');
    const files = pageScripts(DIST, 'popup/index.html');
    // Preact, the polyfill and the page itself at least.
    expect(files.size).toBeGreaterThanOrEqual(3);
    const total = gzipTotal(files);
    console.log(`popup JS: ${files.size} files, ${total} bytes gzipped`, Object.fromEntries(files));
    expect(total).toBeLessThan(POPUP_BUDGET_GZIP);
  });
});
