/**
 * A report read back from storage. Storage may hold what another version of
 * the extension wrote, or something damaged: a string, a report without
 * `checks`, a route this version does not know. Every reader (popup, history,
 * report page, badge) takes a stored report through `readStoredReport`, so a
 * value that the renderers cannot lay out is treated as "no report" instead of
 * crashing the page. The shape checked is what the renderers index into; enum
 * values that pick words from a table (route, method, candidate type) must be
 * known, free-form ones (a check's status or reason, which newer versions may
 * extend) only have to be strings.
 */
import { REPORT_SCHEMA, type Report } from './types';

type Check = (value: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const oneOf =
  (...values: (string | null)[]): Check =>
  (v) =>
    values.includes(v as string | null);
const list =
  (item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(item);
const strings = list(str);
const record: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(str);
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.entries(fields).every(([key, check]) => check((v as Record<string, unknown>)[key]));

const METHODS = ['lan', 'hole-punching', 'relay-udp', 'relay-tcp', 'relay-tls'] as const;

const environment = shape({
  extensionVersion: str,
  userAgent: str,
  os: nullable(str),
  arch: nullable(str),
  uiLanguage: str,
  timeZone: str,
  browser: nullable(shape({ name: str, version: str })),
  policy: shape({ managed: bool, settingsFromPolicy: strings, problems: list(shape({ field: str, message: str })) }),
  webRtcIpHandling: shape({ value: nullable(str), levelOfControl: nullable(str), limitsWebApps: bool, note: nullable(str) }),
  device: shape({ available: bool, reason: nullable(str), facts: record }),
});

const isReport = shape({
  schema: oneOf(REPORT_SCHEMA),
  id: str,
  trigger: str,
  redaction: shape({ ipAddresses: bool }),
  environment,
  profile: shape({ id: str, name: str, version: str, region: nullable(str), choices: record, errors: list(shape({ path: str, code: str, message: str })) }),
  startedAt: str,
  durationMs: num,
  deadlineMs: num,
  gatherings: list(shape({ id: str, role: str, urls: strings, gatheringComplete: bool, deadlineReached: bool, deadlineMs: num, durationMs: num, setupError: nullable(str) })),
  candidates: list(
    shape({
      gatheringId: str,
      type: oneOf('host', 'srflx', 'prflx', 'relay'),
      protocol: str,
      address: nullable(str),
      port: nullable(num),
      relatedAddress: nullable(str),
      relatedPort: nullable(num),
      relayProtocol: nullable(str),
      url: nullable(str),
      candidate: str,
      atMs: num,
    }),
  ),
  iceErrors: list(shape({ gatheringId: str, errorCode: num, errorText: str, url: str, address: nullable(str), port: nullable(num), atMs: num })),
  checks: list(shape({ id: str, ruleId: str, kind: str, target: str, transport: str, status: str, reason: nullable(str), detail: str, durationMs: nullable(num) })),
  nat: shape({ mapping: str, publicAddresses: strings, reason: str }),
  verdict: shape({
    route: oneOf('hole-punching', 'relay-udp', 'relay-tcp', 'relay-tls', 'none'),
    routeVerified: bool,
    lan: str,
    summary: str,
    methods: list(shape({ method: oneOf(...METHODS), status: str, rowId: str, reasons: list(shape({ text: str, checkIds: strings })) })),
  }),
  missingRules: list(ruleAdvice()),
  verifyRules: list(ruleAdvice()),
  truncated: (v) => v === undefined || list(shape({ field: str, kept: num, total: num }))(v),
});

function ruleAdvice(): Check {
  const firewall = shape({ direction: str, protocol: str, ports: str, destinations: strings, service: nullable(str) });
  return shape({ ruleId: str, purpose: str, required: bool, noInspection: bool, checkIds: strings, findings: strings, firewall: list(firewall), text: str });
}

/** The stored value as a report the pages can render, or null for anything else (nothing stored, another version's or a damaged value). */
export function readStoredReport(value: unknown): Report | null {
  return isReport(value) ? (value as Report) : null;
}
