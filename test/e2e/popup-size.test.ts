import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/extension';
import { gzipTotal, pageScripts } from '../support/page-size';

/**
 * What a teacher waits for is the first paint of the stored verdict: the
 * scripts the popup loads before it (its static imports; everything below the
 * headline is a chunk loaded right after, issue 26). That part has the tight
 * budget. The whole popup, every chunk counted, has a looser one: it grew past
 * the old 25 KB with the one-API module, the progress-port state machine and
 * the shared profile fields of issue 25 and the cause sections of issue 24
 * (measured: 26.8 KB), none of which the first paint loads; then issue 28's
 * status model (the headline now names the cause and the person, measured
 * +1.2 KB, in the first paint: 11.7 KB of 12), the "open a report file" entry
 * and the vendor options as radio buttons (measured: 28.05 KB in all).
 *
 * Since the popup paints its copy of itself (src/contract/popup-copy.ts), most
 * openings paint from its classic script alone, before any module loads; the
 * first opening after a new report still paints from storage, and waits for
 * that script too (0.8 KiB: 12,924 bytes measured, under 13 KiB). The copy's
 * script and its writer add 1.4 KiB to the whole popup (30,189 bytes
 * measured, under 30 KiB = 30,720).
 */
const COPY_PAINT_BUDGET_GZIP = 2 * 1024;
const FIRST_PAINT_BUDGET_GZIP = 13 * 1024;
const POPUP_BUDGET_GZIP = 30 * 1024;

describe('popup bundle', () => {
  it('paints its copy of itself from less than 2 KB of gzipped JavaScript, its one classic script', () => {
    if (!existsSync(`${DIST}/manifest.json`)) throw new Error('dist/ is missing: run `npm run build` first');
    const html = readFileSync(`${DIST}/popup/index.html`, 'utf8');
    const classic = [...html.matchAll(/<script src="\/?([^"]+\.js)"><\/script>/g)].map((m) => m[1]!);
    expect(classic).toEqual(['popup-copy.js']);
    // Nothing else runs before it: the build holds the module script and its preloads back (build/popup-modules-after-copy.ts).
    expect(html).not.toMatch(/type="module"|rel="modulepreload"/);
    const total = gzipTotal(new Map(classic.map((file) => [file, { gzip: gzipSync(readFileSync(`${DIST}/${file}`)).length }])));
    console.log(`popup copy paint JS: ${total} bytes gzipped`);
    expect(total).toBeLessThan(COPY_PAINT_BUDGET_GZIP);
  });

  it('paints the stored verdict from less than 13 KB of gzipped JavaScript', () => {
    if (!existsSync(`${DIST}/manifest.json`)) throw new Error('dist/ is missing: run `npm run build` first');
    const files = pageScripts(DIST, 'popup/index.html', { dynamic: false });
    const total = gzipTotal(files);
    console.log(`popup first paint JS: ${files.size} files, ${total} bytes gzipped`, Object.fromEntries(files));
    expect(files.size).toBeGreaterThanOrEqual(2);
    expect(total).toBeLessThan(FIRST_PAINT_BUDGET_GZIP);
  });

  it('loads less than 30 KB of gzipped JavaScript, every chunk counted', () => {
    const files = pageScripts(DIST, 'popup/index.html');
    // Preact, the page itself and the part below the headline at least.
    expect(files.size).toBeGreaterThanOrEqual(3);
    const total = gzipTotal(files);
    console.log(`popup JS: ${files.size} files, ${total} bytes gzipped`);
    expect(total).toBeLessThan(POPUP_BUDGET_GZIP);
  });
});
