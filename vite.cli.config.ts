import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/**
 * The command-line tools, bundled for Node into dist-cli/: the runner
 * (`npm run check`), which shares the core's validator and renderers with the
 * extension, so the text it prints is the text the popup copies. The fleet
 * tool is built on its own as one file (vite.fleet.config.ts).
 */
export default defineConfig({
  build: {
    outDir: 'dist-cli',
    emptyOutDir: true,
    ssr: true,
    target: 'node20',
    rollupOptions: {
      input: { check: 'cli/check.ts' },
      external: ['puppeteer-core', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs', format: 'es' },
    },
  },
});
