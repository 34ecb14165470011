import { phrase, type Phrase } from '../i18n/phrase';
import type { CheckResult } from './types';

/** "turn:a.example:3478: no answer within 5 s (701 …)": a check's target, detail and the browser's words, as one phrase. */
export function checkLine(c: Pick<CheckResult, 'target' | 'detail' | 'evidence'>): Phrase {
  const detail = c.evidence ? phrase('check_detail_evidence', { detail: c.detail, evidence: c.evidence }) : c.detail;
  return phrase('check_target_detail', { target: c.target, detail });
}
