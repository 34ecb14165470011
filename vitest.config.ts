import { configDefaults, defineConfig } from 'vitest/config';
import LongestFirst from './test/support/longest-first';

/**
 * E2E files that run with no other file beside them, after the rest. evidence.test.ts makes 100
 * back-to-back runs of 22 peer connections, each with a 2 s deadline, and expects the same verdict
 * from all: beside another file's Chromium or Firefox start-up on 2 cores, one run in a hundred had
 * ten of its TURN servers "time out" (seen in 3 of 3 runs side by side, and once alone at load 13-20).
 * The assertion stays; the file gets the machine to itself.
 */
const E2E_ALONE = ['test/e2e/evidence.test.ts'];

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
          exclude: [...configDefaults.exclude, ...E2E_ALONE],
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
      {
        test: {
          name: 'e2e-alone',
          include: E2E_ALONE,
          environment: 'node',
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
