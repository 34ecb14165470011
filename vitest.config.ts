import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/longest-first';

export default defineConfig({
  test: {
    // The 10 slowest files at the end of a run (test/support/slowest-files.ts).
    reporters: ['default', './test/support/slowest-files.ts'],
    // E2E files longest first, so the two workers finish together (test/support/longest-first.ts).
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'test/unit/**/*.test.ts'],
          environment: 'node',
          // Unit tests first, so a broken core fails in seconds, before any lab is built.
          sequence: { groupOrder: 0 },
          // Vitest's default on 2 cores is 1 worker; 2 took the unit run from 63 s to 36 s (docs/measured.md).
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // Two files side by side, each in a worker with a lab of its own (namespace
          // names carry the worker's number: labPrefix in test/lab/topology.ts) and a
          // Chromium of its own. Most of an e2e file is waiting on network deadlines,
          // so two workers on two cores nearly halve the run (docs/measured.md).
          // Vitest's default on 2 cores is 1 worker (cores - 1): set it.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
