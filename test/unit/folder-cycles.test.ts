import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The core's folders form layers: no folder of src/ depends, through any
 * chain of imports (type-only ones included), on a folder that depends on it.
 * Imports are read with TypeScript's own pre-processor, not a regex.
 */
const ROOT = new URL('../../src', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(ROOT)) {
    const from = relative(ROOT, dirname(file)) || '.';
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = normalize(join(dirname(file), fileName));
      if (!target.startsWith(ROOT)) continue;
      const to = relative(ROOT, dirname(target)) || '.';
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Every folder cycle, each as the path that closes it. */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) found.push([...path.slice(at), next].join(' -> '));
      else visit(next, [...path, next]);
    }
  };
  for (const start of graph.keys()) visit(start, [start]);
  return [...new Set(found)];
}

describe('src/ folders', () => {
  it('depend on each other without a cycle', () => {
    expect(cycles(folderGraph())).toEqual([]);
  });

  it('the cycle finder finds one when there is one', () => {
    const graph = new Map([
      ['report', new Set(['view'])],
      ['view', new Set(['report'])],
    ]);
    expect(cycles(graph)).toContain('report -> view -> report');
  });
});
