// Lint for the whole tree, run by `npm test` (npm run lint). Besides style, it holds
// the layers (docs/architecture.md): which folder may import what, which globals
// each context may touch, one spelling of the extension API, and typed rules
// (exhaustive switches over closed unions, no dropped promise) on product code.
// test/unit/guards.test.ts feeds every guard a violation.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** `no-restricted-globals` entries, by what a context must not touch. */
const GLOBALS = {
  dom: ['document', 'window', 'navigator', 'localStorage'].map((name) => ({
    name,
    message: 'src/ is the pure core: the DOM belongs to popup/ (or the offscreen document).',
  })),
  node: ['process', 'Buffer', 'require', '__dirname', '__filename'].map((name) => ({
    name,
    message: 'Node runs only the CLI and the tests: no Node globals here.',
  })),
  extCore: [
    { name: 'chrome', message: 'src/ is the pure core: call the extension API from background/ or popup/.' },
    { name: 'browser', message: 'src/ is the pure core: call the extension API from background/ or popup/.' },
  ],
  chromeInBackground: [{ name: 'chrome', message: 'Spell the extension API `browser`, imported from background/browser.ts.' }],
  chromeInPopup: [{ name: 'chrome', message: 'Spell the extension API `browser`, imported from popup/shared/browser.ts.' }],
  browserGlobal: [{ name: 'browser', message: "Import `browser` from the context's one module (background/browser.ts, popup/shared/browser.ts)." }],
  pageGlobalsInWorker: ['document', 'window', 'localStorage'].map((name) => ({
    name,
    message: 'The service worker has no page: the DOM belongs to background/offscreen/ and popup/.',
  })),
};

/** `no-restricted-imports` patterns, by what a layer must not import. */
const IMPORTS = {
  node: { group: ['node:*'], message: 'Node modules run only in the CLI and the tests.' },
  polyfill: { group: ['webextension-polyfill'], message: 'Only background/browser.ts imports the polyfill; import `browser` from there.' },
  polyfillInPopup: {
    group: ['webextension-polyfill'],
    message: 'The polyfill costs the popup 2.8 KB of its budget: import `browser` from popup/shared/browser.ts.',
  },
  preact: { group: ['preact', 'preact/*'], message: 'Preact renders pages: only popup/ imports it.' },
  // A path, not a pattern: patterns are gitignore lines, where `#` starts a comment.
  platform: { name: '#platform', message: 'The build-time platform belongs to background/.' },
  background: {
    group: ['**/background/**', '**/background'],
    message: 'background/ is the browser glue of the worker: nothing outside it (and the CLI, tests) imports it.',
  },
  popup: { group: ['**/popup/**'], message: 'popup/ is pages: nothing else imports them.' },
  cli: { group: ['**/cli/**'], message: 'The CLI is a leaf: nothing imports it.' },
  test: { group: ['**/test/**'], message: 'Product code does not import tests.' },
  contract: { group: ['**/contract/**', '../contract/*', './contract/*'], message: 'src/contract/ sits on top of the core: nothing else in src/ imports it.' },
};
const restrictImports = (...entries) => ['error', { paths: entries.filter((e) => 'name' in e), patterns: entries.filter((e) => 'group' in e) }];
const restrictGlobals = (...groups) => ['error', ...groups.flat()];

const TESTS = ['**/*.test.ts'];

/** What neither the core nor src/contract/ may import (the core may not import src/contract/ either). */
const CORE_IMPORTS = [IMPORTS.node, IMPORTS.polyfill, IMPORTS.preact, IMPORTS.platform, IMPORTS.background, IMPORTS.popup, IMPORTS.cli, IMPORTS.test];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-firefox/**', 'dist-cli/**', 'node_modules/**', 'test-results/**', 'build/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a binding kept on purpose (a destructured secret left out, an unused parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Typed rules (the type checker behind ESLint, as Bitwarden's config runs them) on
    // product code; tests are left out to keep `npm run lint` quick (their types are
    // checked by `npm run typecheck`).
    files: ['src/**/*.ts', 'background/**/*.ts', 'popup/**/*.{ts,tsx}', 'cli/**/*.ts'],
    ignores: [...TESTS, 'src/web-globals.d.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Every closed union is switched over whole: a `default` does not stand in for a
      // member, so a new check status, reason or cause shows every switch to revisit.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false }],
      '@typescript-eslint/no-floating-promises': 'error',
      // A promise-returning listener is how webextension-polyfill answers a message.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    // Plain Node scripts (the lab's web server).
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },

  // ---- Layers ----
  {
    // The popup's one classic script (public/popup-copy.js, copied as is into the build). No `chrome`:
    // it paints before the page's first frame, and the extension API's first use costs ~6-10 ms there.
    files: ['public/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        performance: 'readonly',
        localStorage: 'readonly',
        getComputedStyle: 'readonly',
        requestAnimationFrame: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  {
    // The diagnostic core is pure: ECMAScript, URL and the text codecs (src/web-globals.d.ts), nothing else.
    files: ['src/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-globals': restrictGlobals(GLOBALS.extCore, GLOBALS.dom, GLOBALS.node),
      'no-restricted-imports': restrictImports(...CORE_IMPORTS, IMPORTS.contract),
    },
  },
  {
    // src/contract/ names report, settings and fleet types; it may import the core (not the reverse).
    files: ['src/contract/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictImports(...CORE_IMPORTS),
    },
  },
  {
    // The browser glue: the extension API as `browser` from background/browser.ts, no Node, no pages.
    files: ['background/**/*.ts'],
    rules: {
      'no-restricted-globals': restrictGlobals(GLOBALS.chromeInBackground, GLOBALS.browserGlobal, GLOBALS.node),
      'no-restricted-imports': restrictImports(IMPORTS.node, IMPORTS.polyfill, IMPORTS.preact, IMPORTS.popup, IMPORTS.cli, IMPORTS.test),
    },
  },
  {
    // The service worker's own modules have no document (the offscreen document and Firefox's event page do,
    // but they reach it only through background/offscreen/).
    files: ['background/**/*.ts'],
    ignores: ['background/offscreen/**'],
    rules: {
      'no-restricted-globals': restrictGlobals(GLOBALS.chromeInBackground, GLOBALS.browserGlobal, GLOBALS.node, GLOBALS.pageGlobalsInWorker),
    },
  },
  {
    files: ['background/browser.ts'],
    rules: {
      'no-restricted-globals': restrictGlobals(GLOBALS.browserGlobal, GLOBALS.node, GLOBALS.pageGlobalsInWorker),
      'no-restricted-imports': restrictImports(IMPORTS.node, IMPORTS.preact, IMPORTS.popup, IMPORTS.cli, IMPORTS.test),
    },
  },
  {
    // Pages: the extension API as `browser` from popup/shared/browser.ts, no polyfill, no worker modules.
    files: ['popup/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': restrictGlobals(GLOBALS.chromeInPopup, GLOBALS.browserGlobal, GLOBALS.node),
      'no-restricted-imports': restrictImports(IMPORTS.node, IMPORTS.polyfillInPopup, IMPORTS.platform, IMPORTS.background, IMPORTS.cli, IMPORTS.test),
    },
  },
  {
    files: ['popup/shared/browser.ts'],
    rules: { 'no-restricted-globals': restrictGlobals(GLOBALS.browserGlobal, GLOBALS.node) },
  },
);
