/**
 * `fetch`: one HTTP(S) request from the service worker, for an https rule, or
 * for a tcp rule on port 443 or 80 of a named host (src/checks/plan-host-port.ts).
 * Any HTTP answer proves the path; webRequest names the reason of a failure,
 * for hosts the extension may access.
 */
import type { Phrase } from '../i18n/phrase';
import { localProbe } from '../profile/local-targets';
import type { CheckKind } from './check-kind';
import type { FetchEvidence } from './evidence';
import { originPattern } from './origin-pattern';
import type { CheckTarget } from './types';
import { fetchResult } from './web-evidence';

/** A fetch() from the service worker (https rules, and tcp rules on 80/443); evidence comes from webRequest. */
export interface PlannedFetchCheck extends CheckTarget {
  type: 'fetch';
  url: string;
  deadlineMs: number;
  /** Why this probe stands for the rule, when the rule is not itself an https rule. */
  note: Phrase | null;
}

export const fetchKind: CheckKind<PlannedFetchCheck, FetchEvidence> = {
  origins: (check) => [originPattern(check.url)],
  // A host in the user's own network was asked at its origin only (localProbe): judged as that request.
  judge: (check, evidence) => [fetchResult(localProbe(check), evidence)],
};
