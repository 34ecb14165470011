import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORAGE_KEYS } from '../../src/contract/storage-keys';

/**
 * public/popup-read-stored.js is plain JavaScript copied as is (a classic
 * script, so the popup starts its storage read during the parse): it cannot
 * import STORAGE_KEYS, so it names the key as a literal. Held to it here.
 */
describe('the popup classic script that starts the stored-report read', () => {
  const root = resolve(import.meta.dirname, '../..');
  const script = readFileSync(resolve(root, 'public/popup-read-stored.js'), 'utf8');

  it('reads the key the service worker writes the last report under', () => {
    const keys = [...script.matchAll(/storage\.local\.get\('([^']+)'\)/g)].map((m) => m[1]);
    expect(keys).toEqual([STORAGE_KEYS.lastReport]);
    expect(script).toContain(`stored.${STORAGE_KEYS.lastReport}`);
  });

  it('is loaded by the popup page before its module script', () => {
    const html = readFileSync(resolve(root, 'popup/index.html'), 'utf8');
    const classic = html.indexOf('<script src="/popup-read-stored.js"></script>');
    expect(classic).toBeGreaterThan(0);
    expect(classic).toBeLessThan(html.indexOf('type="module"'));
  });
});
