/**
 * A finished report -> one OTLP log record, serialized by the OpenTelemetry
 * JS transformer (`JsonLogsSerializer`: OTLP/HTTP JSON, the encoding every
 * collector's OTLP/HTTP receiver accepts and the one its file exporter
 * writes). The body is the report JSON as one string (queried with
 * json_extract in docs/fleet.md); the attributes carry what a fleet query
 * groups by, so a collector can route or index without parsing the body.
 */
import { JsonLogsSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type { Attributes, HrTime } from '@opentelemetry/api';
import type { Report } from '../report/types';
import type { ReportEndpoint } from '../settings/report-destination';
import { statusOf, type StatusInput } from '../view/status';

/** `service.name` of every record; collectors route on it. */
export const SERVICE_NAME = 'webrtc-network-check';
/** The log record's event name (OTLP `eventName`): one per finished report. */
export const EVENT_NAME = 'wnc.report';

/** OTLP SeverityNumber (logs data model): INFO 9, WARN 13, ERROR 17. */
const SEVERITY = { INFO: 9, WARN: 13, ERROR: 17 } as const;

function hrTime(ms: number): HrTime {
  const seconds = Math.floor(ms / 1000);
  return [seconds, Math.round((ms - seconds * 1000) * 1e6)];
}

/**
 * docs/fleet.md, from the report's one status (src/view/status.ts): ERROR when
 * calls will not connect; INFO when calls connect on a proven route and nobody
 * has anything to do (a proven relay too: slower, but calls work); WARN for
 * everything between (a blocked service, missing rules, an unproven route,
 * another cause's finding, nothing testable, a device off the network).
 */
export function severity(report: StatusInput): keyof typeof SEVERITY {
  const status = statusOf(report);
  if (status.kind === 'no-calls') return 'ERROR';
  const calm =
    (status.kind === 'direct' || status.kind === 'relayed') && status.tone !== 'unknown' && report.verdict.routeVerified && status.actor === 'nobody';
  return calm ? 'INFO' : 'WARN';
}

/**
 * The record's attributes: `log.record.uid` (OpenTelemetry semantic
 * conventions: records with the same uid are duplicates and may be dropped)
 * is the report id, so a record sent twice is recognised downstream.
 */
export function recordAttributes(report: Report, endpoint: Pick<ReportEndpoint, 'site'>): Attributes {
  const status = statusOf(report);
  const causes = [...new Set(report.checks.map((c) => c.cause).filter((c): c is NonNullable<typeof c> => c !== null))];
  const device = Object.fromEntries(Object.entries(report.environment.device.facts).map(([key, value]) => [`wnc.device.${key}`, value]));
  return {
    'log.record.uid': report.id,
    'wnc.report.schema': report.schema,
    'wnc.trigger': report.trigger,
    ...(endpoint.site !== null ? { 'wnc.site': endpoint.site } : {}),
    'wnc.profile.id': report.profile.id,
    'wnc.profile.version': report.profile.version,
    'wnc.route': report.verdict.route,
    'wnc.route_verified': report.verdict.routeVerified,
    'wnc.outcome': report.outcome.tone,
    // The status the popup, badge and ticket show, and who its next step is for (src/view/status.ts).
    'wnc.status': status.kind,
    'wnc.next_actor': status.actor,
    'wnc.missing_rules.count': report.missingRules.length,
    'wnc.missing_rules.ids': report.missingRules.map((r) => r.ruleId),
    'wnc.causes': causes,
    'wnc.ip_redacted': report.redaction.ipAddresses,
    ...device,
  };
}

/**
 * The OTLP/HTTP JSON request body (`ExportLogsServiceRequest`) for one report.
 * `report` is the copy to send (already redacted per policy); `observedAt` is
 * when it was queued (ms since the epoch), the record's `observedTimeUnixNano`.
 */
export function otlpLogsRequest(report: Report, endpoint: Pick<ReportEndpoint, 'site'>, observedAt: number): string {
  const version = report.environment.extensionVersion;
  const level = severity(report);
  const record: ReadableLogRecord = {
    hrTime: hrTime(Date.parse(report.startedAt)),
    hrTimeObserved: hrTime(observedAt),
    severityNumber: SEVERITY[level],
    severityText: level,
    eventName: EVENT_NAME,
    body: JSON.stringify(report),
    resource: resourceFromAttributes({ 'service.name': SERVICE_NAME, 'service.version': version }),
    instrumentationScope: { name: SERVICE_NAME, version },
    attributes: recordAttributes(report, endpoint),
    droppedAttributesCount: 0,
  };
  return new TextDecoder().decode(JsonLogsSerializer.serializeRequest([record]));
}

/** A collector's answer body -> how many records it rejected and why (OTLP partial success); null when it took them all. */
export function partialRejection(body: Uint8Array): { rejected: number; message: string } | null {
  const response = JsonLogsSerializer.deserializeResponse(body);
  const partial = response.partialSuccess;
  const rejected = Number(partial?.rejectedLogRecords ?? 0);
  if (!partial || !(rejected > 0)) return null;
  return { rejected, message: partial.errorMessage ?? '' };
}
