/**
 * Reading what `npm run fleet` summarises: OTLP/JSON lines as an
 * OpenTelemetry Collector's file exporter writes them (one
 * ExportLogsServiceRequest per line; the extension's records have eventName
 * `wnc.report` and the report JSON as their string body) and report JSON
 * files exported from the extension. A folder is read one level deep. Plain
 * Node (no DuckDB, no native module), so the command ships as one file.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EVENT_NAME } from '../src/fleet/record';
import { forEachRow } from '../src/fleet/report-text';
import type { FleetReport } from '../src/fleet/summary';
import { readJsonLines, type LineWorkers } from './fleet-lines';

/** A problem with the input the user named: printed with the usage, exit status 64. */
export class InputError extends Error {}

/** The .json/.jsonl files of `path` (a file, or a folder read one level deep). */
export async function inputFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError(`${path}: no such file or folder`);
  if (info.isFile()) return [resolve(path)];
  const names = (await readdir(path)).filter((n) => /\.jsonl?$/i.test(n)).sort();
  if (names.length === 0) throw new InputError(`${path}: the folder holds no .json or .jsonl file`);
  return names.map((n) => resolve(join(path, n)));
}

export interface ReadResult {
  rows: FleetReport[];
  /** Why documents were left out ("file:line: reason"), at most 20. */
  skipped: string[];
  skippedCount: number;
}

/** Reads every file; a line or file that is not JSON is named, not fatal, unless nothing at all could be read. */
export async function readReports(path: string, options: { lineWorkers?: LineWorkers } = {}): Promise<ReadResult> {
  const files = await inputFiles(path);
  const result: ReadResult = { rows: [], skipped: [], skippedCount: 0 };
  const skip = (where: string, why: string) => {
    result.skippedCount++;
    if (result.skipped.length < 20) result.skipped.push(`${where}: ${why}`);
  };
  let jsonSeen = false;
  for (const file of files) {
    if (/\.json$/i.test(file)) {
      let value: unknown;
      try {
        value = JSON.parse(await readFile(file, 'utf8'));
      } catch {
        skip(file, 'not JSON');
        continue;
      }
      jsonSeen = true;
      forEachRow(
        value,
        undefined,
        (row) => result.rows.push(row),
        (why) => skip(file, why),
      );
      continue;
    }
    // Ranges in file order, lines numbered across them as one file.
    let linesBefore = 0;
    const fallback = (why: string) => process.stderr.write(`fleet: ${file}: reading on worker threads failed (${why}); reading it on one thread\n`);
    for (const range of await readJsonLines(file, options.lineWorkers, fallback)) {
      jsonSeen ||= range.jsonSeen;
      for (const row of range.rows) result.rows.push(row);
      for (const { line, why } of range.skipped) skip(`${file}:${linesBefore + line}`, why);
      // Past the 20 kept, only the count grows.
      const unnamed = range.skippedCount - range.skipped.length;
      result.skippedCount += unnamed;
      linesBefore += range.lines;
    }
  }
  if (!jsonSeen) throw new InputError(`${path}: not OTLP/JSON lines or report JSON`);
  if (result.rows.length === 0) throw new InputError(`${path}: no reports found (expected records with eventName ${EVENT_NAME}, or report JSON files)`);
  return result;
}
