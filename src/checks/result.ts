import type { CheckOutcome, CheckResult, CheckTarget, PlannedUntestable } from './types';

export function checkResult(target: CheckTarget, outcome: CheckOutcome, durationMs: number | null): CheckResult {
  return {
    id: target.checkId,
    ruleId: target.ruleId,
    kind: target.kind,
    target: target.target,
    transport: target.transport,
    status: outcome.status,
    reason: outcome.reason,
    detail: outcome.detail,
    ...(outcome.evidence ? { evidence: outcome.evidence } : {}),
    durationMs,
    ...(target.reference ? { reference: true as const } : {}),
  };
}

export function untestableResult(plan: PlannedUntestable): CheckResult {
  return checkResult(plan, plan.outcome, null);
}

/** "5 s", "2.5 s", "1.75 s": how people read a deadline (to the hundredth, never rounded up past what was waited). */
export function seconds(ms: number): string {
  return `${Math.floor(ms / 10) / 100} s`;
}
