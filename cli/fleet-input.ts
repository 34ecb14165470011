/**
 * Reading what `npm run fleet` summarises: OTLP/JSON lines as an
 * OpenTelemetry Collector's file exporter writes them (one
 * ExportLogsServiceRequest per line; the extension's records have eventName
 * `wnc.report` and the report JSON as their string body) and report JSON
 * files exported from the extension. A folder is read one level deep. Plain
 * Node (no DuckDB, no native module), so the command ships as one file.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { EVENT_NAME } from '../src/fleet/record';
import { fleetRow, type FleetReport } from '../src/fleet/summary';

/** A problem with the input the user named: printed with the usage, exit status 64. */
export class InputError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The .json/.jsonl files of `path` (a file, or a folder read one level deep). */
export async function inputFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError(`${path}: no such file or folder`);
  if (info.isFile()) return [resolve(path)];
  const names = (await readdir(path)).filter((n) => /\.jsonl?$/i.test(n)).sort();
  if (names.length === 0) throw new InputError(`${path}: the folder holds no .json or .jsonl file`);
  return names.map((n) => resolve(join(path, n)));
}

/** The report documents in one parsed JSON value: an OTLP logs request's wnc.report bodies, or the value itself when it is a report. */
export function reportDocuments(value: unknown): unknown[] {
  if (!isObject(value)) return [];
  if (Array.isArray(value.resourceLogs)) {
    const docs: unknown[] = [];
    for (const rl of value.resourceLogs)
      for (const sl of isObject(rl) && Array.isArray(rl.scopeLogs) ? rl.scopeLogs : [])
        for (const rec of isObject(sl) && Array.isArray(sl.logRecords) ? sl.logRecords : []) {
          if (!isObject(rec) || rec.eventName !== EVENT_NAME || !isObject(rec.body) || typeof rec.body.stringValue !== 'string') continue;
          try {
            docs.push(JSON.parse(rec.body.stringValue));
          } catch {
            docs.push(null);
          }
        }
    return docs;
  }
  return typeof value.schema === 'string' && value.schema.startsWith('webrtc-network-check/report@') ? [value] : [];
}

export interface ReadResult {
  rows: FleetReport[];
  /** Why documents were left out ("file:line: reason"), at most 20. */
  skipped: string[];
  skippedCount: number;
}

/** Reads every file; a line or file that is not JSON is named, not fatal, unless nothing at all could be read. */
export async function readReports(path: string): Promise<ReadResult> {
  const files = await inputFiles(path);
  const result: ReadResult = { rows: [], skipped: [], skippedCount: 0 };
  const skip = (where: string, why: string) => {
    result.skippedCount++;
    if (result.skipped.length < 20) result.skipped.push(`${where}: ${why}`);
  };
  let jsonSeen = false;
  const take = (where: string, value: unknown) => {
    jsonSeen = true;
    for (const doc of reportDocuments(value)) {
      const row = fleetRow(doc);
      if ('skipped' in row) skip(where, row.skipped);
      else result.rows.push(row);
    }
  };
  for (const file of files) {
    if (/\.json$/i.test(file)) {
      try {
        take(file, JSON.parse(await readFile(file, 'utf8')));
      } catch {
        skip(file, 'not JSON');
      }
      continue;
    }
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      n++;
      if (line.trim() === '') continue;
      try {
        take(`${file}:${n}`, JSON.parse(line));
      } catch {
        skip(`${file}:${n}`, 'not JSON');
      }
    }
  }
  if (!jsonSeen) throw new InputError(`${path}: not OTLP/JSON lines or report JSON`);
  if (result.rows.length === 0) throw new InputError(`${path}: no reports found (expected records with eventName ${EVENT_NAME}, or report JSON files)`);
  return result;
}
