/**
 * Reading a collector's OTLP/JSON lines file into fleet rows at a district's
 * scale (issue 26: 100,000 records, 3.8 GB; the target is under 10 s on this
 * two-core machine, not met). Measured on the file `npm run bench` makes
 * (docs/measured.md): 136 s before (most of it a quadratic grouping, fixed in
 * summary.ts and suspect.ts), 12–19 s now, each step below a measured gain:
 * - lines cut from 4 MB chunks instead of node:readline (22 s alone → ~4 s);
 * - a record's report built only as far as the summary reads it
 *   (src/fleet/report-text.ts) from a Latin-1 ("binary") copy of the line:
 *   one byte per character keeps V8's strings one-byte, and structural JSON
 *   is ASCII, so only the values kept are decoded as UTF-8;
 * - the file cut into byte ranges read by worker threads side by side, each
 *   with a larger young generation (on one thread that alone took 27.5 s to
 *   20 s).
 * What is left is V8's JSON.parse of each record's escaped body string
 * (~45 % of a worker's time) and the scan of the report inside it.
 * Lines end in LF or CRLF; a lone CR is not a line end (node:readline took it
 * for one; the collector's file exporter writes LF).
 * Anything the fast read cannot vouch for (a `\u` escape anywhere in the
 * line, text that is not an OTLP request, JSON it refuses) is read the plain
 * way: the line decoded as UTF-8 and parsed whole, as before.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { forEachRow, reportForFleetRow } from '../src/fleet/report-text';
import type { FleetReport } from '../src/fleet/summary';

/** What the lines starting in one byte range of a file gave. */
export interface RangeResult {
  rows: FleetReport[];
  /** Documents left out, by line number counted from the range's first line (1), at most 20. */
  skipped: { line: number; why: string }[];
  skippedCount: number;
  /** Lines starting in the range (blank ones too), to number the next range's lines. */
  lines: number;
  /** Whether any line was JSON. */
  jsonSeen: boolean;
}

/** How to spread a large file over worker threads: this module's built file (the fleet tool) and how many. */
export interface LineWorkers {
  script: URL;
  /** How many parts the file is cut into, one worker each (the fleet tool: one per core). */
  count: number;
  /** Files from this size on are split (default 64 MB: below it, starting workers costs more than it saves, ~40 ms each). */
  minBytes?: number;
}

const SPLIT_MIN_BYTES = 64 * 1024 * 1024;
const CHUNK_BYTES = 4 * 1024 * 1024;
/** The young generation per worker, MB: 27.5 s → 20 s on one thread at 64 MB (V8 scavenges far less often); more gained nothing. */
const WORKER_YOUNG_GENERATION_MB = 64;
const WORKER_KIND = 'wnc-fleet-lines';

const HIGH_BYTE = /[\u0080-\u00ff]/;
/** A Latin-1 copy of UTF-8 bytes back to its text (U+FFFD for bytes that are not UTF-8, as Buffer#toString('utf8') gives). */
const fromBinary = (s: string) => (HIGH_BYTE.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s);

/** Every string in a value built from a Latin-1 copy, member names too, decoded as UTF-8. */
function decodeStrings(value: unknown): unknown {
  if (typeof value === 'string') return fromBinary(value);
  if (Array.isArray(value)) return value.map(decodeStrings);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  // defineProperty: a member named __proto__ stays a member, as JSON.parse makes it.
  for (const [key, v] of Object.entries(value))
    Object.defineProperty(out, fromBinary(key), { value: decodeStrings(v), enumerable: true, writable: true, configurable: true });
  return out;
}

/** A record body (Latin-1 copy) built as far as fleetRow() reads it, whole when the fast read doubts it. Throws when it is not JSON. */
function bodyForRow(binary: string): unknown {
  try {
    return reportForFleetRow(binary, fromBinary);
  } catch {
    return decodeStrings(JSON.parse(binary));
  }
}

/**
 * The fleet rows of the lines that start in bytes [from, to) of `file` (a
 * line that starts there is read to its end even past `to`). LF or CRLF.
 * `chunkBytes`: how much one read takes (4 MB; tests make it small so that
 * lines span many reads).
 */
export async function readJsonLinesRange(file: string, from: number, to: number, chunkBytes = CHUNK_BYTES): Promise<RangeResult> {
  const result: RangeResult = { rows: [], skipped: [], skippedCount: 0, lines: 0, jsonSeen: false };
  const skip = (why: string) => {
    result.skippedCount++;
    if (result.skipped.length < 20) result.skipped.push({ line: result.lines, why });
  };
  const take = (value: unknown, parseBody?: (text: string) => unknown) => {
    result.jsonSeen = true;
    forEachRow(value, parseBody, (row) => result.rows.push(row), skip);
  };
  const line = (data: Buffer, start: number, end: number) => {
    result.lines++;
    if (end > start && data[end - 1] === 13) end--;
    const binary = data.toString('latin1', start, end);
    if (!binary.includes('\\u')) {
      let value: unknown = null;
      try {
        value = JSON.parse(binary);
      } catch {
        value = null;
      }
      if (typeof value === 'object' && value !== null && Array.isArray((value as { resourceLogs?: unknown }).resourceLogs)) {
        take(value, bodyForRow);
        return;
      }
    }
    const text = data.toString('utf8', start, end);
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      skip('not JSON');
      return;
    }
    take(value);
  };

  // Read synchronously: on its own worker nothing else waits, and the thread pool's hops showed as idle time (measured).
  const fd = openSync(file, 'r');
  try {
    // A line starts at 0 or after a newline: from inside the file, the first line of the range starts after the first newline at or after from - 1.
    let position = from === 0 ? 0 : from - 1;
    let seekingStart = from !== 0;
    // A line not ended yet, over one chunk or more: kept, not copied, until its newline comes (each read has a buffer
    // of its own), so a long line (a collector batching thousands of records into one request) costs one copy.
    let pending: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const chunkAt = position;
      const bytesRead = readSync(fd, chunk, 0, chunkBytes, position);
      position += bytesRead;
      if (bytesRead === 0) {
        // The file's last line, without a newline.
        if (pending.length > 0) {
          const data = Buffer.concat(pending);
          line(data, 0, data.length);
        }
        return result;
      }
      const data = chunk.subarray(0, bytesRead);
      let start = 0;
      if (seekingStart || pending.length > 0) {
        const nl = data.indexOf(10);
        if (nl === -1) {
          if (!seekingStart) pending.push(data);
          continue;
        }
        if (!seekingStart) {
          const whole = Buffer.concat([...pending, data.subarray(0, nl)]);
          pending = [];
          line(whole, 0, whole.length);
        }
        seekingStart = false;
        start = nl + 1;
      }
      for (let nl = data.indexOf(10, start); nl !== -1 && chunkAt + start < to; nl = data.indexOf(10, start)) {
        line(data, start, nl);
        start = nl + 1;
      }
      if (chunkAt + start >= to) return result;
      if (start < data.length) pending = [data.subarray(start)];
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The fleet rows of a JSON-lines file, range by range in file order: on
 * worker threads when it is large and `workers` are given. Should a worker
 * fail (it cannot start, runs out of memory), the others are stopped and the
 * file is read on this thread instead, after `onFallback` is told why: slower,
 * the same summary.
 */
export async function readJsonLines(file: string, workers?: LineWorkers, onFallback?: (why: string) => void): Promise<RangeResult[]> {
  const { size } = await stat(file);
  const count = workers && size >= (workers.minBytes ?? SPLIT_MIN_BYTES) ? Math.max(1, workers.count) : 1;
  if (count === 1 || !workers) return [await readJsonLinesRange(file, 0, size)];
  const bounds = Array.from({ length: count + 1 }, (_, k) => Math.floor((size * k) / count));
  const started: Worker[] = [];
  try {
    return await Promise.all(
      bounds.slice(0, -1).map(
        (from, k) =>
          new Promise<RangeResult>((resolve, reject) => {
            const worker = new Worker(workers.script, {
              workerData: { kind: WORKER_KIND, file, from, to: bounds[k + 1] },
              resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
            });
            started.push(worker);
            worker.once('message', (r: RangeResult) => resolve(r));
            worker.once('error', reject);
            worker.once('exit', (code) => reject(new Error(`a worker stopped (exit status ${code})`)));
          }),
      ),
    );
  } catch (err) {
    await Promise.all(started.map((w) => w.terminate()));
    onFallback?.(err instanceof Error ? err.message : String(err));
    return [await readJsonLinesRange(file, 0, size)];
  }
}

/**
 * In a worker started by readJsonLines: reads its range and posts the
 * result. True when this thread is such a worker (the fleet tool's entry
 * then does nothing else).
 */
export function serveLineRange(): boolean {
  const data = workerData as { kind?: string; file: string; from: number; to: number } | null;
  if (isMainThread || data?.kind !== WORKER_KIND) return false;
  void readJsonLinesRange(data.file, data.from, data.to).then((result) => parentPort!.postMessage(result));
  return true;
}
