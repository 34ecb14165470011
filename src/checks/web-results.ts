/** fetch / WebSocket evidence -> check result. */
import { phrase } from '../i18n/phrase';
import { classifyNetError } from './net-errors';
import { checkResult, seconds } from './result';
import type { CheckResult, PlannedFetchCheck, PlannedWebSocketCheck } from './types';
import type { Phrase } from '../i18n/phrase';

/** A check's detail followed by why its probe stands for the rule: "…; TCP 443 probed with an HTTPS request…". */
export function withNote(detail: Phrase, note: Phrase | null): Phrase {
  return note === null ? detail : phrase('detail_with_note', { detail, note });
}

export interface FetchEvidence {
  /** HTTP status from webRequest or the response; null when no response came. */
  httpStatus: number | null;
  /** `net::ERR_…` from webRequest.onErrorOccurred, or null. */
  netError: string | null;
  /** True when the run aborted the request at its deadline. */
  timedOut: boolean;
  durationMs: number;
}

export function fetchCheckResult(plan: PlannedFetchCheck, evidence: FetchEvidence): CheckResult {
  if (evidence.timedOut && evidence.httpStatus === null) {
    return checkResult(
      plan,
      { status: 'fail', reason: 'timeout', detail: phrase('detail_no_answer_within', { seconds: seconds(plan.deadlineMs) }) },
      evidence.durationMs,
    );
  }
  const outcome = classifyNetError(evidence.netError, evidence.httpStatus);
  return checkResult(plan, plan.note ? { ...outcome, detail: withNote(outcome.detail, plan.note) } : outcome, evidence.durationMs);
}

export interface WebSocketEvidence {
  /** The socket reached `open`. */
  opened: boolean;
  /** Status of the upgrade response, when webRequest saw one. */
  httpStatus: number | null;
  netError: string | null;
  timedOut: boolean;
  durationMs: number;
}

export function webSocketCheckResult(plan: PlannedWebSocketCheck, evidence: WebSocketEvidence): CheckResult {
  if (evidence.opened) return checkResult(plan, { status: 'pass', reason: null, detail: phrase('detail_websocket_opened') }, evidence.durationMs);
  if (evidence.timedOut && evidence.httpStatus === null) {
    return checkResult(
      plan,
      { status: 'fail', reason: 'timeout', detail: phrase('detail_no_answer_within', { seconds: seconds(plan.deadlineMs) }) },
      evidence.durationMs,
    );
  }
  // A failed WebSocket shows only net::ERR_FAILED in webRequest: it names no cause.
  if (evidence.httpStatus === null && (evidence.netError === null || evidence.netError === 'net::ERR_FAILED')) {
    return checkResult(plan, { status: 'fail', reason: 'unknown', detail: phrase('detail_websocket_failed') }, evidence.durationMs);
  }
  return checkResult(plan, classifyNetError(evidence.netError, evidence.httpStatus), evidence.durationMs);
}
