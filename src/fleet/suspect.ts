/**
 * Records that look forged. Every value a policy pushes is readable at
 * chrome://policy on the device, the collector's token with them
 * (docs/fleet.md, "What chrome://policy shows"): anyone at a managed device
 * can post a record the collector accepts. Nothing in a record proves which
 * device wrote it, so this module cannot tell a forged record from a real
 * one; it flags what a forgery tends to look like, measured against the
 * file's own history, for a person to look at:
 *
 * - `new-device`: a device id first seen in the recent window, while the
 *   fleet is otherwise established (its history reaches back at least one
 *   more window before this one, with ESTABLISHED_REPORTS reports in it).
 *   A new Chromebook also looks so.
 * - `burst`: more reports from one device within BURST_SPAN_MS than a device
 *   makes (a run on schedule, at start-up and now and then by hand).
 * - `unknown-schema`: a report schema this tool does not know, or one no other
 *   device of the fleet writes.
 * - `unknown-version`: an extension version no other device of the fleet runs
 *   (the first device to update also looks so).
 *
 * Pure, like summary.ts: the rows come in unique and in any order.
 */
import { REPORT_SCHEMA } from '../report/types';
import { groupBy, NO_DEVICE_ID, type FleetReport } from './summary';

export type SuspectKind = 'new-device' | 'burst' | 'unknown-schema' | 'unknown-version';

/** One flag: which device, which reports, and the value that stood out. */
export interface Suspect {
  kind: SuspectKind;
  site: string;
  device: string;
  deviceLabel: string;
  /** The reports it rests on, oldest first (at most MAX_IDS of them). */
  reportIds: string[];
  /** How many reports it rests on. */
  reports: number;
  /** The first of them, ms since the epoch. */
  firstAt: number;
  /** new-device: the first report's time as text; burst: the count; unknown-*: the schema or version. */
  value: string;
}

/** A burst: more than BURST_COUNT reports from one device within BURST_SPAN_MS. */
export const BURST_COUNT = 6;
export const BURST_SPAN_MS = 3600_000;
/** The fleet is established when at least this many reports came before the recent window. */
export const ESTABLISHED_REPORTS = 3;
/** A schema or version is judged only in a fleet of more devices than this. */
const SMALL_FLEET = 2;
const MAX_IDS = 5;

/** Schemas this tool reads: report@1 up to the one it was built with. */
export function knownSchema(schema: string): boolean {
  const m = /^webrtc-network-check\/report@(\d+)$/.exec(schema);
  const current = Number(REPORT_SCHEMA.split('@')[1]);
  return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= current;
}

function flag(kind: SuspectKind, list: FleetReport[], value: string): Suspect {
  const first = list[0]!;
  return {
    kind,
    site: first.site,
    device: first.device,
    deviceLabel: first.deviceLabel,
    reportIds: list.slice(0, MAX_IDS).map((r) => r.id),
    reports: list.length,
    firstAt: first.startedAt,
    value,
  };
}

/** The longest run of reports within BURST_SPAN_MS in `list` (oldest first), when longer than BURST_COUNT. */
function burstIn(list: FleetReport[]): FleetReport[] | null {
  let [bestStart, bestLength] = [0, 0];
  for (let start = 0, end = 0; end < list.length; end++) {
    while (list[end]!.startedAt - list[start]!.startedAt > BURST_SPAN_MS) start++;
    if (end - start + 1 > bestLength) [bestStart, bestLength] = [start, end - start + 1];
  }
  return bestLength > BURST_COUNT ? list.slice(bestStart, bestStart + bestLength) : null;
}

/**
 * The flags over `rows` (unique reports). `windowStart`: where the recent
 * window begins (ms), `now` where it ends; a device first seen in it is new. NO_DEVICE_ID
 * stands for many browsers: it is never a burst, but its first appearance in
 * an established fleet of identified devices is flagged like a new device.
 */
export function suspectRecords(rows: FleetReport[], options: { now: number; windowStart: number }): Suspect[] {
  const sorted = [...rows].sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
  const byDevice = groupBy(sorted, (r) => r.device);
  const out: Suspect[] = [];

  const earliest = sorted[0]?.startedAt ?? options.windowStart;
  const windowLength = Math.max(0, options.now - options.windowStart);
  const earlier = sorted.filter((r) => r.startedAt < options.windowStart);
  const before = new Set(earlier.map((r) => r.device));
  // Established: history reaches back at least one more window before this one, with enough reports in it.
  const established = options.windowStart - earliest >= windowLength && earlier.length >= ESTABLISHED_REPORTS;

  // A value (schema, version) is the fleet's when another device also reports it.
  const devicesWith = (pick: (r: FleetReport) => string) => {
    const by = new Map<string, Set<string>>();
    for (const r of sorted) by.set(pick(r), (by.get(pick(r)) ?? new Set()).add(r.device));
    return by;
  };
  const schemas = devicesWith((r) => r.schema);
  const versions = devicesWith((r) => r.extensionVersion);
  const fleetSize = byDevice.size;

  for (const [device, list] of byDevice) {
    if (established && list[0]!.startedAt >= options.windowStart && !before.has(device)) {
      out.push(flag('new-device', list, new Date(list[0]!.startedAt).toISOString()));
    }
    if (device !== NO_DEVICE_ID) {
      const burst = burstIn(list);
      if (burst) out.push(flag('burst', burst, String(burst.length)));
    }
    const lonely = (by: Map<string, Set<string>>, value: string) => fleetSize > SMALL_FLEET && device !== NO_DEVICE_ID && by.get(value)!.size === 1;
    for (const schema of new Set(list.map((r) => r.schema))) {
      if (!knownSchema(schema) || lonely(schemas, schema))
        out.push(
          flag(
            'unknown-schema',
            list.filter((r) => r.schema === schema),
            schema,
          ),
        );
    }
    for (const version of new Set(list.map((r) => r.extensionVersion))) {
      if (lonely(versions, version))
        out.push(
          flag(
            'unknown-version',
            list.filter((r) => r.extensionVersion === version),
            version,
          ),
        );
    }
  }
  return out.sort((a, b) => a.firstAt - b.firstAt || a.kind.localeCompare(b.kind) || a.device.localeCompare(b.device));
}
