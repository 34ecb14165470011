/**
 * The `reportEndpoint` policy key: where finished reports go (an OTLP/HTTP
 * logs endpoint of the district's own collector), with which static headers
 * (the collector's token), under which site label, for which triggers.
 * Parsed field by field like the other keys: a wrong field is a named
 * problem; without a usable `url` nothing is ever sent.
 */
import { got, type PolicyProblems } from '../policy/problems';
import { fieldName } from '../profile/fields';

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

const FIELDS = ['url', 'headers', 'site', 'triggers'];
/** RFC 9110 `token`: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * Headers fetch() refuses to set or that would change what is sent (RFC 9110, Fetch "forbidden request-header").
 * Content-Type is ours: the body is OTLP JSON.
 */
const NOT_SETTABLE = new Set([
  'accept-charset',
  'accept-encoding',
  'connection',
  'content-length',
  'content-type',
  'cookie',
  'date',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);
export const MAX_SITE_LENGTH = 200;

function readUrl(value: unknown, problems: PolicyProblems): string | undefined {
  const field = 'reportEndpoint.url';
  if (typeof value !== 'string' || value.trim() === '') return problems.add(field, `expected the https URL of an OTLP/HTTP logs endpoint, ${got(value)}`);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return problems.add(field, 'not a URL; expected e.g. https://otel.example.org:4318/v1/logs');
  }
  if (url.protocol !== 'https:')
    return problems.add(field, `not https (${url.protocol.replace(':', '')}): reports hold network details and go only over https; nothing is sent`);
  if (url.username || url.password)
    return problems.add(field, 'holds a user name or password: give the collector’s token in reportEndpoint.headers instead; nothing is sent');
  if (url.hash) return problems.add(field, 'has a #fragment: give the endpoint URL without it; nothing is sent');
  return url.href;
}

function readHeaders(value: unknown, problems: PolicyProblems): Record<string, string> {
  const field = 'reportEndpoint.headers';
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.add(field, `expected an object of header names to strings, ${got(value)}; sending without them`);
    return {};
  }
  const headers: Record<string, string> = {};
  for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
    const path = `${field}.${fieldName(name)}`;
    // The value may be the token: problems name its type, never the value.
    if (typeof entry !== 'string' || entry === '') problems.add(path, `expected a non-empty string, ${got(entry)}; the header is not sent`);
    else if (!HEADER_NAME.test(name)) problems.add(path, 'not a valid header name; the header is not sent');
    else if (NOT_SETTABLE.has(name.toLowerCase()) || /^(proxy-|sec-)/i.test(name))
      problems.add(path, 'a header the browser sets itself; the header is not sent');
    else if (/[\r\n\0]/.test(entry)) problems.add(path, 'the value holds a line break; the header is not sent');
    else Object.defineProperty(headers, name, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return headers;
}

function readSite(value: unknown, problems: PolicyProblems): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.trim() === '')
    return problems.add('reportEndpoint.site', `expected a label such as the school’s name, ${got(value)}`) ?? null;
  if (value.length > MAX_SITE_LENGTH) return problems.add('reportEndpoint.site', `longer than ${MAX_SITE_LENGTH} characters`) ?? null;
  return value.trim();
}

function readTriggers(value: unknown, problems: PolicyProblems): SendTrigger[] {
  const field = 'reportEndpoint.triggers';
  if (value === undefined) return [...SEND_TRIGGERS];
  if (!Array.isArray(value)) {
    problems.add(field, `expected a list of ${SEND_TRIGGERS.join(', ')}, ${got(value)}; sending every run`);
    return [...SEND_TRIGGERS];
  }
  const triggers: SendTrigger[] = [];
  value.forEach((entry, i) => {
    if ((SEND_TRIGGERS as readonly unknown[]).includes(entry)) {
      if (!triggers.includes(entry as SendTrigger)) triggers.push(entry as SendTrigger);
    } else
      problems.add(`${field}[${i}]`, `expected one of ${SEND_TRIGGERS.join(', ')}, ${typeof entry === 'string' ? `got “${fieldName(entry)}”` : got(entry)}`);
  });
  return triggers;
}

/** The policy's `reportEndpoint` value -> the endpoint, or undefined (nothing is sent) with the reason in `problems`. */
export function readReportEndpoint(value: unknown, problems: PolicyProblems): ReportEndpoint | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return problems.add('reportEndpoint', `expected an object with url, headers, site and triggers, ${got(value)}; nothing is sent`);
  }
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!FIELDS.includes(key)) problems.add(`reportEndpoint.${fieldName(key)}`, `unknown field; known fields: ${FIELDS.join(', ')}`);
  }
  const url = readUrl(input.url, problems);
  const headers = readHeaders(input.headers, problems);
  const site = readSite(input.site, problems);
  const triggers = readTriggers(input.triggers, problems);
  if (url === undefined) return undefined;
  return { url, headers, site, triggers };
}

/** The endpoint as pages and reports may show it. */
export function reportDestination(endpoint: ReportEndpoint): ReportDestination {
  const url = new URL(endpoint.url);
  return { endpoint: `${url.origin}${url.pathname}`, site: endpoint.site, triggers: endpoint.triggers, headerNames: Object.keys(endpoint.headers) };
}
