import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { reportValidatorPlugin } from './build/report-validator';
import { popupModulesAfterCopyPlugin } from './build/popup-modules-after-copy';
import { firefoxManifest } from './build/firefox-manifest';
import { withVersion } from './build/manifest-version';
import pkg from './package.json' with { type: 'json' };

/**
 * `vite build` makes the Chrome extension in dist/; `vite build --mode firefox`
 * the Firefox one in dist-firefox/ from the same sources. What differs is
 * chosen here, once: the manifest (build/firefox-manifest.ts) and the platform
 * module behind `#platform` (background/platform/).
 */
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const platform = fileURLToPath(new URL(`./background/platform/${firefox ? 'firefox' : 'chrome'}.ts`, import.meta.url));
  // package.json is the one version source (build/manifest-version.ts).
  const chrome = withVersion(manifest, pkg.version);
  return {
    plugins: [
      preact(),
      crx({ manifest: firefox ? firefoxManifest(chrome) : chrome, browser: firefox ? 'firefox' : 'chrome' }),
      reportValidatorPlugin(),
      popupModulesAfterCopyPlugin(),
    ],
    resolve: { alias: { '#platform': platform } },
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      // A page's static imports are preloaded from its HTML (both browsers do that natively: no polyfill).
      // Dynamic imports get no preload helper: what a page loads later (the popup's part below the
      // headline, its export actions) is off the first paint's path, and the helper cost ~1 KB of the
      // popup's 25 KB budget (test/e2e/popup-size.test.ts).
      modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
      // The offscreen document (Chrome only) is opened by chrome.offscreen at run
      // time and the printable report by tabs.create, so nothing in the manifest
      // points at them: list them as extra entries.
      rollupOptions: {
        input: {
          report: 'popup/report/report.html',
          ...(firefox ? {} : { offscreen: 'background/offscreen/offscreen.html' }),
        } as Record<string, string>,
      },
    },
  };
});
