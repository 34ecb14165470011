/**
 * The report: one JSON document per run, documented by docs/report.schema.json.
 * The popup and the exports render it; they never recompute it. It holds no
 * secret: credentials are never copied in, and stripped again if they slip in.
 */
import type { RuleAdvice } from '../checks/missing-rules';
import type { CheckResult } from '../checks/types';
import type { NatAnalysis } from '../ice/nat';
import type { GatheredCandidate, IceCandidateError } from '../ice/types';
import type { ProfileError } from '../profile/types';
import type { Verdict } from '../verdict';

export const REPORT_SCHEMA = 'webrtc-network-check/report@1';

/** Facts about the browser that support needs to read a report. */
export interface Environment {
  extensionVersion: string;
  userAgent: string;
  os: string | null;
  arch: string | null;
  uiLanguage: string;
  timeZone: string;
}

export interface ReportProfile {
  id: string;
  name: string;
  version: string;
  /** The region chosen for the run; rules of other regions were not checked. */
  region: string | null;
  /** What the validator dropped from the profile before the run. */
  errors: ProfileError[];
}

/** One peer connection's gathering, without its candidates (those are listed flat). */
export interface ReportGathering {
  /** The planned ICE check's id: `stun-batch`, or the TURN check id. */
  id: string;
  role: 'stun-batch' | 'turn';
  urls: string[];
  gatheringComplete: boolean;
  deadlineReached: boolean;
  deadlineMs: number;
  durationMs: number;
  setupError: string | null;
}

export interface ReportCandidate extends GatheredCandidate {
  gatheringId: string;
}

export interface ReportIceError extends IceCandidateError {
  gatheringId: string;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  environment: Environment;
  profile: ReportProfile;
  /** ISO 8601. */
  startedAt: string;
  durationMs: number;
  /** The per-check deadline: silence this long is called "no answer". */
  deadlineMs: number;
  gatherings: ReportGathering[];
  candidates: ReportCandidate[];
  iceErrors: ReportIceError[];
  checks: CheckResult[];
  nat: NatAnalysis;
  verdict: Verdict;
  missingRules: RuleAdvice[];
  verifyRules: RuleAdvice[];
}
