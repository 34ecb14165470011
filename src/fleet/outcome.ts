/**
 * One attempt's answer -> what happens to the report. Follows OTLP/HTTP's
 * rules (opentelemetry-proto, docs/specification.md "Failures"): 429, 502,
 * 503 and 504 are "retry later"; 400 means the data cannot be used, so it is
 * dropped; 413 too. Other refusals (401, 403, 404, 500…) mostly mean a
 * collector or token being set up: the report is kept and retried with
 * backoff rather than lost.
 */
import type { AttemptResult } from './queue';

/** An attempt with no answer after this long is `slow` and retried. */
export const SEND_TIMEOUT_MS = 20_000;

export type AttemptAnswer =
  /** fetch resolved. `type` is the Response's: `opaqueredirect` for a redirect not followed. */
  | { kind: 'response'; status: number; type: string; partialRejected?: number }
  /** fetch threw; `answered`: a no-cors request to the same URL got an (opaque) answer, so the server is up and CORS refused us. */
  | { kind: 'failed'; answered: boolean }
  /** The browser refused to build the request before any network I/O (a header value it cannot send): the policy's headers must change. */
  | { kind: 'refused-by-browser' }
  | { kind: 'timeout' };

export function attemptResult(answer: AttemptAnswer): AttemptResult {
  if (answer.kind === 'timeout') return { action: 'retry', problem: 'slow' };
  if (answer.kind === 'refused-by-browser') return { action: 'retry', problem: 'header-refused' };
  if (answer.kind === 'failed') return { action: 'retry', problem: answer.answered ? 'cors-refused' : 'unreachable' };
  const { status } = answer;
  if (answer.type === 'opaqueredirect' || (status >= 300 && status < 400)) return { action: 'retry', problem: 'redirect', ...(status > 0 ? { status } : {}) };
  if (status >= 200 && status < 300) return answer.partialRejected ? { action: 'done', partial: { rejected: answer.partialRejected } } : { action: 'done' };
  if (status === 413) return { action: 'drop', problem: 'too-large', status };
  if (status === 400) return { action: 'drop', problem: 'rejected', status };
  if ([429, 502, 503, 504].includes(status)) return { action: 'retry', problem: 'busy', status };
  return { action: 'retry', problem: 'http-error', status };
}
