import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/**
 * The fleet tool as one file, dist-cli/wnc-fleet.mjs (shipped in the release
 * as wnc-fleet.mjs): Node 20 built-ins only, uPlot inlined for the page, no
 * chunk to import and no node_modules, so a district runs it with no source
 * checkout: `node wnc-fleet.mjs collected.jsonl --html fleet.html`.
 */
export default defineConfig({
  build: {
    outDir: 'dist-cli',
    emptyOutDir: false,
    ssr: true,
    target: 'node20',
    rollupOptions: {
      input: { 'wnc-fleet': 'cli/fleet.ts' },
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { entryFileNames: '[name].mjs', format: 'es', codeSplitting: false, banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { noExternal: true },
});
