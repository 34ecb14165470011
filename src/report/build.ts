/**
 * Assembles the report from what the run observed. Deterministic: the same
 * inputs (times included) give the same report, so it can be tested whole.
 */
import { causeContext, causeFindingOf } from '../checks/cause';
import { adviseRules, withBrowserPolicyNote, withNotes, type CausedCheck } from '../checks/missing-rules';
import { callFindings } from '../checks/call-causes';
import { routeEvidence } from '../checks/route-evidence';
import { guideUdpPorts } from '../profile/guide-ports';
import { attributeSameHostDns } from '../checks/same-host-dns';
import { attributeToProxyAuth } from '../checks/behind-proxy';
import { attributeUdpSilence } from '../checks/udp-silence';
import type { CheckResult, PlannedCheck, PlannedIceCheck } from '../checks/types';
import { analyzeNatMapping } from '../ice/nat';
import type { GatherResult } from '../ice/types';
import type { LoopbackResult } from '../ice/loopback';
import type { Profile, ProfileError } from '../profile/types';
import { decideVerdict } from '../verdict';
import { withWebAppLimits } from '../ip-handling/web-app-verdict';
import { redactCheckDetail, redactedTexts, redactGatherResult } from './redact';
import { decideOutcome } from './outcome';
import { ruleSet } from './rule-set';
import { phrase } from '../i18n/phrase';
import { commonName, interceptedBy } from '../checks/certificate';
import { iceForbiddenToChecks } from '../ip-handling/webrtc-ip-handling';
import { REPORT_SCHEMA, type Environment, type ProxyFinding, type TlsFinding, type Report, type ReportGathering, type RunTrigger } from './types';

export interface Gathering {
  check: PlannedIceCheck;
  result: GatherResult;
}

export interface ReportInput {
  id: string;
  trigger: RunTrigger;
  choices: Record<string, string>;
  redaction: { ipAddresses: boolean };
  profile: Profile;
  /** The checks the run planned (planChecks), in plan order: the report keeps that order and finds each check's rule in it. */
  plan: readonly PlannedCheck[];
  profileErrors: ProfileError[];
  region: string | null;
  deadlineMs: number;
  /** ISO 8601, passed in so that the report is reproducible. */
  startedAt: string;
  durationMs: number;
  environment: Environment;
  checks: CheckResult[];
  gatherings: Gathering[];
  /** Loopback calls through the routes that allocated (absent = none were made). */
  loopbacks?: LoopbackResult[];
  /** The browser showed the run HTTPS certificate chains (Firefox); absent or false: it cannot (Chrome). */
  certificatesVisible?: boolean;
}

export function buildReport(raw: ReportInput): Report {
  // Secret-free by construction; only the browser's own words about the servers it was
  // given are scrubbed once more, before the verdict and the advice quote them.
  const secrets = profileSecrets(raw.profile);
  const gatheringsIn = raw.gatherings.map((g) => ({ ...g, result: redactGatherResult(g.result, secrets) }));
  const browserTexts = new Map(raw.gatherings.flatMap((g, i) => [...redactedTexts(g.result, gatheringsIn[i]!.result)]));
  const redactedChecks = raw.checks.map((check) => redactCheckDetail(check, browserTexts));
  // Evidence across checks: Chromium words a TURN/TCP failure the same whether a proxy wanted a login or a name did not resolve.
  // And a UDP server's silence once UDP was shown to reach any port: the server, not the firewall.
  const input = {
    ...raw,
    gatherings: gatheringsIn,
    checks: attributeUdpSilence(attributeToProxyAuth(attributeSameHostDns(redactedChecks)), raw.loopbacks ?? []),
  };
  const plan = input.plan;
  const order = new Map(plan.map((check, index) => [check.type === 'ice' ? check.id : check.checkId, index]));
  const gatherings = [...input.gatherings].sort((a, b) => (order.get(a.check.id) ?? 0) - (order.get(b.check.id) ?? 0));

  const stunBatch = gatherings.find((g) => g.check.role === 'stun-batch');
  const nat = analyzeNatMapping({
    candidates: stunBatch?.result.candidates ?? [],
    answeredServers: input.checks.filter((c) => c.kind === 'stun' && c.status === 'pass').map((c) => c.target),
  });
  const candidates = gatherings.flatMap((g) => g.result.candidates.map((c) => ({ ...c, gatheringId: g.check.id })));
  // What the network allows, then what the browser's WebRTC IP handling leaves to web apps.
  const localGatheringRan = stunBatch !== undefined && stunBatch.result.setupError === null;
  const loopbacks = input.loopbacks ?? [];
  const evidence = routeEvidence({ checks: input.checks, candidates, nat, localGatheringRan, loopbacks, guide: guideUdpPorts(input.profile) });
  const verdict = withWebAppLimits(decideVerdict(evidence), input.environment.webRtcIpHandling);
  // Who can fix each fault: only firewall causes become "allow outbound" rules.
  // With no network at all, no firewall rule is missing: the device is (this-device.offline).
  const context = causeContext(input.checks, evidence.device === 'offline', iceForbiddenToChecks(input.environment.webRtcIpHandling));
  const checks: CausedCheck[] = input.checks.map((c) => {
    const finding = causeFindingOf(c, context);
    if (!finding) return { ...c, cause: null };
    return {
      ...c,
      cause: finding.cause,
      causeRow: finding.row,
      ...(finding.doubt ? { doubt: finding.doubt } : {}),
      ...(finding.sinkhole ? { sinkhole: finding.sinkhole } : {}),
    };
  });
  const advice = adviseRules(input.profile, plan, checks);

  const report: Report = {
    schema: REPORT_SCHEMA,
    id: input.id,
    trigger: input.trigger,
    redaction: input.redaction,
    environment: input.environment,
    profile: {
      id: input.profile.id,
      name: input.profile.name,
      version: input.profile.version,
      region: input.region,
      choices: input.choices,
      errors: input.profileErrors,
    },
    startedAt: input.startedAt,
    durationMs: input.durationMs,
    deadlineMs: input.deadlineMs,
    gatherings: gatherings.map(summarizeGathering),
    candidates,
    iceErrors: gatherings.flatMap((g) => g.result.errors.map((e) => ({ ...e, gatheringId: g.check.id }))),
    checks,
    loopbacks,
    nat,
    verdict,
    outcome: decideOutcome(input.profile, verdict, checks),
    proxy: proxyFinding(checks),
    tls: tlsFinding(checks, input.certificatesVisible === true),
    ...advice,
    otherCauses: withBrowserPolicyNote(withNotes(advice.otherCauses, callFindings(evidence)), input.environment.webRtcIpHandling),
    firewallRules: ruleSet(advice),
  };
  return report;
}

/** HTTPS checks whose chain ends in a root this device added: what only a browser that shows certificates can say. */
function tlsFinding(checks: readonly CausedCheck[], certificatesVisible: boolean): TlsFinding {
  const privateRoots = checks.flatMap((c) => {
    const issuer = interceptedBy(c.certificate);
    if (!issuer) return [];
    let host = c.target;
    try {
      host = new URL(c.target).host;
    } catch {
      // A target that is no URL is named as written.
    }
    return [{ checkId: c.id, host, issuer, root: c.certificate?.root ? commonName(c.certificate.root) : null }];
  });
  return { certificatesVisible, privateRoots };
}

function proxyFinding(checks: readonly CausedCheck[]): ProxyFinding {
  const met = checks.filter((c) => c.kind !== 'stun' && c.kind !== 'turn' && (c.reason === 'proxy' || c.reason === 'proxy-auth'));
  if (met.length === 0) return { inUse: false, address: null, checkIds: [], note: null };
  const address = checks.find((c) => c.proxy !== undefined)?.proxy ?? null;
  return {
    inUse: true,
    address,
    checkIds: met.map((c) => c.id),
    note: address === null ? phrase('proxy_note') : phrase('proxy_note_named', { address }),
  };
}

function summarizeGathering({ check, result }: Gathering): ReportGathering {
  return {
    id: check.id,
    role: check.role,
    urls: check.urls,
    gatheringComplete: result.gatheringComplete,
    deadlineReached: result.deadlineReached,
    deadlineMs: result.deadlineMs,
    durationMs: result.durationMs,
    setupError: result.setupError,
  };
}

function profileSecrets(profile: Profile): string[] {
  return profile.rules.flatMap((rule) => ('username' in rule ? [rule.username ?? '', rule.credential ?? ''] : []));
}
