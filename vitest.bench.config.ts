import { defineConfig } from 'vitest/config';

/** `npm run bench`: measurements in the lab, printed as tables; nothing asserts a timing. */
export default defineConfig({
  test: {
    name: 'bench',
    include: ['bench/**/*.bench-run.ts'],
    // Prints issue 26's table from this run's results once every file is done.
    globalSetup: ['bench/summary.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    // The tables are the output: let console.log through as it happens.
    disableConsoleIntercept: true,
  },
});
