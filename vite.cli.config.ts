import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/**
 * The command-line runner (`npm run check`), bundled for Node into dist-cli/.
 * It shares the core's validator and renderers with the extension, so the
 * text it prints is the text the popup copies.
 */
export default defineConfig({
  build: {
    outDir: 'dist-cli',
    emptyOutDir: true,
    ssr: 'cli/check.ts',
    target: 'node20',
    rollupOptions: {
      external: ['puppeteer-core', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { entryFileNames: 'check.mjs', format: 'es' },
    },
  },
});
