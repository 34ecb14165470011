/**
 * A report read back from storage. Storage may hold what another version of
 * the extension wrote, or something damaged: a string, a report without
 * `checks`, a route this version does not know. Every reader (popup, history,
 * report page, badge) takes a stored report through `readStoredReport`, so a
 * value that the renderers cannot lay out is treated as "no report" instead of
 * crashing the page. The shape checked is what the renderers index into, and
 * every enum value that picks words, icons or colours from a table must be one
 * this version knows. The enums are `Record<Type, true>` so that a new value
 * added to a type fails to compile here until the reader accepts it too.
 */
import type { DeviceNetwork } from '../checks/route-evidence';
import type { CheckReason, CheckStatus, IceRole } from '../checks/types';
import type { NatMapping } from '../ice/nat';
import type { CandidateType, RelayProtocol } from '../ice/types';
import type { RuleKind } from '../profile/types';
import type { Method, MethodStatus, Route, Verdict } from '../verdict';
import { CAUSES, type Cause } from '../checks/cause-info';
import type { Doubt } from '../checks/cause';
import type { CallsOutcome, OutcomeTone } from './outcome';
import { REPORT_SCHEMA, type Report, type RunTrigger } from './types';
import { describeLimitProblem, reportLimitProblem } from './limits';

type Check = (value: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const oneOf =
  (...values: (string | null)[]): Check =>
  (v) =>
    values.includes(v as string | null);
/** Every index, holes included (`every` would skip a hole, which renderers then read as undefined). */
const list =
  (item: Check): Check =>
  (v) =>
    Array.isArray(v) && Array.from(v).every(item);
const strings = list(str);
const record: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(str);
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.entries(fields).every(([key, check]) => check((v as Record<string, unknown>)[key]));

/** A phrase (src/i18n/phrase.ts): a code, and parameters that are text, numbers or phrases. Unknown codes are allowed: words.ts shows them in brackets. */
const phraseParam: Check = (v) => str(v) || num(v) || isPhrase(v) || (Array.isArray(v) && Array.from(v).every(isPhrase));
function isPhrase(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const { code, params } = v as { code?: unknown; params?: unknown };
  if (typeof code !== 'string') return false;
  return params === undefined || (typeof params === 'object' && params !== null && !Array.isArray(params) && Object.values(params).every(phraseParam));
}
const phrase: Check = isPhrase;
const phrases = list(phrase);

const known =
  <T extends string>(values: Record<T, true>): Check =>
  (v) =>
    typeof v === 'string' && Object.hasOwn(values, v);

const ROUTE = known<Route>({ 'hole-punching': true, 'relay-udp': true, 'relay-tcp': true, 'relay-tls': true, none: true, untested: true });
const METHOD = known<Method>({ lan: true, 'hole-punching': true, 'relay-udp': true, 'relay-tcp': true, 'relay-tls': true });
const METHOD_STATUS = known<MethodStatus>({ available: true, unverified: true, unavailable: true, untested: true });
const CHECK_STATUS = known<CheckStatus>({ pass: true, fail: true, warn: true, untestable: true, error: true });
const CHECK_REASON = known<CheckReason>({
  timeout: true,
  refused: true,
  dns: true,
  'cert-untrusted': true,
  'tls-failed': true,
  'auth-401': true,
  'server-error': true,
  proxy: true,
  'proxy-auth': true,
  reset: true,
  unreachable: true,
  blocked: true,
  'network-changed': true,
  'no-candidate': true,
  setup: true,
  unknown: true,
  'unsafe-port': true,
  'raw-udp': true,
  'raw-tcp': true,
  'no-probe-host': true,
  'upgrade-refused': true,
  'unroutable-relay': true,
  'server-silent': true,
  'cert-name-mismatch': true,
  'cert-expired': true,
  forbidden: true,
  quota: true,
});
const ROLE = known<IceRole>({ 'stun-batch': true, stun: true, turn: true });
const LAN = known<Verdict['lan']>({ possible: true, unavailable: true, untested: true });
const DEVICE = known<DeviceNetwork>({ online: true, offline: true, unknown: true });
const KIND = known<RuleKind>({ https: true, wss: true, stun: true, turn: true, tcp: true, udp: true });
const TRANSPORT = known<RelayProtocol>({ udp: true, tcp: true, tls: true });
const CANDIDATE_TYPE = known<CandidateType>({ host: true, srflx: true, prflx: true, relay: true });
const NAT_MAPPING = known<NatMapping>({ none: true, 'endpoint-independent': true, 'endpoint-dependent': true, unknown: true });
const TRIGGER = known<RunTrigger>({ user: true, automation: true, schedule: true, startup: true });
const CAUSE = known<Cause>(Object.fromEntries(CAUSES.map((cause) => [cause, true])) as Record<Cause, true>);
const DOUBT = known<Doubt>({
  'host-silent': true,
  'port-or-server': true,
  'nothing-answered': true,
  tls: true,
  'cert-name': true,
  'no-reason': true,
  other: true,
});
const OUTCOME_TONE = known<OutcomeTone>({ good: true, slow: true, limited: true, bad: true, untested: true });
const CALLS = known<CallsOutcome>({ direct: true, relayed: true, fail: true, untested: true });
/** Fields added by a later version (issue 14): absent in older stored reports, checked when present. */
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);

/** A loopback call (src/ice/loopback.ts LoopbackResult). Figures added later (throughput, the pair's round trip) may be absent. */
const LOOPBACK = shape({
  id: str,
  path: oneOf('relay-relay', 'relay-direct'),
  transport: oneOf('udp', 'tcp', 'tls'),
  turnUrl: str,
  checkId: str,
  connected: bool,
  sent: num,
  received: num,
  rttMs: nullable(num),
  jitterMs: nullable(num),
  loss: nullable(num),
  throughputKbps: optional(nullable(num)),
  pairRttMs: optional(nullable(num)),
  availableOutgoingBitrate: optional(nullable(num)),
  selectedPair: (v) => v === null || (typeof v === 'object' && !Array.isArray(v)),
  durationMs: num,
  setupError: nullable(str),
});

/** A merged firewall line (src/report/rule-set.ts RuleSetLine). */
const RULE_SET_LINE = shape({
  protocol: str,
  ports: str,
  destinations: strings,
  destination: str,
  services: strings,
  purposes: strings,
  ruleIds: strings,
  required: bool,
  excludeFromInspection: bool,
  line: phrase,
  text: str,
});

const environment = shape({
  extensionVersion: str,
  userAgent: str,
  os: nullable(str),
  arch: nullable(str),
  uiLanguage: str,
  timeZone: str,
  browser: nullable(shape({ name: str, version: str })),
  policy: shape({ managed: bool, settingsFromPolicy: strings, problems: list(shape({ field: str, message: phrase })) }),
  webRtcIpHandling: shape({ value: nullable(str), levelOfControl: nullable(str), limitsWebApps: bool, note: nullable(phrase) }),
  device: shape({ available: bool, reason: nullable(phrase), facts: record }),
});

const isReport = shape({
  schema: oneOf(REPORT_SCHEMA),
  id: str,
  trigger: TRIGGER,
  redaction: shape({ ipAddresses: bool }),
  environment,
  profile: shape({ id: str, name: str, version: str, region: nullable(str), choices: record, errors: list(shape({ path: str, code: str, message: str })) }),
  startedAt: str,
  durationMs: num,
  deadlineMs: num,
  gatherings: list(
    shape({ id: str, role: ROLE, urls: strings, gatheringComplete: bool, deadlineReached: bool, deadlineMs: num, durationMs: num, setupError: nullable(str) }),
  ),
  candidates: list(
    shape({
      gatheringId: str,
      type: CANDIDATE_TYPE,
      protocol: str,
      address: nullable(str),
      port: nullable(num),
      relatedAddress: nullable(str),
      relatedPort: nullable(num),
      relayProtocol: nullable(str),
      url: nullable(str),
      candidate: str,
      atMs: num,
    }),
  ),
  iceErrors: list(shape({ gatheringId: str, errorCode: num, errorText: str, url: str, address: nullable(str), port: nullable(num), atMs: num })),
  checks: list(
    shape({
      id: str,
      ruleId: str,
      kind: KIND,
      target: str,
      transport: TRANSPORT,
      status: CHECK_STATUS,
      reason: nullable(CHECK_REASON),
      detail: phrase,
      evidence: optional(nullable(str)),
      durationMs: nullable(num),
      cause: optional(nullable(CAUSE)),
      address: optional(str),
      causeRow: optional(str),
      doubt: optional(DOUBT),
      sinkhole: optional(str),
      reference: optional(bool),
    }),
  ),
  nat: shape({ mapping: NAT_MAPPING, publicAddresses: strings, reason: phrase }),
  verdict: shape({
    route: ROUTE,
    routeVerified: bool,
    lan: LAN,
    device: DEVICE,
    summary: phrase,
    methods: list(shape({ method: METHOD, status: METHOD_STATUS, rowId: str, reasons: list((v) => phrase(v) && shape({ checkIds: strings })(v)) })),
  }),
  missingRules: list(ruleAdvice()),
  verifyRules: list(ruleAdvice()),
  outcome: optional(
    shape({
      tone: OUTCOME_TONE,
      calls: CALLS,
      blockedServices: list(shape({ ruleId: str, purpose: str, checkIds: strings })),
      nothingTestable: bool,
      summary: phrase,
    }),
  ),
  proxy: optional(shape({ inUse: bool, address: nullable(str), checkIds: strings, note: nullable(phrase) })),
  otherCauses: optional(list(shape({ cause: CAUSE, rules: list(ruleAdvice()), notes: phrases, lines: phrases, text: str }))),
  // Every field the CSV export reads too (src/report/rule-set-csv.ts): it joins the lists.
  firewallRules: optional(shape({ missing: list(RULE_SET_LINE), alsoCheck: list(RULE_SET_LINE) })),
  // Every field a renderer reads (ticket text, printable page, method rows); older stored reports have no list.
  loopbacks: optional(list(LOOPBACK)),
  truncated: (v) => v === undefined || list(shape({ field: str, kept: num, total: num }))(v),
});

function ruleAdvice(): Check {
  const firewall = shape({ direction: str, protocol: str, ports: str, destinations: strings, service: nullable(str) });
  return shape({
    ruleId: str,
    purpose: str,
    required: bool,
    noInspection: bool,
    checkIds: strings,
    findings: phrases,
    firewall: list(firewall),
    lines: phrases,
    text: str,
    cause: optional(nullable(CAUSE)),
  });
}

/**
 * The stored value as a report the pages can render, or null for anything else
 * (nothing stored, another version's or a damaged value). Sizes, depth and
 * dates (src/report/limits.ts) are checked first: the shape check below
 * recurses into phrases, and a page formats `startedAt`.
 */
export function readStoredReport(value: unknown): Report | null {
  return reportLimitProblem(value) === null && isReport(value) ? (value as Report) : null;
}

/** Why `readStoredReport` refuses `value`, in English for the storage log (never quoting a value), or null when it reads. */
export function storedReportProblem(value: unknown): string | null {
  const limit = reportLimitProblem(value);
  if (limit) return describeLimitProblem(limit);
  return isReport(value) ? null : 'another version or damaged';
}
