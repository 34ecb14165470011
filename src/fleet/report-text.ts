/**
 * Reading stored records: the report documents an OTLP logs request holds,
 * and the fleet's fast read of a report: its text built only as far as
 * fleetRow() reads it, in one pass that still checks the whole text is JSON
 * (src/fleet/json-scan.ts says why). The shape keeps every value fleetRow()
 * looks at, so its row is the row JSON.parse would give:
 * src/fleet/report-text.test.ts holds the two equal over the captured reports
 * and broken copies of them.
 */
import { readPicked, type Pick } from './json-scan';
import { EVENT_NAME } from './record';
import { fleetRow, type FleetReport } from './summary';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const only = (...names: string[]): Pick => ({ members: Object.fromEntries(names.map((n) => [n, 'value' as const])) });

/**
 * What fleetRow() (src/fleet/summary.ts) reads of a report. A field read
 * there must be added here: the equality test fails until it is.
 */
const FLEET_ROW_READS: Pick = {
  members: {
    id: 'value',
    startedAt: 'value',
    trigger: 'value',
    schema: 'value',
    environment: 'value',
    verdict: only('route', 'routeVerified'),
    outcome: only('tone'),
    checks: { each: only('cause') },
    otherCauses: { each: only('cause') },
    missingRules: { each: only('ruleId') },
  },
};

/**
 * The report in `text` reduced to what fleetRow() reads; `decode` as
 * readPicked() takes it. Throws (SyntaxError) on text that is not JSON.
 */
export function reportForFleetRow(text: string, decode?: (text: string) => string): unknown {
  return readPicked(text, FLEET_ROW_READS, decode);
}

/**
 * The report documents in one parsed JSON value: an OTLP logs request's
 * wnc.report bodies (each read by `parseBody`; null for one that is not
 * JSON), or the value itself when it is a report.
 */
export function reportDocuments(value: unknown, parseBody: (text: string) => unknown = JSON.parse): unknown[] {
  if (!isObject(value)) return [];
  if (Array.isArray(value.resourceLogs)) {
    const docs: unknown[] = [];
    for (const rl of value.resourceLogs)
      for (const sl of isObject(rl) && Array.isArray(rl.scopeLogs) ? rl.scopeLogs : [])
        for (const rec of isObject(sl) && Array.isArray(sl.logRecords) ? sl.logRecords : []) {
          if (!isObject(rec) || rec.eventName !== EVENT_NAME || !isObject(rec.body) || typeof rec.body.stringValue !== 'string') continue;
          try {
            docs.push(parseBody(rec.body.stringValue));
          } catch {
            docs.push(null);
          }
        }
    return docs;
  }
  return typeof value.schema === 'string' && value.schema.startsWith('webrtc-network-check/report@') ? [value] : [];
}

/**
 * The fleet row of each report document in one parsed JSON value (see
 * reportDocuments; `parseBody` reads each record's body), handed to `row`,
 * or why a document is none, handed to `skip`.
 */
export function forEachRow(
  value: unknown,
  parseBody: ((text: string) => unknown) | undefined,
  row: (r: FleetReport) => void,
  skip: (why: string) => void,
): void {
  for (const doc of reportDocuments(value, parseBody)) {
    const r = fleetRow(doc);
    if ('skipped' in r) skip(r.skipped);
    else row(r);
  }
}
