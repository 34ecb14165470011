import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POPUP_COPY_KEY } from '../../src/contract/popup-copy';
import { MESSAGES_LANG_PROPERTY } from '../../popup/shared/popup-copy';
import { HELD_MODULE_TYPE, HELD_PRELOAD_REL, holdPopupModules } from '../../build/popup-modules-after-copy';

/**
 * public/popup-copy.js is plain JavaScript copied as is (a classic script,
 * so it paints the popup's copy of itself during the parse): it cannot import
 * the names it shares with the popup's modules and the build, so it spells
 * them as literals. Held to them here. What it does is tested in the browser
 * (test/e2e/popup.test.ts, "paints its copy of itself").
 */
describe('the popup classic script that paints its copy', () => {
  const root = resolve(import.meta.dirname, '../..');
  const script = readFileSync(resolve(root, 'public/popup-copy.js'), 'utf8');

  it('reads the key the popup writes its copy under', () => {
    expect([...script.matchAll(/localStorage\.getItem\('([^']+)'\)/g)].map((m) => m[1])).toEqual([POPUP_COPY_KEY]);
  });

  it('reads the language from the property popup.css puts the message in', () => {
    expect([...script.matchAll(/getPropertyValue\('([^']+)'\)/g)].map((m) => m[1])).toEqual([MESSAGES_LANG_PROPERTY]);
    const css = readFileSync(resolve(root, 'popup/popup.css'), 'utf8');
    expect(css).toContain(`${MESSAGES_LANG_PROPERTY}: '__MSG_popup_html_lang__';`);
  });

  it('lets go the module script and preloads the build held back', () => {
    expect(script).toContain(`script[type="${HELD_MODULE_TYPE}"]`);
    expect(script).toContain(`link[rel="${HELD_PRELOAD_REL}"]`);
  });

  it('runs after the element it paints into and before the page’s module script', () => {
    const html = readFileSync(resolve(root, 'popup/index.html'), 'utf8');
    const classic = html.indexOf('<script src="/popup-copy.js"></script>');
    expect(classic).toBeGreaterThan(html.indexOf('<div id="app"></div>'));
    expect(classic).toBeLessThan(html.indexOf('type="module"'));
  });
});

describe('holding the popup’s modules back in its built HTML', () => {
  const built =
    '<head><script type="module" crossorigin src="/assets/index.html-x.js"></script>\n' +
    '<link rel="modulepreload" crossorigin href="/assets/jsxRuntime-y.js">\n<link rel="stylesheet" crossorigin href="/assets/popup-z.css"></head>';

  it('makes the module script and every module preload inert, and leaves the stylesheet', () => {
    expect(holdPopupModules(built)).toBe(
      `<head><script type="${HELD_MODULE_TYPE}" crossorigin src="/assets/index.html-x.js"></script>\n` +
        `<link rel="${HELD_PRELOAD_REL}" crossorigin href="/assets/jsxRuntime-y.js">\n<link rel="stylesheet" crossorigin href="/assets/popup-z.css"></head>`,
    );
  });

  it('refuses a page without a module script: the popup would never load', () => {
    expect(() => holdPopupModules('<head></head>')).toThrow(/no module script/);
  });
});
