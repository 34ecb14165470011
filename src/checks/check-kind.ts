import type { CheckResult } from './types';

/**
 * What the core knows about one kind of planned check (`PlannedCheck['type']`),
 * beside the browser glue that probes it (`background/probes/`): pure, so a unit
 * test gives it evidence and reads the results. `C` is the kind's planned shape,
 * `E` the raw evidence its probe hands back. Registered in `CHECK_KINDS`
 * (src/checks/kinds.ts).
 */
export interface CheckKind<C, E> {
  /**
   * Match patterns (`https://host/*`) of the hosts this check's probe contacts
   * whose webRequest events explain a failure: the host permissions it needs.
   * Empty when the browser needs none (WebRTC is not subject to them).
   */
  origins(check: C): string[];
  /** The probe's evidence -> the check's results, one per target it asks, in target order. */
  judge(check: C, evidence: E): CheckResult[];
}
