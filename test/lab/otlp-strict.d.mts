/** Types of ./otlp-strict.mjs (plain JavaScript, run by the lab's receiver without a build). */
export interface LogsRequestType {
  readonly name: string;
}
export function loadLogsRequestType(): LogsRequestType;
/** The decoded request (64-bit integers as strings, ids as hex); throws OtlpError naming the first path that is wrong. */
export function decodeLogsRequest(type: LogsRequestType, contentType: string | undefined, body: Uint8Array): OtlpLogsRequest;
/** The body as encoded by its Content-Type: gzip undone for `Content-Encoding: gzip`, at most `maxBytes` unpacked; throws OtlpError for another encoding or a broken body. */
export function decodeBody(contentEncoding: string | undefined, body: Uint8Array, maxBytes: number): Uint8Array;
export class OtlpError extends Error {}

export interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string;
  doubleValue?: number;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: { key: string; value?: OtlpAnyValue }[] };
}
export interface OtlpLogRecord {
  timeUnixNano?: string;
  observedTimeUnixNano?: string;
  severityNumber?: number;
  severityText?: string;
  eventName?: string;
  body?: OtlpAnyValue;
  attributes?: { key: string; value?: OtlpAnyValue }[];
}
export interface OtlpLogsRequest {
  resourceLogs?: {
    resource?: { attributes?: { key: string; value?: OtlpAnyValue }[] };
    scopeLogs?: { scope?: { name?: string; version?: string }; logRecords?: OtlpLogRecord[] }[];
  }[];
}
