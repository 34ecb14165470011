/**
 * What a user (options page) or an admin (managed policy) can set. The
 * service worker merges the two — policy wins and locks what it sets — and
 * every page reads the merged view; no page merges on its own.
 */
import type { Phrase } from '../i18n/phrase';
import type { Profile, ProfileError } from '../profile/types';
import type { ReportDestination, ReportEndpoint } from './report-destination';
import { DEFAULT_DEADLINE_MS } from '../checks/deadline';

export interface Settings {
  /** A built-in profile id (`senso`, ...) or the id of a custom profile. */
  profileId: string;
  /** Region and profile options, e.g. `{ region: 'eu' }`, `{ connection: 'legacy' }`. */
  choices: Record<string, string>;
  deadlineMs: number;
  /** Replace IP addresses with placeholders in the ticket text and exports by default. */
  redactIpsInExports: boolean;
  /** Run once when the browser starts (policy only; off by default). */
  runOnStartup: boolean;
  /** Run every N minutes via chrome.alarms; null = never (policy only; off by default). */
  runEveryMinutes: number | null;
}
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  profileId: 'senso',
  choices: {},
  deadlineMs: DEFAULT_DEADLINE_MS,
  redactIpsInExports: true,
  runOnStartup: false,
  runEveryMinutes: null,
};

/** One thing wrong with the managed policy; the rest of it still applies. */
export interface PolicyProblem {
  /** The policy key, e.g. `deadlineMs` or `customProfile.rules[2].ports`. */
  field: string;
  /** What is wrong, as a phrase (`policy_expected_whole_number`, …): never the value, which may be a secret. */
  message: Phrase;
}

/** What managed policy sets, already validated; fields it does not set are absent. */
export interface PolicyOverlay {
  /** Whether `storage.managed` holds anything for us at all. */
  managed: boolean;
  settings: Partial<Settings>;
  /** Setting keys the admin locked (a policy value is always locked). */
  locked: SettingKey[];
  /** A complete profile pushed by the admin; users never see its credentials. */
  customProfile: Profile | null;
  problems: PolicyProblem[];
  /** Initial values the user may change (`lockProfile: false`): applied under the user's own settings. */
  defaults?: Partial<Settings>;
  /** Rule id -> concrete host to probe for a tcp/udp rule with wildcard or range hosts. */
  probeHosts?: Record<string, string>;
  /** Rule id -> TURN credentials; applied to the run only, never shown on a page or written to a report. */
  turnCredentials?: Record<string, TurnCredentials>;
  /** Where finished reports are sent (issue 19); its headers are secrets, like turnCredentials. */
  reportEndpoint?: ReportEndpoint;
}

export interface TurnCredentials {
  username: string;
  credential: string;
}

export const NO_POLICY: Readonly<PolicyOverlay> = { managed: false, settings: {}, locked: [], customProfile: null, problems: [] };

/** A profile the user imported on the options page, as stored. */
export interface StoredProfile {
  profile: Profile;
  importedAt: string;
  /** What the validator dropped when it was imported. */
  errors: ProfileError[];
}

/** What every page reads: the merged settings and where each came from. */
export interface SettingsView {
  effective: Settings;
  locked: SettingKey[];
  managed: boolean;
  policyProblems: PolicyProblem[];
  /** User-imported profiles plus the policy's custom profile (if any), credentials removed. */
  customProfiles: Profile[];
  /** The id of the custom profile the policy pushed: pages offer no Delete for it. */
  policyProfileId?: string | null;
  /** Ids of the rules that receive relay credentials from policy (names only, never the values). */
  policyCredentialRules?: string[];
  /**
   * For each custom profile, the host patterns its HTTPS/WSS probes need, by
   * region ('' = none chosen): the popup asks for the missing ones inside the
   * user's gesture without loading the planner (its 25 KB budget).
   */
  probeOrigins?: Record<string, Record<string, string[]>>;
  /** Where the policy sends reports (no header value, no query string); null: reports stay on this device. */
  reportDestination?: ReportDestination | null;
}
