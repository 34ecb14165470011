/**
 * The `reportEndpoint` policy key: where finished reports go (an OTLP/HTTP
 * logs endpoint of the district's own collector), with which static headers
 * (the collector's token), under which site label, for which triggers.
 * Parsed field by field like the other keys: a wrong field is a named
 * problem; without a usable `url` nothing is ever sent.
 */
import { phrase, type Phrase } from '../i18n/phrase';
import { localKind, type LocalKind } from '../profile/local-targets';
import { got, type PolicyProblems } from './problems';
import { fieldName } from '../profile/fields';
import { SEND_TRIGGERS, type ReportEndpoint, type SendTrigger } from '../settings/report-destination';

const FIELDS = ['url', 'headers', 'site', 'triggers'];
/** RFC 9110 `token`: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * Fetch's forbidden request-header names (https://fetch.spec.whatwg.org/#forbidden-request-header):
 * fetch() drops them without a word, so the collector would never see them.
 * Content-Type is ours: the body is OTLP JSON.
 */
const NOT_SETTABLE = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'access-control-request-private-network',
  'connection',
  'content-length',
  'content-type',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);
/** Method-override headers are forbidden too when they name a forbidden method (Fetch, same section). */
const METHOD_OVERRIDE = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);
const FORBIDDEN_METHOD = /^(connect|trace|track)$/i;

/** Whether the browser refuses to send `name: value` at all (fetch() leaves it out), per Fetch's forbidden request-header. */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (NOT_SETTABLE.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  return METHOD_OVERRIDE.has(lower) && value.split(',').some((method) => FORBIDDEN_METHOD.test(method.trim()));
}

/**
 * What is wrong with a header value by Fetch's syntax, or null. A header
 * value is a byte sequence: a character above U+00FF (an accented letter
 * beyond Latin-1, U+2028, an emoji) makes fetch() throw for every send, and a
 * NUL, CR or LF is refused; leading or trailing spaces and tabs are stripped,
 * so a token copied with one is not the token sent.
 */
export function headerValueProblem(value: string): 'line-break' | 'not-latin1' | 'whitespace' | null {
  if (/[\r\n\0]/.test(value)) return 'line-break';
  if ([...value].some((c) => c.codePointAt(0)! > 0xff)) return 'not-latin1';
  if (/^[ \t]|[ \t]$/.test(value)) return 'whitespace';
  return null;
}

export const MAX_SITE_LENGTH = 200;

const RANGE_PHRASES: Record<Exclude<LocalKind, 'site-name'>, Phrase> = {
  loopback: phrase('range_loopback'),
  private: phrase('range_private'),
  carrierGradeNat: phrase('range_cgnat'),
  linkLocal: phrase('range_link_local'),
  uniqueLocal: phrase('range_unique_local'),
  unspecified: phrase('range_unspecified'),
  metadata: phrase('range_metadata'),
};

/**
 * Why a collector host is refused, or null: an address on this device or its
 * network (loopback, private, link-local, CGNAT, ULA, a cloud metadata
 * service), in any form the URL standard accepts, or `localhost`. The
 * collector's token goes with every send, and a policy (or whoever wrote it)
 * must not make the browser post it to a router or the metadata service.
 * Internal names (`otel.district.internal`) pass: a district's collector may
 * well have one, and what it resolves to is not known here.
 */
function collectorRange(hostname: string): Phrase | null {
  const kind = localKind(hostname);
  if (kind === null) return null;
  if (kind !== 'site-name') return RANGE_PHRASES[kind];
  const name = hostname.replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') ? RANGE_PHRASES.loopback : null;
}

function readUrl(value: unknown, problems: PolicyProblems): string | undefined {
  const field = 'reportEndpoint.url';
  if (typeof value !== 'string' || value.trim() === '') return problems.add(field, phrase('fleet_expected_url', { got: got(value) }));
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return problems.add(field, phrase('fleet_not_a_url'));
  }
  if (url.protocol !== 'https:') return problems.add(field, phrase('fleet_not_https', { scheme: url.protocol.replace(':', '') }));
  if (url.username || url.password) return problems.add(field, phrase('fleet_url_credentials'));
  if (url.hash) return problems.add(field, phrase('fleet_url_fragment'));
  const local = collectorRange(url.hostname);
  if (local) return problems.add(field, phrase('fleet_url_local', { range: local }));
  return url.href;
}

const VALUE_PROBLEM_KEYS = {
  'line-break': 'fleet_header_line_break',
  'not-latin1': 'fleet_header_not_latin1',
  whitespace: 'fleet_header_whitespace',
} as const;

function readHeaders(value: unknown, problems: PolicyProblems): Record<string, string> {
  const field = 'reportEndpoint.headers';
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.add(field, phrase('fleet_expected_headers', { got: got(value) }));
    return {};
  }
  const headers: Record<string, string> = {};
  for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
    const path = `${field}.${fieldName(name)}`;
    // The value may be the token: problems name its type, never the value.
    if (typeof entry !== 'string' || entry === '') problems.add(path, phrase('fleet_header_value', { got: got(entry) }));
    else if (!HEADER_NAME.test(name)) problems.add(path, phrase('fleet_header_name'));
    else if (isForbiddenRequestHeader(name, entry)) problems.add(path, phrase('fleet_header_forbidden'));
    else if (headerValueProblem(entry) !== null) problems.add(path, phrase(VALUE_PROBLEM_KEYS[headerValueProblem(entry)!]));
    else Object.defineProperty(headers, name, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return headers;
}

function readSite(value: unknown, problems: PolicyProblems): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.trim() === '') return problems.add('reportEndpoint.site', phrase('fleet_expected_site', { got: got(value) })) ?? null;
  if (value.length > MAX_SITE_LENGTH) return problems.add('reportEndpoint.site', phrase('fleet_site_too_long', { max: MAX_SITE_LENGTH })) ?? null;
  return value.trim();
}

function readTriggers(value: unknown, problems: PolicyProblems): SendTrigger[] {
  const field = 'reportEndpoint.triggers';
  if (value === undefined) return [...SEND_TRIGGERS];
  if (!Array.isArray(value)) {
    problems.add(field, phrase('fleet_expected_triggers', { known: SEND_TRIGGERS.join(', '), got: got(value) }));
    return [...SEND_TRIGGERS];
  }
  const triggers: SendTrigger[] = [];
  value.forEach((entry, i) => {
    if ((SEND_TRIGGERS as readonly unknown[]).includes(entry)) {
      if (!triggers.includes(entry as SendTrigger)) triggers.push(entry as SendTrigger);
    } else
      problems.add(
        `${field}[${i}]`,
        phrase('fleet_unknown_trigger', {
          known: SEND_TRIGGERS.join(', '),
          got: typeof entry === 'string' ? phrase('fleet_quoted', { value: fieldName(entry) }) : got(entry),
        }),
      );
  });
  return triggers;
}

/** The policy's `reportEndpoint` value -> the endpoint, or undefined (nothing is sent) with the reason in `problems`. */
export function readReportEndpoint(value: unknown, problems: PolicyProblems): ReportEndpoint | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return problems.add('reportEndpoint', phrase('fleet_expected_object', { got: got(value) }));
  }
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!FIELDS.includes(key)) problems.add(`reportEndpoint.${fieldName(key)}`, phrase('fleet_unknown_field', { known: FIELDS.join(', ') }));
  }
  const url = readUrl(input.url, problems);
  const headers = readHeaders(input.headers, problems);
  const site = readSite(input.site, problems);
  const triggers = readTriggers(input.triggers, problems);
  if (url === undefined) return undefined;
  return { url, headers, site, triggers };
}
