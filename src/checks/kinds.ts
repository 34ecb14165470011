/**
 * Every kind of planned check, one registration each. A kind is a module pair:
 * its shape, host permissions and judge here in the core (`src/checks/kind-<kind>.ts`),
 * its probe in the browser glue (`background/probes/`, registered in `PROBES`).
 * Both registries are typed over `PlannedCheck['type']`, so a kind added to the
 * union and left out of either fails `npm run typecheck`
 * (test/unit/check-kinds.test.ts proves it); the run (background/run/run-checks.ts)
 * and the host permissions (src/checks/probe-origins.ts) look the kind up here.
 */
import type { CheckKind } from './check-kind';
import { fetchKind, type PlannedFetchCheck } from './kind-fetch';
import { iceKind, type PlannedIceCheck } from './kind-ice';
import { untestableKind, type PlannedUntestable } from './kind-untestable';
import { webSocketKind, type PlannedWebSocketCheck } from './kind-wss';
import type { CheckResult } from './types';

/** One thing the run does (or, for `untestable`, knows without doing). */
export type PlannedCheck = PlannedIceCheck | PlannedFetchCheck | PlannedWebSocketCheck | PlannedUntestable;

/** The kinds, by name: `ice`, `fetch`, `wss`, `untestable`. */
export type CheckType = PlannedCheck['type'];

/** The planned shape of one kind. */
export type CheckOf<T extends CheckType> = Extract<PlannedCheck, { type: T }>;

/** The core half of every kind (host permissions and judge), by check type. */
export const CHECK_KINDS = {
  ice: iceKind,
  fetch: fetchKind,
  wss: webSocketKind,
  untestable: untestableKind,
} satisfies { [T in CheckType]: CheckKind<CheckOf<T>, never> };

/** The raw evidence the probe of one kind hands to its judge. */
export type EvidenceOf<T extends CheckType> = (typeof CHECK_KINDS)[T] extends CheckKind<never, infer E> ? E : never;

/** The registry seen per kind, so that a kind's check and evidence stay paired through a generic call. */
const kinds: { [T in CheckType]: CheckKind<CheckOf<T>, EvidenceOf<T>> } = CHECK_KINDS;

/** The host permissions one planned check needs (`CheckKind.origins`). */
export function originsOf(check: PlannedCheck): string[] {
  return originsOfKind(check.type, check);
}

function originsOfKind<T extends CheckType>(type: T, check: CheckOf<T>): string[] {
  return kinds[type].origins(check);
}

/** The results of one check from its probe's evidence (`CheckKind.judge`). */
export function judgeCheck<T extends CheckType>(type: T, check: CheckOf<T>, evidence: EvidenceOf<T>): CheckResult[] {
  return kinds[type].judge(check, evidence);
}
