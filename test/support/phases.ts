import { appendFileSync, mkdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';

/**
 * Where an e2e file's time goes (issue 26): with WNC_PHASES=1 each timed step
 * (lab build and teardown, browser launch and close, extension runs) appends
 * one line `{ file, phase, ms }` to test-results/phases/<pid>.jsonl, and the
 * slowest-files reporter adds a table of them at the end of the run. Without
 * WNC_PHASES nothing is written and `timed` only awaits its step.
 */
const ROOT = resolve(import.meta.dirname, '../..');
export const PHASES_DIR = resolve(ROOT, 'test-results/phases');

/** The phases a table column is kept for. */
export type Phase = 'lab build' | 'lab stop' | 'browser launch' | 'browser close' | 'extension run';

/** The test file running in this worker, as Vitest names it (relative to the project root). */
function currentFile(): string {
  const state = (globalThis as { __vitest_worker__?: { filepath?: string; current?: { file?: { filepath?: string } } } }).__vitest_worker__;
  const path = state?.current?.file?.filepath ?? state?.filepath;
  return path ? relative(ROOT, path) : `pid ${process.pid}`;
}

/** Records how long `step` took under `phase` (when WNC_PHASES is set) and returns its result. */
export async function timed<T>(phase: Phase, step: () => Promise<T>): Promise<T> {
  if (!process.env.WNC_PHASES) return step();
  const file = currentFile();
  const start = performance.now();
  try {
    return await step();
  } finally {
    mkdirSync(PHASES_DIR, { recursive: true });
    appendFileSync(resolve(PHASES_DIR, `${process.pid}.jsonl`), JSON.stringify({ file, phase, ms: performance.now() - start }) + '\n');
  }
}
