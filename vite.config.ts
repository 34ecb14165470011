import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { reportValidatorPlugin } from './build/report-validator';

export default defineConfig({
  plugins: [preact(), crx({ manifest }), reportValidatorPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The offscreen document is opened by chrome.offscreen at run time and the
    // printable report by tabs.create, so nothing in the manifest points at
    // them: list them as extra entries.
    rollupOptions: {
      input: { offscreen: 'background/offscreen/offscreen.html', report: 'popup/report/report.html' },
    },
  },
});
