/**
 * The report's shape, declared once (builders: src/shape/shape.ts). From this
 * one declaration come the TypeScript type (`ReportShape`: `Report` and its
 * parts in src/report/types.ts are read off it), the JSON Schema the docs
 * publish (docs/report.schema.json) and the run-time readers: of stored
 * reports (src/report/stored.ts, through src/report/report-shape.json, the
 * schema without descriptions) and of report files (the printable page's
 * validator, compiled by ajv at build time from the same schema,
 * build/report-validator.ts). scripts/shapes.mjs writes both JSON files in
 * `npm run build`; a unit test fails when a checked-in copy is stale.
 *
 * Closed unions are listed with `members`, so a value added to a type of the
 * core fails to compile here until the report accepts it; the parts other
 * modules build (a check, the verdict, a loopback call…) are held equal to
 * their types both ways at the end of this file (`HeldEqual`).
 */
import {
  boolean,
  constant,
  integer,
  list,
  members,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  ref,
  text,
  union,
  type Doc,
  type Shape,
  type Static,
} from '../shape/shape';
import type { DeclaredSchema } from '../shape/json-schema';
import type { Cause, Doubt } from '../checks/cause';
import type { CausedCheck, CauseAdvice, RuleAdvice } from '../checks/missing-rules';
import type { DeviceNetwork } from '../checks/route-evidence';
import type { CheckReason, CheckStatus, FirewallLine, IceRole } from '../checks/types';
import type { MessageKey } from '../i18n/message-keys';
import type { Phrase, PhraseParam } from '../i18n/phrase';
import type { LoopbackPath, LoopbackResult } from '../ice/loopback';
import type { NatAnalysis, NatMapping } from '../ice/nat';
import type { CandidateProtocol, CandidateType, GatheredCandidate, IceCandidateError, RelayProtocol } from '../ice/types';
import type { WebRtcIpHandling } from '../ip-handling/webrtc-ip-handling';
import type { ProfileError, ProfileErrorCode, RuleKind } from '../profile/types';
import type { SendTrigger } from '../settings/report-destination';
import type { PolicyProblem } from '../settings/types';
import type { Explanation, Method, MethodStatus, Route, Verdict } from '../verdict';
import type { CallsOutcome, OutcomeTone, Outcome } from './outcome';
import type { RuleSet, RuleSetLine } from './rule-set';
import { REPORT_SCHEMA, type RunTrigger } from './types';

const RUN_TRIGGERS = members<RunTrigger>({ user: true, automation: true, schedule: true, startup: true });
const FLEET_TRIGGERS = members<SendTrigger>({ schedule: true, startup: true, user: true });
const ICE_ROLES = members<IceRole>({ 'stun-batch': true, stun: true, turn: true });
const CANDIDATE_TYPES = members<CandidateType>({ host: true, srflx: true, prflx: true, relay: true });
const CANDIDATE_PROTOCOLS = members<CandidateProtocol>({ udp: true, tcp: true });
const RELAY_PROTOCOLS = members<RelayProtocol>({ udp: true, tcp: true, tls: true });
const TCP_TYPES = members<NonNullable<GatheredCandidate['tcpType']>>({ active: true, passive: true, so: true });
const RULE_KINDS = members<RuleKind>({ https: true, wss: true, stun: true, turn: true, tcp: true, udp: true });
const CHECK_STATUSES = members<CheckStatus>({ pass: true, fail: true, warn: true, untestable: true, error: true });
const CHECK_REASONS = members<CheckReason>({
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
const DOUBTS = members<Doubt>({
  'host-silent': true,
  'port-or-server': true,
  'destination-or-server': true,
  'proxy-or-firewall': true,
  'nothing-answered': true,
  tls: true,
  'cert-name': true,
  'no-reason': true,
  other: true,
});
const NAT_MAPPINGS = members<NatMapping>({ none: true, 'endpoint-independent': true, 'endpoint-dependent': true, unknown: true });
const ROUTES = members<Route>({ 'hole-punching': true, 'relay-udp': true, 'relay-tcp': true, 'relay-tls': true, none: true, untested: true });
const LAN_STATES = members<Verdict['lan']>({ possible: true, unavailable: true, untested: true });
const DEVICE_NETWORKS = members<DeviceNetwork>({ online: true, offline: true, unknown: true });
const METHODS = members<Method>({ lan: true, 'hole-punching': true, 'relay-udp': true, 'relay-tcp': true, 'relay-tls': true });
const METHOD_STATUSES = members<MethodStatus>({ available: true, unverified: true, unavailable: true, untested: true });
const FIREWALL_PROTOCOLS = members<FirewallLine['protocol']>({ TCP: true, UDP: true });
const CAUSE_MEMBERS = {
  firewall: true,
  proxy: true,
  'dns-filter': true,
  'relay-credentials': true,
  'vendor-server': true,
  'network-path': true,
  'this-device': true,
  unknown: true,
} as const satisfies Record<Cause, true>;
const CAUSES = members<Cause>(CAUSE_MEMBERS);
const OTHER_CAUSES = CAUSES.filter((cause): cause is Exclude<Cause, 'firewall'> => cause !== 'firewall');
const OUTCOME_TONES = members<OutcomeTone>({ good: true, slow: true, limited: true, bad: true, untested: true });
const CALLS_OUTCOMES = members<CallsOutcome>({ direct: true, relayed: true, fail: true, untested: true });
const LOOPBACK_PATHS = members<LoopbackPath>({ 'relay-relay': true, 'relay-direct': true });

const environmentRef = (options?: Doc) => ref<Static<typeof ENVIRONMENT>>('environment', options);
const profileRef = (options?: Doc) => ref<Static<typeof PROFILE>>('profile', options);
const gatheringRef = (options?: Doc) => ref<Static<typeof GATHERING>>('gathering', options);
const candidateRef = (options?: Doc) => ref<Static<typeof CANDIDATE>>('candidate', options);
const iceErrorRef = (options?: Doc) => ref<Static<typeof ICE_ERROR>>('iceError', options);
const checkRef = (options?: Doc) => ref<Static<typeof CHECK>>('check', options);
const natRef = (options?: Doc) => ref<Static<typeof NAT>>('nat', options);
const explanationRef = (options?: Doc) => ref<Static<typeof EXPLANATION>>('explanation', options);
const verdictRef = (options?: Doc) => ref<Static<typeof VERDICT>>('verdict', options);
const firewallLineRef = (options?: Doc) => ref<Static<typeof FIREWALL_LINE>>('firewallLine', options);
const ruleAdviceRef = (options?: Doc) => ref<Static<typeof RULE_ADVICE>>('ruleAdvice', options);
const causeRef = (options?: Doc) => ref<Static<typeof CAUSE>>('cause', options);
const causeAdviceRef = (options?: Doc) => ref<Static<typeof CAUSE_ADVICE>>('causeAdvice', options);
const outcomeRef = (options?: Doc) => ref<Static<typeof OUTCOME>>('outcome', options);
const proxyRef = (options?: Doc) => ref<Static<typeof PROXY>>('proxy', options);
const loopbackRef = (options?: Doc) => ref<Static<typeof LOOPBACK>>('loopback', options);
const ruleSetLineRef = (options?: Doc) => ref<Static<typeof RULE_SET_LINE>>('ruleSetLine', options);
const phraseRef = (options?: Doc) => ref<Phrase>('phrase', options);
const phraseParamRef = (options?: Doc) => ref<PhraseParam>('phraseParam', options);

const ENVIRONMENT = object({
  extensionVersion: text(),
  userAgent: text(),
  os: nullable(text()),
  arch: nullable(text()),
  uiLanguage: text(),
  timeZone: text(),
  browser: nullable(
    object({
      name: text(),
      version: text(),
    }),
  ),
  policy: object(
    {
      reportsSentTo: optional(
        nullable(
          object({
            endpoint: text(),
            site: nullable(text()),
            triggers: list(oneOf(FLEET_TRIGGERS)),
          }),
          {
            description:
              'Where the policy sends reports of these triggers (OTLP/HTTP logs endpoint, origin and path only; docs/fleet.md). null or absent: reports stay on the device.',
          },
        ),
      ),
      managed: boolean(),
      settingsFromPolicy: list(text()),
      problems: list(
        object({
          field: text(),
          message: phraseRef({ description: 'What is wrong with the policy key, as a phrase (`policy_expected_whole_number`, …); never the value.' }),
        }),
      ),
    },
    { description: 'Managed policy: whether it applies, which settings it set (names only) and what was wrong with it.' },
  ),
  webRtcIpHandling: object(
    {
      value: nullable(text()),
      levelOfControl: nullable(text()),
      limitsWebApps: boolean(),
      note: nullable(phraseRef(), { description: 'What the setting means for web apps and who set it, or why it could not be read.' }),
      bindsChecks: optional(boolean({ description: "The setting binds this extension's own checks too (Firefox). Absent before issue 18." })),
    },
    { description: 'privacy.network.webRTCIPHandlingPolicy: in Chrome it binds web pages, not this extension; in Firefox both (bindsChecks).' },
  ),
  device: object(
    {
      available: boolean(),
      reason: nullable(phraseRef(), { description: 'Why the device facts are missing, as a phrase.' }),
      facts: record(text()),
    },
    { description: 'ChromeOS enterprise device facts, or why they are unavailable.' },
  ),
});

const PROFILE = object({
  id: text(),
  name: text(),
  version: text(),
  region: nullable(text()),
  errors: list(
    object({
      path: text({ description: 'e.g. rules[3].ports[0]; empty for the whole document' }),
      // A claim, not checked: a file or another version may hold a code this one does not know (profileErrorPhrase shows none for it).
      code: text<ProfileErrorCode>(),
      message: text(),
    }),
    { description: 'Problems the validator found; the rules concerned were left out of the run.' },
  ),
  choices: record(text(), { description: 'Region and profile options chosen for the run.' }),
});

const GATHERING = object({
  id: text({ description: 'stun-batch (the local gathering that runs on every run), or the STUN/TURN check id' }),
  role: oneOf(ICE_ROLES),
  urls: list(text()),
  gatheringComplete: boolean(),
  deadlineReached: boolean(),
  deadlineMs: number(),
  durationMs: number(),
  setupError: nullable(text()),
});

const CANDIDATE = object({
  gatheringId: text(),
  type: oneOf(CANDIDATE_TYPES),
  protocol: oneOf(CANDIDATE_PROTOCOLS),
  address: nullable(text()),
  port: nullable(integer()),
  relatedAddress: nullable(text()),
  relatedPort: nullable(integer()),
  relayProtocol: nullable(oneOf(RELAY_PROTOCOLS)),
  url: nullable(text()),
  foundation: nullable(text()),
  priority: nullable(integer()),
  tcpType: nullable(oneOf(TCP_TYPES)),
  candidate: text({ description: 'The raw candidate: attribute, as evidence.' }),
  atMs: number(),
});

const ICE_ERROR = object({
  gatheringId: text(),
  errorCode: integer(),
  errorText: text(),
  url: text(),
  address: nullable(text()),
  port: nullable(integer()),
  atMs: number(),
});

const CHECK = object({
  id: text(),
  ruleId: text(),
  kind: oneOf(RULE_KINDS),
  target: text(),
  transport: oneOf(RELAY_PROTOCOLS),
  status: oneOf(CHECK_STATUSES),
  reason: nullable(oneOf(CHECK_REASONS), { description: 'Machine reason; null for a plain pass.' }),
  detail: phraseRef({ description: 'What was found, as a phrase.' }),
  durationMs: nullable(number()),
  cause: nullable(causeRef(), {
    description: "The cause of the check's fault; null when there is nothing to fix (pass, a 401 challenge without credentials, untestable).",
  }),
  proxy: optional(text({ description: "host:port of the browser's proxy, when it answered this check itself (a 407 names it)." })),
  evidence: optional(
    nullable(text(), {
      description:
        "The browser's own words, untranslated free text: `net::ERR_CONNECTION_REFUSED`, `701 STUN binding request timed out`, `HTTP 200`. Absent when the browser said nothing.",
    }),
  ),
  certificate: optional(
    object(
      {
        state: text({ description: 'secure, weak, broken or insecure, as the browser reports the connection.' }),
        issuer: text({ description: 'Issuer DN of the server certificate.' }),
        root: nullable(text(), { description: "Subject DN of the chain's trust root." }),
        builtInRoot: nullable(boolean(), {
          description: "The root ships with the browser (a public CA); false: added on this device (an inspecting filter's CA, or a private CA).",
        }),
      },
      { description: 'HTTPS checks in browsers that show extensions the certificate chain (Firefox: webRequest.getSecurityInfo); absent elsewhere (Chrome).' },
    ),
  ),
  address: optional(
    text({
      description:
        'The IP address the browser connected to for this check (webRequest `ip`, HTTPS/WSS with host access only). Absent where the browser did not say or the request went through a proxy.',
    }),
  ),
  causeRow: optional(text({ description: 'The CAUSE_TABLE row that decided `cause` (docs/verdict.md, "Causes"), e.g. `firewall.port-filter`.' })),
  doubt: optional(oneOf(DOUBTS, { description: 'Why `cause` is `unknown`: which explanations remain (docs/verdict.md, "Causes").' })),
  sinkhole: optional(text({ description: '`dns-filter.sinkhole`: the non-public address the public name led to (0.0.0.0, loopback, private …).' })),
  reference: optional(constant(true, { description: "The check asked a reference STUN server outside the vendor's addresses (profile rule `reference`)." })),
});

const NAT = object({
  mapping: oneOf(NAT_MAPPINGS),
  publicAddresses: list(text()),
  reason: phraseRef({ description: 'The reasoning, as a phrase (`nat_symmetric`, `nat_independent`, …).' }),
});

const EXPLANATION: Shape<Explanation> = object(
  {
    code: text<MessageKey>({ pattern: '^[A-Za-z0-9_]+$' }),
    params: optional(record(phraseParamRef())),
    checkIds: list(text()),
  },
  { description: 'A verdict reason: a phrase tied to the checks that show it.' },
);

const VERDICT = object({
  route: oneOf(ROUTES),
  routeVerified: boolean(),
  lan: oneOf(LAN_STATES, {
    description:
      'possible: this device has a local address (a same-network call is possible, not tested); unavailable: no local address; untested: the local gathering could not run',
  }),
  device: oneOf(DEVICE_NETWORKS, {
    description: 'online: a host candidate was gathered; offline: the always-run local gathering found none (no network); unknown: it could not run',
  }),
  methods: list(
    object({
      method: oneOf(METHODS),
      status: oneOf(METHOD_STATUSES),
      rowId: text({ description: 'The row of the decision table in docs/verdict.md that decided it.' }),
      reasons: list(explanationRef()),
    }),
  ),
  summary: phraseRef({ description: 'One sentence for the popup (`summary_relay_udp`, …).' }),
});

const FIREWALL_LINE = object({
  direction: constant('outbound'),
  protocol: oneOf(FIREWALL_PROTOCOLS),
  ports: text(),
  destinations: list(text()),
  service: nullable(text()),
});

const RULE_ADVICE = object({
  ruleId: text(),
  purpose: text(),
  required: boolean(),
  noInspection: boolean(),
  cause: nullable(causeRef(), {
    description: "The cause of this rule's findings; null for rules a browser cannot test.",
  }),
  checkIds: list(text()),
  findings: list(phraseRef(), { description: 'What the checks found, one phrase per check (`check_target_detail`).' }),
  firewall: list(firewallLineRef()),
  text: text({ description: '`lines` in English, one per line, for readers without the extension.' }),
  lines: list(phraseRef(), {
    description:
      'Paste-ready, one phrase per line: firewall rule lines (`fw_advice`) for firewall causes and rules to also check; the fix for the person who can make it (`cause_line_*`) for every other cause.',
  }),
});

const CAUSE = oneOf(CAUSES, {
  description:
    'Who can fix a fault: firewall (allow outbound; only on a firewall\'s signature), proxy (CONNECT, authentication, SSL inspection), dns-filter (no address, or a sinkhole / block page address), relay-credentials (the TURN server refused the login), vendor-server (the server answered with an error, its certificate is wrong, it is down, its relay is unusable), network-path (large packets lost: VPN/tunnel MTU), this-device (offline, browser policy), unknown (the evidence fits more than one cause; `doubt` says which). docs/verdict.md, "Causes", says which evidence decides each.',
});

const CAUSE_ADVICE = object({
  cause: oneOf(OTHER_CAUSES),
  rules: list(ruleAdviceRef()),
  notes: list(phraseRef(), {
    description: "Findings tied to no rule: a browser policy (WebRTC IP handling) that binds the vendor's web app, under this-device.",
  }),
  text: text({ description: '`lines` in English, one per line, for readers without the extension.' }),
  lines: list(phraseRef(), { description: 'Paste-ready for the person who can fix it, one phrase per fix, duplicates merged.' }),
});

const OUTCOME = object(
  {
    tone: oneOf(OUTCOME_TONES, {
      description:
        'good = direct; slow = relayed; limited = calls connect but a required service failed; bad = calls fail (or no STUN/TURN to test and a required service failed); untested = nothing testable (grey).',
    }),
    calls: oneOf(CALLS_OUTCOMES),
    blockedServices: list(
      object({
        ruleId: text(),
        purpose: text(),
        cause: nullable(causeRef()),
        checkIds: list(text()),
      }),
    ),
    nothingTestable: boolean(),
    summary: phraseRef({ description: 'One sentence (`outcome_summary_limited`, …).' }),
  },
  { description: 'The route and the required HTTPS/WSS services together: what the headline and badge say.' },
);

const PROXY = object(
  {
    inUse: boolean(),
    address: nullable(text(), { description: "host:port of the proxy, when it named itself (a 407's challenger)." }),
    checkIds: list(text()),
    note: nullable(phraseRef(), { description: 'What the proxy means for the checks; null when no proxy was seen.' }),
  },
  {
    description:
      "Whether the run's TCP went through the browser's proxy, as far as the checks showed (a tunnelling proxy that lets everything through leaves no trace).",
  },
);

const LOOPBACK = object(
  {
    id: text(),
    path: oneOf(LOOPBACK_PATHS),
    transport: oneOf(RELAY_PROTOCOLS),
    turnUrl: text(),
    checkId: text({ description: 'The TURN check whose allocation the call rests on.' }),
    budgetMs: number({ description: "The call's budget, ms: 2500, longer (up to 6000) when the relay's allocation was slow." }),
    connected: boolean({ description: 'The data channel opened through the route.' }),
    sent: integer({ minimum: 0 }),
    received: integer({ minimum: 0, description: 'Packets the other end received (one way).' }),
    rttMs: nullable(number(), { description: 'Median round trip of echoed packets, ms.' }),
    jitterMs: nullable(number(), { description: 'RFC 3550 interarrival jitter of the one-way packets, ms.' }),
    loss: nullable(number({ minimum: 0, maximum: 1 }), { description: 'One-way loss ratio.' }),
    throughputKbps: nullable(number({ minimum: 0 }), {
      description:
        "Short throughput figure, kbit/s: a 50 KB burst's bytes that arrived over the time from its first send to its last arrival (a lower bound: SCTP starts slow). Null when the burst did not fit the call budget or nothing of it arrived.",
    }),
    pairRttMs: nullable(number(), { description: "The selected candidate pair's currentRoundTripTime from getStats (ICE consent checks), ms." }),
    availableOutgoingBitrate: nullable(number(), {
      description:
        "The selected candidate pair's availableOutgoingBitrate from getStats, bit/s; null where Chrome gives none (measured: a data-channel-only call has none).",
    }),
    selectedPair: nullable(
      object({
        localType: nullable(oneOf(CANDIDATE_TYPES)),
        remoteType: nullable(oneOf(CANDIDATE_TYPES)),
        protocol: nullable(oneOf(CANDIDATE_PROTOCOLS)),
        relayProtocol: nullable(oneOf(RELAY_PROTOCOLS)),
        localPort: nullable(integer()),
        remotePort: nullable(integer()),
      }),
    ),
    durationMs: number(),
    setupError: nullable(text(), { description: 'Why the call could not run (our failure, not evidence).' }),
  },
  {
    description:
      "A loopback call between two peer connections of the run through one route (src/ice/loopback.ts): relay-relay = both ends relay-only on one TURN URL; relay-direct = one end relay-only over UDP, the other sending to the relay's allocated port.",
  },
);

const RULE_SET_LINE = object({
  protocol: oneOf(FIREWALL_PROTOCOLS),
  ports: text(),
  destinations: list(text()),
  destination: text({ description: 'The destinations as an admin reads them: "any destination" for 0.0.0.0/0 and ::/0, never empty.' }),
  services: list(text()),
  purposes: list(text()),
  ruleIds: list(text()),
  required: boolean(),
  excludeFromInspection: boolean({ description: 'TCP only: the vendor asks to exclude it from SSL inspection.' }),
  text: text({
    description:
      '`line` in English, e.g. "Allow outbound UDP to turn.example.org port 3478 (STUN, TURN over UDP): Hole punching; Relay over UDP.", for readers without the extension and for the CSV.',
  }),
  line: phraseRef({ description: 'Paste-ready, as a phrase (`fw_advice`, `fw_advice_no_inspection`).' }),
});

const PHRASE: Shape<Phrase> = object(
  {
    code: text<MessageKey>({ pattern: '^[A-Za-z0-9_]+$' }),
    params: optional(record(phraseParamRef())),
  },
  {
    description:
      'A sentence as data: `code` is a message key of _locales/en/messages.json (e.g. `detail_silent_udp`), `params` its named placeholders (e.g. `{ "target": "stun:a.example:3478", "seconds": "5 s" }`); src/i18n/words.ts says it in the reader\'s language.',
  },
);

const PHRASE_PARAM: Shape<PhraseParam> = union([text(), number(), phraseRef(), list(phraseRef())], {
  description: 'A value shown as written (host, port, browser text), a nested phrase, or a list of phrases.',
});

const REPORT_DESCRIPTION =
  "One run of the check, as built by src/report/build.ts. The popup and the exports render it and never recompute it. It holds no secret: profile credentials are never included. Every sentence the extension writes about the network is a phrase: a message code (a key of _locales/<lang>/messages.json) with named parameters, which each page says in its reader's language (src/i18n/words.ts). Free text is documented where it occurs: the vendor's words (profile name, rule purposes), the browser's own words (`checks[].evidence`, `iceErrors[].errorText`, `gatherings[].setupError`, `loopbacks[].setupError`), the validators' English messages next to their codes (`profile.errors[].message`, shown by its `code` in every language), and the English `text` copies of rule and cause lines kept for readers without the extension. report@3 replaced the English sentences of report@2 by phrases.";

/** The report: one JSON document per run (src/report/build.ts builds it). */
export const REPORT = object({
  schema: constant(REPORT_SCHEMA),
  id: text({ minLength: 1, description: 'Unique per run; history entries and exported file names refer to it.' }),
  trigger: oneOf(RUN_TRIGGERS, { description: 'Who started the run: the popup, an automation message, the alarm or browser start-up.' }),
  redaction: object({
    ipAddresses: boolean({ description: 'True when IP addresses in this copy were replaced by placeholders (host-1, public-1).' }),
  }),
  environment: environmentRef(),
  profile: profileRef(),
  startedAt: text({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$', description: 'ISO 8601 start time.' }),
  durationMs: number({ minimum: 0 }),
  deadlineMs: number({ minimum: 0, description: 'Per-check deadline: silence this long is reported as "no answer within N s".' }),
  gatherings: list(gatheringRef(), { description: 'One entry per peer connection.' }),
  candidates: list(candidateRef()),
  iceErrors: list(iceErrorRef()),
  checks: list(checkRef()),
  loopbacks: list(loopbackRef()),
  nat: natRef(),
  verdict: verdictRef(),
  outcome: outcomeRef({ description: 'The route and the required services together.' }),
  proxy: proxyRef({ description: 'The browser proxy the checks met.' }),
  missingRules: list(ruleAdviceRef(), {
    description: 'Rules whose checks failed because the firewall let nothing through (cause firewall), with paste-ready firewall text.',
  }),
  verifyRules: list(ruleAdviceRef(), { description: 'Rules a browser cannot test: verify them on your firewall. Never reported as passed.' }),
  otherCauses: list(causeAdviceRef(), {
    description:
      'Findings whose cause is not the firewall, one section per cause (proxy, dns-filter, relay-credentials, vendor-server, this-device), in that order.',
  }),
  firewallRules: object(
    {
      missing: list(ruleSetLineRef()),
      alsoCheck: list(ruleSetLineRef()),
    },
    {
      description:
        'missingRules and verifyRules as one rule set for the firewall admin: rules with the same protocol, ports and destinations merged, the untestable ones under "also check" (a line already missing is not repeated).',
    },
  ),
  truncated: optional(
    list(
      object({
        field: text(),
        kept: integer({ minimum: 0 }),
        total: integer({ minimum: 0 }),
      }),
      {
        description:
          "Present when the report was cut to fit the browser's storage: what was left out. For a list (candidates, iceErrors, gatherings, checks, verifyRules, missingRules, profile.errors, and then whichever other list is biggest, e.g. firewallRules.missing, otherCauses): the first `kept` of `total` items were kept. For `texts`: `total` free texts were shortened to `kept` characters.",
      },
    ),
  ),
  tls: optional(
    object(
      {
        certificatesVisible: boolean({
          description:
            'The browser shows extensions the certificate chain (Firefox). false: whether TLS is intercepted by a CA this device trusts cannot be told (Chrome).',
        }),
        privateRoots: list(
          object({
            checkId: text(),
            host: text(),
            issuer: text({ description: "Common name of the server certificate's issuer." }),
            root: nullable(text()),
          }),
          { description: 'HTTPS checks whose chain ends in a root this device added, not a public CA: TLS inspection, or a private server.' },
        ),
      },
      { description: 'Present since issue 18. What the browser let the run see of HTTPS certificates.' },
    ),
  ),
});

const DEFINITIONS = {
  environment: ENVIRONMENT,
  profile: PROFILE,
  gathering: GATHERING,
  candidate: CANDIDATE,
  iceError: ICE_ERROR,
  check: CHECK,
  nat: NAT,
  explanation: EXPLANATION,
  verdict: VERDICT,
  firewallLine: FIREWALL_LINE,
  ruleAdvice: RULE_ADVICE,
  cause: CAUSE,
  causeAdvice: CAUSE_ADVICE,
  outcome: OUTCOME,
  proxy: PROXY,
  loopback: LOOPBACK,
  ruleSetLine: RULE_SET_LINE,
  phrase: PHRASE,
  phraseParam: PHRASE_PARAM,
};

/** What `docs/report.schema.json` is made from (scripts/shapes.mjs). */
export const REPORT_DECLARATION: DeclaredSchema = {
  header: { $id: 'https://webrtc-network-check.invalid/report.schema.json', title: 'WebRTC Network Check report', description: REPORT_DESCRIPTION },
  root: REPORT,
  definitions: DEFINITIONS,
};

/** The report as its declaration types it. */
export type ReportShape = Static<typeof REPORT>;

/**
 * The definitions whose values other modules of the core build, held equal
 * to those modules' types both ways: a field added to either side and not to
 * the other fails `npm run typecheck` on its line here.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type HeldEqual = [
  Holds<Same<Static<typeof CHECK>, CausedCheck>>,
  Holds<Same<Static<typeof CANDIDATE>, GatheredCandidate & { gatheringId: string }>>,
  Holds<Same<Static<typeof ICE_ERROR>, IceCandidateError & { gatheringId: string }>>,
  Holds<Same<Static<typeof NAT>, NatAnalysis>>,
  Holds<Same<Static<typeof VERDICT>, Verdict>>,
  Holds<Same<Static<typeof FIREWALL_LINE>, FirewallLine>>,
  Holds<Same<Static<typeof RULE_ADVICE>, RuleAdvice>>,
  Holds<Same<Static<typeof CAUSE>, Cause>>,
  Holds<Same<Static<typeof CAUSE_ADVICE>, CauseAdvice>>,
  Holds<Same<Static<typeof OUTCOME>, Outcome>>,
  Holds<Same<Static<typeof LOOPBACK>, LoopbackResult>>,
  Holds<Same<Static<typeof RULE_SET_LINE>, RuleSetLine>>,
  Holds<Same<Static<typeof ENVIRONMENT>['webRtcIpHandling'], WebRtcIpHandling>>,
  Holds<Same<Static<typeof ENVIRONMENT>['policy']['problems'][number], PolicyProblem>>,
  Holds<Same<Static<typeof PROFILE>['errors'][number], ProfileError>>,
  Holds<Same<ReportShape['firewallRules'], RuleSet>>,
];
