/**
 * A fleet summary row read off an OTLP log record's own attributes, without
 * parsing the report JSON in its body: the extension writes every field
 * `fleetRow` (src/fleet/summary.ts) reads as an attribute (src/fleet/record.ts
 * `recordAttributes`), and parsing the body was half of `npm run fleet`'s time
 * over 100,000 records (issue 26). A record without them (another writer, a
 * version before these attributes) gives null and its body is read instead;
 * test/unit/record-row.test.ts holds both readings equal on every captured report.
 */
import { NO_DEVICE_ID, NO_SITE, type FleetReport } from './summary';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** OTLP/JSON attribute values (AnyValue): string, bool, or an array of strings. */
function attributeMap(list: unknown): Map<string, unknown> {
  const map = new Map<string, unknown>();
  if (!Array.isArray(list)) return map;
  for (const a of list) {
    if (!isObject(a) || typeof a.key !== 'string' || !isObject(a.value)) continue;
    const v = a.value;
    if (typeof v.stringValue === 'string') map.set(a.key, v.stringValue);
    else if (typeof v.boolValue === 'boolean') map.set(a.key, v.boolValue);
    else if (isObject(v.arrayValue) && Array.isArray(v.arrayValue.values))
      map.set(
        a.key,
        v.arrayValue.values.flatMap((x) => (isObject(x) && typeof x.stringValue === 'string' ? [x.stringValue] : [])),
      );
  }
  return map;
}

/** The attributes every row needs; a record missing one is read from its body. */
const NEEDED = ['log.record.uid', 'wnc.report.schema', 'wnc.trigger', 'wnc.route', 'wnc.route_verified', 'wnc.outcome', 'wnc.missing_rules.ids', 'wnc.causes'];

/**
 * `record` is one `logRecords[]` entry, `resource` its `resourceLogs[].resource`.
 * Returns the row, or null when the attributes do not carry it.
 */
export function rowFromRecord(record: Record<string, unknown>, resource: unknown): FleetReport | null {
  const at = attributeMap(record.attributes);
  if (NEEDED.some((k) => !at.has(k)) || typeof record.timeUnixNano !== 'string' || !/^\d{7,}$/.test(record.timeUnixNano)) return null;
  const str = (k: string) => (typeof at.get(k) === 'string' ? (at.get(k) as string) : null);
  const list = (k: string) => (Array.isArray(at.get(k)) ? (at.get(k) as string[]) : []);
  const fact = (name: string) => str(`wnc.device.${name}`) || null;
  const key = fact('directoryDeviceId') ?? fact('serialNumber') ?? fact('assetId') ?? fact('hostname');
  const label = [fact('hostname'), fact('assetId'), fact('annotatedLocation')].filter(Boolean).join(' · ');
  const version = attributeMap(isObject(resource) ? resource.attributes : undefined).get('service.version');
  const id = str('log.record.uid');
  const route = str('wnc.route');
  if (!id || !route) return null;
  return {
    id,
    site: str('wnc.site') || NO_SITE,
    device: key ?? NO_DEVICE_ID,
    deviceLabel: label || key || NO_DEVICE_ID,
    // Nanoseconds as a decimal string, from a time in whole milliseconds (record.ts `hrTime`).
    startedAt: Number(record.timeUnixNano.slice(0, -6)),
    trigger: str('wnc.trigger') ?? 'unknown',
    route,
    routeVerified: at.get('wnc.route_verified') === true,
    tone: str('wnc.outcome') ?? 'unknown',
    missingRules: [...new Set(list('wnc.missing_rules.ids'))].sort(),
    causes: [...new Set(list('wnc.causes'))].sort(),
    extensionVersion: typeof version === 'string' ? version : 'unknown',
    schema: str('wnc.report.schema') ?? 'unknown',
  };
}
