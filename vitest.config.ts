import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The 10 slowest files at the end of a run (test/support/slowest-files.ts).
    reporters: ['default', './test/support/slowest-files.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'test/unit/**/*.test.ts'],
          environment: 'node',
          // Unit tests first, so a broken core fails in seconds, before any lab is built.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium and one network lab at a time: namespace names are fixed
          // and the machine has two cores.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
