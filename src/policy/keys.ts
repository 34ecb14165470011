/**
 * The policy keys an admin can push. Their schema, with a title and a
 * description each, is declared in src/policy/managed-schema.ts as a
 * `Record<PolicyKey, …>` (so the compiler keeps the two equal) and written to
 * public/managed-schema.json by scripts/shapes.mjs.
 */
import { MAX_DEADLINE_MS, MIN_DEADLINE_MS } from '../checks/deadline';
export const POLICY_KEYS = [
  'profileId',
  'region',
  'profileOptions',
  'lockProfile',
  'probeHosts',
  'turnCredentials',
  'customProfile',
  'deadlineMs',
  'runOnStartup',
  'runEveryMinutes',
  'redactIpsInExports',
  'reportEndpoint',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

/** Same bounds as a `run` message's `options.deadlineMs` (background/run/run-request.ts). */
export const DEADLINE_MS = { min: MIN_DEADLINE_MS, max: MAX_DEADLINE_MS } as const;
/** chrome.alarms fires at most every 30 s for packed extensions; a week is the longest period worth scheduling. */
export const RUN_EVERY_MINUTES = { min: 1, max: 10_080 } as const;
