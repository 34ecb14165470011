/**
 * The report: one JSON document per run, documented by docs/report.schema.json.
 * The popup and the exports render it; they never recompute it. It holds no
 * secret: credentials are never copied in, and stripped again if they slip in.
 */
import type { CausedCheck, CauseAdvice, RuleAdvice } from '../checks/missing-rules';
import type { IceRole } from '../checks/types';
import type { NatAnalysis } from '../ice/nat';
import type { LoopbackResult } from '../ice/loopback';
import type { GatheredCandidate, IceCandidateError } from '../ice/types';
import type { ProfileError } from '../profile/types';
import type { WebRtcIpHandling } from '../ip-handling/webrtc-ip-handling';
import type { PolicyProblem } from '../settings/types';
import type { Verdict } from '../verdict';
import type { Outcome } from './outcome';
import type { Phrase } from '../i18n/phrase';
import type { RuleSet } from './rule-set';

export const REPORT_SCHEMA = 'webrtc-network-check/report@3';

/** Facts about the browser that support needs to read a report. */
export interface Environment {
  extensionVersion: string;
  userAgent: string;
  os: string | null;
  arch: string | null;
  uiLanguage: string;
  timeZone: string;
  /** Parsed from the user agent; null when it cannot be read. */
  browser: { name: string; version: string } | null;
  /** Whether an admin manages the extension, which settings came from policy (names only) and what was wrong with it. */
  policy: {
    managed: boolean;
    settingsFromPolicy: string[];
    problems: PolicyProblem[];
    /** Where the policy sends reports of these triggers (docs/fleet.md); null or absent: nowhere. No header or query string. */
    reportsSentTo?: { endpoint: string; site: string | null; triggers: string[] } | null;
  };
  /**
   * `chrome.privacy.network.webRTCIPHandlingPolicy`: it binds web pages, not
   * this extension, so a vendor's web app may fail where these checks pass.
   */
  webRtcIpHandling: WebRtcIpHandling;
  /** ChromeOS enterprise device facts (force-installed only), or why they are unavailable. */
  device: { available: boolean; reason: Phrase | null; facts: Record<string, string> };
}

/** Who started a run: the popup, an automation message, the alarm or browser start-up. */
export type RunTrigger = 'user' | 'automation' | 'schedule' | 'startup';

export interface ReportProfile {
  id: string;
  name: string;
  version: string;
  /** The region chosen for the run; rules of other regions were not checked. */
  region: string | null;
  /** Region and options chosen for the run, e.g. `{ region: 'eu' }`. */
  choices: Record<string, string>;
  /** What the validator dropped from the profile before the run. */
  errors: ProfileError[];
}

/** One peer connection's gathering, without its candidates (those are listed flat). */
export interface ReportGathering {
  /** The planned ICE check's id: `stun-batch`, or the STUN/TURN check id. */
  id: string;
  role: IceRole;
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

/**
 * TLS interception as far as the browser shows it. Firefox gives extensions
 * the certificate chain (webRequest.getSecurityInfo): a chain ending in a root
 * this device added, not one the browser ships, is named with its issuer.
 * Chrome shows extensions no chain: `certificatesVisible` false says
 * "cannot tell", never "not intercepted".
 */
export interface TlsFinding {
  certificatesVisible: boolean;
  privateRoots: { checkId: string; host: string; issuer: string; root: string | null }[];
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  /** Unique per run; history entries and exports name it. */
  id: string;
  trigger: RunTrigger;
  /** Whether IP addresses were replaced by placeholders (`host-1`, `public-1`) in this copy. */
  redaction: { ipAddresses: boolean };
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
  /** Every check, with the cause of its fault (null when there is nothing to fix). */
  checks: CausedCheck[];
  /** Loopback calls through the routes that allocated, with what got through (src/ice/loopback.ts). */
  loopbacks: LoopbackResult[];
  nat: NatAnalysis;
  verdict: Verdict;
  /** The route and the services the app needs, together: what the headline and badge say. */
  outcome: Outcome;
  /** The browser's proxy, as far as the run saw it. */
  proxy: ProxyFinding;
  /** What the browser let the run see of HTTPS certificates; absent in reports written before issue 18. */
  tls?: TlsFinding;
  /** Firewall causes only: the rules a network admin must add. */
  missingRules: RuleAdvice[];
  /** Rules a browser cannot test: "also check on your firewall". */
  verifyRules: RuleAdvice[];
  /** Every other cause (proxy, DNS/filter, relay credentials, vendor server, this device), one section each. */
  otherCauses: CauseAdvice[];
  /**
   * missingRules and verifyRules as one rule set for the firewall admin
   * (duplicates merged, "also check"), built once here so that every copy
   * (popup, ticket text, printable page, CSV) is the same and the popup
   * carries no code to build it.
   */
  firewallRules: RuleSet;
  /** Present when the report was cut to fit storage (src/report/fit.ts): what was left out. */
  truncated?: Truncation[];
}

/**
 * One cut made to fit storage. For a list (`candidates`, `checks`…): `kept`
 * of its `total` items, the first ones. For `texts`: `total` free texts were
 * shortened to `kept` characters each.
 */
export interface Truncation {
  field: string;
  kept: number;
  total: number;
}

/** Whether the run's TCP went through a proxy, and what showed it. */
export interface ProxyFinding {
  /** A check met the browser's proxy (a refused CONNECT, a 407). Without such evidence: false (a tunnelling proxy that lets everything through is invisible). */
  inUse: boolean;
  /** `host:port` of the proxy, when it named itself (a 407's challenger); null otherwise. */
  address: string | null;
  /** The checks that showed it. */
  checkIds: string[];
  /** What it means for the checks, as a phrase; null when no proxy was seen. */
  note: Phrase | null;
}
