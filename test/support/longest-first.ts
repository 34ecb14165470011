import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { relative, resolve } from 'node:path';

/**
 * Seconds each e2e file took, measured one file at a time (docs/measured.md,
 * "The test suite"; `WNC_PHASES=1 npm run test:e2e`). Only the
 * order matters: two workers take files from the front of the queue, so the
 * longest go first and the short ones fill the gaps at the end (longest
 * processing time first). Vitest's own order needs a cache from an earlier
 * run; a fresh CI clone has none and would take files by size, which put
 * fault-networks.test.ts (a short file, the third longest run) near the end.
 */
export const E2E_SECONDS: Readonly<Record<string, number>> = {
  'test/e2e/evidence.test.ts': 141,
  'test/e2e/firefox.test.ts': 120,
  'test/e2e/fault-networks.test.ts': 88,
  'test/e2e/managed-policy.test.ts': 85,
  'test/e2e/proxy.test.ts': 66,
  'test/e2e/fleet.test.ts': 55,
  'test/e2e/hostile.test.ts': 48,
  'test/e2e/people.test.ts': 48,
  'test/e2e/cli.test.ts': 38,
  'test/e2e/generated-networks.test.ts': 37,
  'test/e2e/firefox-faults.test.ts': 37,
  'test/e2e/faults.test.ts': 34,
  'test/e2e/popup.test.ts': 33,
  'test/e2e/host-access.test.ts': 32,
  'test/e2e/release.test.ts': 25,
  'test/e2e/scenarios.test.ts': 21,
  'test/e2e/causes.test.ts': 20,
  'test/e2e/export.test.ts': 20,
  'test/e2e/probes.test.ts': 20,
  'test/e2e/call-faults.test.ts': 20,
  'test/e2e/call-quality.test.ts': 18,
  'test/e2e/loopback.test.ts': 18,
  'test/e2e/silence.test.ts': 17,
  'test/e2e/gather.test.ts': 15,
  'test/e2e/builtin-profiles.test.ts': 9,
  'test/e2e/fleet-page.test.ts': 6,
  'test/e2e/update.test.ts': 5,
  'test/e2e/cli-input.test.ts': 9,
  'test/e2e/popup-size.test.ts': 1,
};

const ROOT = resolve(import.meta.dirname, '../..');

/** A file not in the table runs first: a new file is the one most likely to be long and unknown. */
const weight = (spec: TestSpecification) => E2E_SECONDS[relative(ROOT, spec.moduleId)] ?? Number.POSITIVE_INFINITY;

/**
 * Vitest's sequencer (group order, projects, sharding) with the e2e files
 * ordered longest first by E2E_SECONDS; files of other projects keep Vitest's order.
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const position = new Map(sorted.map((spec, i) => [spec, i]));
    return [...sorted].sort((a, b) => {
      const sameGroup = a.project.config.sequence.groupOrder === b.project.config.sequence.groupOrder && a.project.name === b.project.name;
      if (!sameGroup || a.project.name !== 'e2e') return position.get(a)! - position.get(b)!;
      return weight(b) - weight(a) || position.get(a)! - position.get(b)!;
    });
  }
}
