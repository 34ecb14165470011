// Lint for the whole tree, run by `npm test` (npm run lint). Type-aware rules are
// left to `tsc` (npm run typecheck), which already runs strict.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // Plain Node scripts (the lab's web server).
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
  {
    // The popup's one classic script (public/popup-read-stored.js, copied as is into the build).
    files: ['public/**/*.js'],
    languageOptions: { globals: { chrome: 'readonly', document: 'readonly', performance: 'readonly', globalThis: 'readonly' } },
  },
  {
    // The diagnostic core is pure: no extension APIs (tsconfig.core.json also compiles it without their types).
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'src/ is the pure core: call chrome.* from background/ or popup/.' },
        { name: 'browser', message: 'src/ is the pure core: call browser.* from background/ or popup/.' },
      ],
    },
  },
);
