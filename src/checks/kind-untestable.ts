/**
 * `untestable`: a rule, or part of one, a browser cannot test (a raw UDP range,
 * a port on the browser's blocked list, a host the vendor did not name). The
 * result is known when the plan is made (src/checks/untestable.ts builds it),
 * so the probe runs nothing.
 */
import type { CheckKind } from './check-kind';
import { untestableResult } from './result';
import type { CheckOutcome, CheckTarget } from './types';

/** Nothing to run: the result is known from the plan. */
export interface PlannedUntestable extends CheckTarget {
  type: 'untestable';
  outcome: CheckOutcome;
}

export const untestableKind: CheckKind<PlannedUntestable, null> = {
  origins: () => [],
  judge: (check) => [untestableResult(check)],
};
