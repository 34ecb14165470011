import { judgeCheck, type CheckOf, type CheckType } from '../../src/checks/kinds';
import { plannedTargets } from '../../src/checks/plan';
import type { CheckResult, PlannedCheck } from '../../src/checks/types';
import { probeCheck } from '../probes';
import { probeRun, type IceGathering, type ProbeRun } from '../probes/probe-run';

export type { IceGathering } from '../probes/probe-run';

export interface RunEvidence {
  results: CheckResult[];
  gatherings: IceGathering[];
}

/** Called as each check finishes, so the popup can tick it off while the run goes on. */
export type OnCheckDone = (result: CheckResult, done: number, total: number) => void;

/** How many results a plan yields: an ICE check gives one per server it asks. */
export function expectedResults(plan: PlannedCheck[]): number {
  return plannedTargets(plan).length;
}

/** One check: its kind's probe (background/probes/), then its kind's judge (src/checks/kinds.ts). */
async function runCheck<T extends CheckType>(type: T, check: CheckOf<T>, run: ProbeRun): Promise<CheckResult[]> {
  return judgeCheck(type, check, await probeCheck(type, check, run));
}

/**
 * Runs every planned check at once (each has its own deadline, so the run
 * ends within one deadline plus overhead, two when a check had to be retried
 * in a fresh offscreen document) and reports each as it finishes.
 */
export async function runChecks(plan: PlannedCheck[], onDone: OnCheckDone): Promise<RunEvidence> {
  const total = expectedResults(plan);
  const run = probeRun();
  const results: CheckResult[] = [];
  const done = (finished: CheckResult[]) => {
    for (const r of finished) {
      results.push(r);
      onDone(r, results.length, total);
    }
  };

  await Promise.all(plan.map(async (check) => done(await runCheck(check.type, check, run))));
  // Report order follows the plan, not the finishing order. Evidence across
  // checks (a proxy's 407, a name that did not resolve) is weighed in buildReport.
  const order = new Map(plannedTargets(plan).map((target, i) => [target.checkId, i]));
  results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { results, gatherings: run.gatherings };
}
