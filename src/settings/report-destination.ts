/**
 * Where an admin's policy sends finished reports (the `reportEndpoint` key,
 * parsed in src/policy/report-endpoint.ts), and the part of it pages and
 * reports may show.
 */
/** The run triggers an admin may choose to send; `automation` (a script naming a profile) is never sent. */
export const SEND_TRIGGERS = ['schedule', 'startup', 'user'] as const;
export type SendTrigger = (typeof SEND_TRIGGERS)[number];

export interface ReportEndpoint {
  /** https URL of the OTLP/HTTP logs endpoint, e.g. `https://otel.district.example:4318/v1/logs`. */
  url: string;
  /** Static request headers (e.g. `Authorization`). Secrets: never shown on a page, never in a report, log or message. */
  headers: Record<string, string>;
  /** A label for the device's site (a school's name); null when the policy gives none. */
  site: string | null;
  /** Which runs are sent; all three unless the policy names some. */
  triggers: SendTrigger[];
}

/** What pages and reports may know of the endpoint: no header value, no query string (it may hold a key). */
export interface ReportDestination {
  /** Origin and path of the endpoint, e.g. `https://otel.district.example:4318/v1/logs`. */
  endpoint: string;
  site: string | null;
  triggers: SendTrigger[];
  /** Names of the static headers, never their values. */
  headerNames: string[];
}

/** The endpoint as pages and reports may show it. */
export function reportDestination(endpoint: ReportEndpoint): ReportDestination {
  const url = new URL(endpoint.url);
  return { endpoint: `${url.origin}${url.pathname}`, site: endpoint.site, triggers: endpoint.triggers, headerNames: Object.keys(endpoint.headers) };
}
