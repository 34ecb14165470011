/**
 * The probe of every kind of planned check: the browser glue that gathers a
 * check's raw evidence, which the kind's judge in the core (`CHECK_KINDS`,
 * src/checks/kinds.ts) turns into results. Typed over `PlannedCheck['type']`:
 * a kind without its probe fails `npm run typecheck`.
 */
import type { CheckOf, CheckType, EvidenceOf } from '../../src/checks/kinds';
import { probeFetchCheck } from './fetch';
import { probeIce } from './ice';
import type { ProbeRun } from './probe-run';
import { probeWebSocketCheck } from './wss';

/** Runs one check of kind `T` and hands back what the browser showed; never rejects for a network failure (that is evidence). */
export type Probe<T extends CheckType> = (check: CheckOf<T>, run: ProbeRun) => Promise<EvidenceOf<T>>;

export const PROBES = {
  ice: probeIce,
  fetch: probeFetchCheck,
  wss: probeWebSocketCheck,
  // Nothing to run: the result is known from the plan.
  untestable: () => Promise.resolve(null),
} satisfies { [T in CheckType]: Probe<T> };

const probes: { [T in CheckType]: Probe<T> } = PROBES;

/** The evidence of one check, from its kind's probe. */
export function probeCheck<T extends CheckType>(type: T, check: CheckOf<T>, run: ProbeRun): Promise<EvidenceOf<T>> {
  return probes[type](check, run);
}
