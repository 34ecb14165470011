import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Every JS file an extension page loads from the build: the page's scripts
 * and module preloads, then each static import, transitively, and with
 * `dynamic` also what it imports later (`import("./x.js")`). Sizes are each
 * file gzipped on its own, as Vite reports them.
 */
export function pageScripts(dist: string, page: string, { dynamic = true } = {}): Map<string, { bytes: number; gzip: number }> {
  const html = readFileSync(join(dist, page), 'utf8');
  return scriptsFrom(
    dist,
    [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!),
    dynamic,
  );
}

/** Every JS file the service worker loads: its loader (`service-worker-loader.js`) and what that imports, transitively. */
export function workerScripts(dist: string): Map<string, { bytes: number; gzip: number }> {
  return scriptsFrom(dist, ['service-worker-loader.js'], true);
}

function scriptsFrom(dist: string, entries: string[], dynamic: boolean): Map<string, { bytes: number; gzip: number }> {
  const queue = [...entries];
  const seen = new Map<string, { bytes: number; gzip: number }>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    const code = readFileSync(join(dist, file));
    seen.set(file, { bytes: code.length, gzip: gzipSync(code).length });
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    const imports = dynamic ? /(?:from|import)\s*\(?\s*["'`](\.\/[^"'`]+\.js)["'`]/g : /(?:from|import)\s*["'`](\.\/[^"'`]+\.js)["'`]/g;
    for (const m of code.toString('utf8').matchAll(imports)) queue.push(dir + m[1]!.slice(2));
  }
  return seen;
}

export function gzipTotal(files: Map<string, { gzip: number }>): number {
  return [...files.values()].reduce((sum, f) => sum + f.gzip, 0);
}
