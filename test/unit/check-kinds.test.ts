import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * A check kind has one registration per layer, and the compiler holds both:
 * a kind added to `PlannedCheck` (src/checks/kinds.ts) without its judge in
 * `CHECK_KINDS`, or without its probe in `PROBES` (background/probes/index.ts),
 * fails `npm run typecheck`. Proven on the real files with the project's own
 * compiler options, the registry file rewritten in memory.
 */
const ROOT = new URL('../..', import.meta.url).pathname;
const KINDS = join(ROOT, 'src/checks/kinds.ts');
const PROBES = join(ROOT, 'background/probes/index.ts');
/** The simulated runs give every kind evidence: they switch over the kinds, and `tsc` holds the switch whole. */
const SIMULATED = [join(ROOT, 'test/support/simulated-run.ts'), join(ROOT, 'src/report/build.test.ts')];
const original = readFileSync(KINDS, 'utf8');

/** A QUIC reachability check, as a new kind would declare it (its module would hold this shape). */
const QUIC = "(import('./types').CheckTarget & { type: 'quic'; url: string; deadlineMs: number })";

const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
/** Parsed once: the lib and project files are the same in every compilation. */
const parsed = new Map<string, ts.SourceFile | undefined>();

/** Diagnostics per project file, for the dispatcher, the host permissions and all they import, with src/checks/kinds.ts as given. */
function typecheck(kinds: string): Map<string, string[]> {
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => (f === KINDS ? kinds : readFile(f));
  host.getSourceFile = (f, v) => {
    if (f === KINDS) return ts.createSourceFile(f, kinds, v);
    if (!parsed.has(f)) parsed.set(f, getSourceFile(f, v));
    return parsed.get(f);
  };
  const program = ts.createProgram({
    rootNames: [join(ROOT, 'background/run/run-checks.ts'), join(ROOT, 'src/checks/probe-origins.ts'), ...SIMULATED],
    options: config.options,
    host,
  });
  const byFile = new Map<string, string[]>();
  const own = program.getSourceFiles().filter((f) => f.fileName.startsWith(ROOT) && !f.fileName.includes('/node_modules/'));
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...own.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
  ];
  for (const d of diagnostics) {
    const file = d.file?.fileName ?? '(options)';
    byFile.set(file, [...(byFile.get(file) ?? []), ts.flattenDiagnosticMessageText(d.messageText, '\n')]);
  }
  return byFile;
}

function withKind(source: string): string {
  const union = 'export type PlannedCheck =';
  expect(source).toContain(union);
  return source.replace(union, `${union} ${QUIC} |`);
}

describe('check kinds (src/checks/kinds.ts, background/probes/index.ts)', () => {
  it('compile as they are', { timeout: 120_000 }, () => {
    expect(Object.fromEntries(typecheck(original))).toEqual({});
  });

  it('refuse a kind with neither its judge nor its probe registered', { timeout: 120_000 }, () => {
    const errors = typecheck(withKind(original));
    expect([...errors.keys()].sort()).toEqual([KINDS, PROBES, ...SIMULATED].sort());
    expect(errors.get(KINDS)!.join('\n')).toMatch(/Property 'quic' is missing/);
    expect(errors.get(PROBES)!.join('\n')).toMatch(/Property 'quic' is missing/);
  });

  it('refuse a kind with its judge registered and its probe forgotten', { timeout: 120_000 }, () => {
    const registry = 'export const CHECK_KINDS = {';
    expect(original).toContain(registry);
    const judged = withKind(original).replace(registry, `${registry}\n  quic: { origins: (check: ${QUIC}) => [check.url], judge: () => [] },`);
    const errors = typecheck(judged);
    expect([...errors.keys()].sort()).toEqual([PROBES, ...SIMULATED].sort());
    expect(errors.get(PROBES)!.join('\n')).toMatch(/Property 'quic' is missing/);
  });
});
