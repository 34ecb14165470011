/**
 * Failed checks -> advice addressed by cause (src/checks/cause.ts). Firewall
 * causes become the rules a network admin must add, as paste-ready text; every
 * other cause (proxy, DNS, relay credentials, vendor server, this device) gets
 * its own section with text for the person who can fix it, so nobody opens
 * ports that are already open. Rules a browser cannot test are listed apart,
 * as "also check on your firewall": they are never reported as passed.
 */
import type { Profile, ProfileRule } from '../profile/types';
import { CAUSES, type Cause, type Doubt } from './cause';
import { firewallLinePhrase, placePhrase } from './firewall-text';
import { phrase, type Phrase } from '../i18n/phrase';
import { inEnglish } from '../i18n/english';
import { checkLine } from './check-line';
import { endpointOf } from './endpoints';
import { plannedTargets } from './plan';
import type { CheckReason, CheckResult, FirewallLine, PlannedCheck } from './types';

/** A check as the report holds it: with the cause of its fault, null when there is nothing to fix. */
export interface CausedCheck extends CheckResult {
  cause: Cause | null;
  /** The CAUSE_TABLE row that decided the cause (docs/verdict.md, "Causes"); absent when there is none. */
  causeRow?: string;
  /** Why the cause stayed `unknown`: what the advice tells the admin to look at. */
  doubt?: Doubt;
  /** `dns-filter.sinkhole`: the address the public name led to. */
  sinkhole?: string;
}

export interface RuleAdvice {
  ruleId: string;
  /** The vendor's words. */
  purpose: string;
  required: boolean;
  /** The vendor asks to exclude this traffic from SSL/packet inspection. */
  noInspection: boolean;
  /** Who can fix it; null for rules a browser cannot test ("also check"). */
  cause: Cause | null;
  checkIds: string[];
  /** What the checks found, one phrase per check: "turn:…: no answer within 5 s". */
  findings: Phrase[];
  firewall: FirewallLine[];
  /** Paste-ready, one phrase per firewall rule (firewall, also-check) or per fix (other causes): what every page says in its reader's language. */
  lines: Phrase[];
  /** The same lines in English, for readers of the JSON without the extension. */
  text: string;
}

/** One section of the advice for a cause other than the firewall. */
export interface CauseAdvice {
  cause: Exclude<Cause, 'firewall'>;
  rules: RuleAdvice[];
  /** Findings tied to no rule (this-device: a browser policy that binds the vendor's web app). */
  notes: Phrase[];
  /** Paste-ready for the person who can fix it: every rule's lines and notes, duplicates merged. */
  lines: Phrase[];
  /** The same lines in English, for readers of the JSON without the extension. */
  text: string;
}

export interface RuleAdviceLists {
  /** Rules whose checks failed because the firewall let nothing through. */
  missingRules: RuleAdvice[];
  /** Rules a browser cannot test: "also check on your firewall". */
  verifyRules: RuleAdvice[];
  /** Every other cause, in CAUSES order, only those with findings. */
  otherCauses: CauseAdvice[];
}

export function adviseRules(profile: Profile, plan: readonly PlannedCheck[], checks: readonly CausedCheck[]): RuleAdviceLists {
  const firewallById = new Map(plannedTargets(plan).map((t) => [t.checkId, t.firewall]));
  const forCause = (cause: Cause | null, pick: (check: CausedCheck) => boolean) =>
    profile.rules.flatMap((rule) => {
      const matching = checks.filter((check) => check.ruleId === rule.id && pick(check));
      return matching.length === 0 ? [] : [ruleAdvice(rule, cause, matching, firewallById)];
    });
  const otherCauses = CAUSES.filter((cause): cause is CauseAdvice['cause'] => cause !== 'firewall').flatMap((cause): CauseAdvice[] => {
    const rules = forCause(cause, (check) => check.cause === cause);
    return rules.length === 0 ? [] : [causeAdvice(cause, rules, [], uniquePhrases(rules.flatMap((rule) => rule.lines)))];
  });
  return {
    missingRules: forCause('firewall', (check) => check.cause === 'firewall'),
    verifyRules: forCause(null, (check) => check.status === 'untestable'),
    otherCauses,
  };
}

/**
 * A browser setting that binds the vendor's web app but not this extension
 * (Chrome's WebRTC IP handling, docs/verdict.md): a this-device finding the
 * checks cannot show, added as a note for whoever manages the browser.
 */
export function withBrowserPolicyNote(
  sections: readonly CauseAdvice[],
  webRtc: { limitsWebApps: boolean; value: string | null; note: Phrase | null },
): CauseAdvice[] {
  if (!webRtc.limitsWebApps) return [...sections];
  const note = phrase('cause_note_webrtc_policy', { value: webRtc.value ?? '?', note: webRtc.note ?? '' });
  const line = phrase('cause_line_device_note', { note });
  const device = sections.find((s) => s.cause === 'this-device');
  const updated: CauseAdvice = device
    ? causeAdvice('this-device', device.rules, [...device.notes, note], [...device.lines, line])
    : causeAdvice('this-device', [], [note], [line]);
  return [...sections.filter((s) => s.cause !== 'this-device'), updated];
}

/**
 * Findings tied to no rule (the loopback calls' evidence, src/checks/call-causes.ts)
 * added to their cause's section as notes, in CAUSES order. Each note is its own
 * paste-ready line.
 */
export function withNotes(sections: readonly CauseAdvice[], notes: readonly { cause: CauseAdvice['cause']; note: Phrase }[]): CauseAdvice[] {
  if (notes.length === 0) return [...sections];
  const causes = CAUSES.filter((cause): cause is CauseAdvice['cause'] => cause !== 'firewall');
  return causes.flatMap((cause): CauseAdvice[] => {
    const existing = sections.find((s) => s.cause === cause);
    const added = notes.filter((n) => n.cause === cause).map((n) => n.note);
    if (added.length === 0) return existing ? [existing] : [];
    const lines = [...(existing?.lines ?? []), ...added.map((note) => phrase('cause_line_note', { note }))];
    return [causeAdvice(cause, existing?.rules ?? [], [...(existing?.notes ?? []), ...added], lines)];
  });
}

function ruleAdvice(rule: ProfileRule, cause: Cause | null, checks: CausedCheck[], firewallById: Map<string, FirewallLine>): RuleAdvice {
  const firewall = uniqueLines(checks.flatMap((check) => firewallById.get(check.id) ?? []));
  const lines =
    cause === null || cause === 'firewall'
      ? firewall.map((line) => adviceLine(line, rule))
      : uniquePhrases(checks.map((check) => causeLine(cause, check, firewallById.get(check.id), rule)));
  return {
    ruleId: rule.id,
    purpose: rule.purpose,
    required: rule.required,
    noInspection: rule.noInspection,
    cause,
    checkIds: checks.map((check) => check.id),
    findings: checks.map(checkLine),
    firewall,
    lines,
    text: lines.map(inEnglish).join('\n'),
  };
}

/** The vendor's words for a rule, "(optional)" added when it is. */
export const forWhat = (purpose: string, required: boolean): Phrase | string => (required ? purpose : phrase('fw_optional', { purpose }));

/** "Allow outbound TCP to a.example port 443 (HTTPS): Web app. Exclude from SSL inspection." */
export function adviceLine(line: FirewallLine, rule: Pick<ProfileRule, 'purpose' | 'required' | 'noInspection'>): Phrase {
  // SSL inspection is a TCP matter: no filter inspects STUN or TURN over UDP.
  const inspection = rule.noInspection && line.protocol === 'TCP';
  return phrase(inspection ? 'fw_advice_no_inspection' : 'fw_advice', { line: firewallLinePhrase(line), what: forWhat(rule.purpose, rule.required) });
}

/** "a.example port 443 (HTTPS)": where a non-firewall fix applies. */
function place(line: FirewallLine | undefined, fallback: string): Phrase | string {
  return line ? placePhrase(line) : fallback;
}

function causeAdvice(cause: CauseAdvice['cause'], rules: RuleAdvice[], notes: Phrase[], lines: Phrase[]): CauseAdvice {
  return { cause, rules, notes, lines, text: lines.map(inEnglish).join('\n') };
}

function hostOf(check: CheckResult, line: FirewallLine | undefined): string {
  return line?.destinations[0] ?? check.target;
}

/** What to ask of the proxy's admin, by how the check failed. */
function proxyLine(reason: CheckReason | null, rule: ProfileRule, where: Phrase | string, what: Phrase | string): Phrase {
  switch (reason) {
    case 'proxy-auth':
      return phrase('cause_line_proxy_auth', { where, what });
    case 'cert-untrusted':
    case 'tls-failed':
      // Where the vendor forbids inspection, trusting the filter's CA is no fix.
      return phrase(rule.noInspection ? 'cause_line_inspection_required' : 'cause_line_inspection_or_ca', { where, what });
    case 'upgrade-refused':
      return phrase('cause_line_upgrade', { where, what });
    // The proxy refused the tunnel or the reason is not the proxy's own: ask for CONNECT to the host.
    case 'cert-expired':
    case 'cert-name-mismatch':
    case 'forbidden':
    case 'quota':
    case 'timeout':
    case 'refused':
    case 'dns':
    case 'auth-401':
    case 'server-error':
    case 'proxy':
    case 'reset':
    case 'unreachable':
    case 'blocked':
    case 'network-changed':
    case 'no-candidate':
    case 'setup':
    case 'unknown':
    case 'unsafe-port':
    case 'raw-udp':
    case 'raw-tcp':
    case 'no-probe-host':
    case 'unroutable-relay':
    case 'server-silent':
    case null:
      return phrase('cause_line_connect', { where, what });
  }
}

/** One paste-ready line for the person who can fix a non-firewall cause. */
function causeLine(cause: Exclude<Cause, 'firewall'>, check: CausedCheck, line: FirewallLine | undefined, rule: ProfileRule): Phrase {
  const where = place(line, check.target);
  const what = forWhat(rule.purpose, rule.required);
  switch (cause) {
    case 'proxy':
      return proxyLine(check.reason, rule, where, what);
    case 'dns-filter':
      if (check.sinkhole) return phrase('cause_line_dns_sinkhole', { host: hostOf(check, line), address: check.sinkhole, what });
      // The name resolved (TLS began): "the DNS gave no address" would be false, and a portal on the path looks the same.
      if (check.causeRow === 'dns-filter.block-page') return phrase('cause_line_block_page', { host: hostOf(check, line), what });
      return phrase('cause_line_dns', { host: hostOf(check, line), what });
    case 'relay-credentials':
      return phrase('cause_line_credentials', { target: check.target, what });
    case 'vendor-server':
      return phrase('cause_line_vendor', { target: check.target, what, detail: check.detail });
    case 'this-device':
      return phrase('cause_line_device', { target: check.target, what, detail: check.detail });
    case 'network-path':
      return phrase('cause_line_path', { target: check.target, detail: check.detail });
    case 'unknown':
      return phrase('cause_line_unknown', { target: check.target, what, detail: check.detail, doubt: doubtPhrase(check, line) });
  }
}

/** What could be behind an undecided finding, and what would decide it, with the firewall rule it needs if it is the firewall. */
function doubtPhrase(check: CausedCheck, line: FirewallLine | undefined): Phrase {
  const rule = line ? firewallLinePhrase(line) : check.target;
  const endpoint = endpointOf(check);
  switch (check.doubt ?? 'other') {
    case 'host-silent':
      return phrase('doubt_host_silent', { host: endpoint?.host ?? check.target, rule });
    case 'port-or-server':
      return phrase('doubt_port_or_server', { rule });
    case 'destination-or-server':
      return phrase('doubt_destination_or_server', { rule });
    case 'proxy-or-firewall':
      return phrase('doubt_proxy_or_firewall', { rule });
    case 'nothing-answered':
      return phrase('doubt_nothing_answered', { rule });
    case 'tls':
      return phrase('doubt_tls', { host: endpoint?.host ?? check.target, port: endpoint?.port ?? 443 });
    case 'cert-name':
      return phrase('doubt_cert_name', { host: endpoint?.host ?? check.target });
    case 'no-reason':
      return phrase('doubt_no_reason');
    case 'other':
      return phrase('doubt_other');
  }
}

/** Lines without repeats (two checks of one rule often call for the same fix). */
function uniquePhrases(lines: Phrase[]): Phrase[] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    const key = JSON.stringify(line);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function uniqueLines(lines: FirewallLine[]): FirewallLine[] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    const key = JSON.stringify([line.protocol, line.ports, line.destinations, line.service]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
