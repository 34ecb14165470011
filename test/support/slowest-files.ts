import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { PHASES_DIR, type Phase } from './phases';

/**
 * A Vitest reporter: at the end of a run, the 10 slowest test files (import,
 * set-up, tests and hooks). `npm test` runs the unit project and then the e2e
 * project as two runs: within it (npm_lifecycle_event test or test:full) the
 * second run adds its files to the first's in
 * test-results/test-file-durations.json, so the list printed last covers
 * the whole of `npm test`. Any other run starts the file afresh.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const FILE = resolve(ROOT, 'test-results/test-file-durations.json');
const SHOWN = 10;

type Durations = Record<string, { project: string; ms: number }>;

/** Wall time a file cost, from Vitest's own diagnostic. */
function fileMs(module: TestModule): number {
  const d = module.diagnostic();
  return d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
}

function earlier(): Durations {
  const session = process.env.npm_lifecycle_event;
  if (session !== 'test' && session !== 'test:full') return {};
  try {
    const saved = JSON.parse(readFileSync(FILE, 'utf8')) as { session: string; ppid: number; files: Durations };
    // The same `npm test`: the npm process that runs both vitest commands is this one's parent.
    return saved.ppid === process.ppid ? saved.files : {};
  } catch {
    return {};
  }
}

const PHASES: Phase[] = ['lab build', 'lab stop', 'browser launch', 'browser close', 'extension run'];

/** With WNC_PHASES=1: per e2e file, its wall time and the seconds spent in each timed phase (test/support/phases.ts). */
function phaseTable(files: Durations): string {
  const perFile = new Map<string, Record<string, number>>();
  let names: string[] = [];
  try {
    names = readdirSync(PHASES_DIR);
  } catch {
    return '';
  }
  for (const name of names) {
    for (const line of readFileSync(resolve(PHASES_DIR, name), 'utf8').split('\n').filter(Boolean)) {
      const { file, phase, ms } = JSON.parse(line) as { file: string; phase: Phase; ms: number };
      const row = perFile.get(file) ?? {};
      row[phase] = (row[phase] ?? 0) + ms;
      perFile.set(file, row);
    }
  }
  const s = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(1).padStart(8);
  const head = `${'file'.padEnd(40)}${'wall'.padStart(8)}${PHASES.map((p) => p.padStart(16)).join('')}`;
  const rows = [...perFile.entries()]
    .sort(([a], [b]) => (files[b]?.ms ?? 0) - (files[a]?.ms ?? 0))
    .map(([file, row]) => `${file.replace('test/e2e/', '').padEnd(40)}${s(files[file]?.ms)}${PHASES.map((p) => s(row[p]).padStart(16)).join('')}`);
  return `\nWhere the e2e files' time went (seconds; WNC_PHASES=1):\n${head}\n${rows.join('\n')}\n`;
}

export default class SlowestFiles implements Reporter {
  onInit(): void {
    if (process.env.WNC_PHASES) rmSync(PHASES_DIR, { recursive: true, force: true });
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const files: Durations = earlier();
    for (const module of modules) files[relative(ROOT, module.moduleId)] = { project: module.project.name, ms: fileMs(module) };
    mkdirSync(resolve(ROOT, 'test-results'), { recursive: true });
    writeFileSync(FILE, JSON.stringify({ session: process.env.npm_lifecycle_event ?? null, ppid: process.ppid, files }, null, 2));
    const slowest = Object.entries(files)
      .sort(([, a], [, b]) => b.ms - a.ms)
      .slice(0, SHOWN);
    if (slowest.length === 0) return;
    const total = Object.values(files).reduce((sum, f) => sum + f.ms, 0);
    const lines = slowest.map(([file, f]) => `  ${(f.ms / 1000).toFixed(1).padStart(7)} s  ${f.project.padEnd(9)}  ${file}`);
    if (process.env.WNC_PHASES) console.log(phaseTable(files));
    console.log(`\nThe ${slowest.length} slowest test files (of ${Object.keys(files).length}, ${(total / 1000).toFixed(0)} s in all):\n${lines.join('\n')}\n`);
  }
}
