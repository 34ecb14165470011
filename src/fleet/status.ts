/**
 * What sending to the collector looks like from the options page: counts and
 * the named problems of the last attempts. Written by the service worker in
 * the same storage write as the queue; no header value or report in it.
 */

import { isFormattableDate } from '../report/limits';

/**
 * Named problems, each shown in the options page with its own words:
 * - `unreachable`: no answer (address, port, DNS, TLS certificate);
 * - `cors-refused`: the collector answered, but the CORS preflight failed: it does not allow this extension's origin
 *   (cors.allowed_origins) or it answered the preflight with a redirect; a browser cannot tell the two apart
 *   without host access (measured, docs/measured.md), so the words name both;
 * - `slow`: no answer within SEND_TIMEOUT_MS;
 * - `redirect`: the endpoint answered with a redirect, which is not followed (the token would go elsewhere);
 * - `http-error`: a 4xx/5xx the collector may stop giving (401, 403, 404, 500…): kept and retried;
 * - `busy`: 429/502/503/504, the OTLP "retry later" codes: kept and retried;
 * - `rejected`: 400, the collector cannot use the record: dropped (retrying cannot help);
 * - `too-large`: 413: dropped;
 * - `partially-rejected`: 2xx with OTLP partialSuccess.rejectedLogRecords > 0;
 * - `queue-full`: the queue was at its bound and the oldest report was dropped;
 * - `clock-changed`: the device clock moved back; waiting times were reset;
 * - `resent`: a send was cut off by the worker stopping; it was sent again with the same log.record.uid;
 * - `header-refused`: the browser refused to build the request (a header value it cannot send, e.g. beyond Latin-1): nothing left the device.
 */
export const SEND_PROBLEM_CODES = [
  'unreachable',
  'cors-refused',
  'slow',
  'redirect',
  'http-error',
  'busy',
  'rejected',
  'too-large',
  'partially-rejected',
  'queue-full',
  'clock-changed',
  'resent',
  'header-refused',
] as const;
export type SendProblemCode = (typeof SEND_PROBLEM_CODES)[number];

export interface SendProblem {
  code: SendProblemCode;
  /** ISO 8601, when it last happened. */
  at: string;
  /** HTTP status, when an answer carried one. */
  status?: number;
  /** How many times it happened (dropped reports for queue-full). */
  count: number;
}

export interface SendStatus {
  /** Reports waiting to be sent. */
  queued: number;
  /** Reports the collector accepted, since install. */
  sent: number;
  /** Reports given up: oldest dropped at the bound, or refused for good (400, 413). */
  dropped: number;
  /** ISO 8601 of the last accepted send; null before the first. */
  lastSentAt: string | null;
  /** ISO 8601 of the next retry; null when nothing waits. */
  nextAttemptAt: string | null;
  /** Most recent first, one per code. */
  problems: SendProblem[];
}

/**
 * The storage.local key of the status (STORAGE_KEYS.reportSendStatus, src/contract/storage-keys.ts, says the
 * same; a test keeps them equal). The options page reads it by this name so that it does not share the key
 * list's chunk with the popup and the service worker: that split alone grew the popup's JavaScript.
 */
export const SEND_STATUS_STORAGE_KEY = 'reportSendStatus';

export const EMPTY_SEND_STATUS: SendStatus = { queued: 0, sent: 0, dropped: 0, lastSentAt: null, nextAttemptAt: null, problems: [] };

/** Problems that only say "the last attempt failed": a successful send clears them; the others record lost or changed data and stay. */
export const TRANSIENT_PROBLEMS: readonly SendProblemCode[] = ['unreachable', 'cors-refused', 'slow', 'redirect', 'http-error', 'busy'];

/** `status` with `problem` recorded (replacing an older one of the same code, counts added up). */
export function withProblem(status: SendStatus, code: SendProblemCode, at: number, extra: { status?: number; count?: number } = {}): SendStatus {
  const previous = status.problems.find((p) => p.code === code);
  const problem: SendProblem = {
    code,
    at: new Date(at).toISOString(),
    ...(extra.status !== undefined ? { status: extra.status } : {}),
    count: (previous?.count ?? 0) + (extra.count ?? 1),
  };
  return { ...status, problems: [problem, ...status.problems.filter((p) => p.code !== code)] };
}

/** A stored status from any version, or the empty one: storage may hold anything. */
export function readSendStatus(value: unknown): SendStatus {
  if (typeof value !== 'object' || value === null) return { ...EMPTY_SEND_STATUS };
  const v = value as Partial<SendStatus>;
  const num = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : 0);
  // The options page formats these dates: one that does not exist (month 13) is dropped, never shown as "Invalid Date".
  const date = (s: unknown) => (isFormattableDate(s) ? s : null);
  const problems = Array.isArray(v.problems)
    ? v.problems.filter(
        (p): p is SendProblem =>
          typeof p === 'object' &&
          p !== null &&
          (SEND_PROBLEM_CODES as readonly unknown[]).includes(p.code) &&
          isFormattableDate(p.at) &&
          typeof p.count === 'number',
      )
    : [];
  return { queued: num(v.queued), sent: num(v.sent), dropped: num(v.dropped), lastSentAt: date(v.lastSentAt), nextAttemptAt: date(v.nextAttemptAt), problems };
}
