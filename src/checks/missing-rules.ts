/**
 * Failed checks -> advice addressed by cause (src/checks/cause.ts). Firewall
 * causes become the rules a network admin must add, as paste-ready text; every
 * other cause (proxy, DNS, relay credentials, vendor server, this device) gets
 * its own section with text for the person who can fix it, so nobody opens
 * ports that are already open. Rules a browser cannot test are listed apart,
 * as "also check on your firewall": they are never reported as passed.
 */
import type { Profile, ProfileRule } from '../profile/types';
import { CAUSES, type Cause } from './cause';
import { formatDestinations, formatFirewallLine, formatPorts } from './firewall-text';
import { plannedTargets } from './plan';
import type { CheckResult, FirewallLine, PlannedCheck } from './types';

/** A check as the report holds it: with the cause of its fault, null when there is nothing to fix. */
export interface CausedCheck extends CheckResult {
  cause: Cause | null;
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
  /** What the checks found, one line per check: "turn:…: no answer within 5 s". */
  findings: string[];
  firewall: FirewallLine[];
  /** Paste-ready, one line per firewall rule (firewall, also-check) or per fix (other causes). */
  text: string;
}

/** One section of the advice for a cause other than the firewall. */
export interface CauseAdvice {
  cause: Exclude<Cause, 'firewall'>;
  rules: RuleAdvice[];
  /** Findings tied to no rule (this-device: a browser policy that binds the vendor's web app). */
  notes: string[];
  /** Paste-ready for the person who can fix it: every rule's lines and notes, duplicates merged. */
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
    return rules.length === 0 ? [] : [{ cause, rules, notes: [], text: unique(rules.flatMap((rule) => rule.text.split('\n'))).join('\n') }];
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
  webRtc: { limitsWebApps: boolean; value: string | null; note: string | null },
): CauseAdvice[] {
  if (!webRtc.limitsWebApps) return [...sections];
  const note =
    `Browser setting WebRTC IP handling = ${webRtc.value ?? 'unknown'}: ${webRtc.note ?? ''} Change it (WebRtcIPHandling policy or the extension that sets it) if the vendor's web app needs these routes.`
      .replace(/\s+/g, ' ')
      .trim();
  const device = sections.find((s) => s.cause === 'this-device');
  const updated: CauseAdvice = device
    ? { ...device, notes: [...device.notes, note], text: [device.text, `On this device: ${note}`].join('\n') }
    : { cause: 'this-device', rules: [], notes: [note], text: `On this device: ${note}` };
  return [...sections.filter((s) => s.cause !== 'this-device'), updated];
}

function ruleAdvice(rule: ProfileRule, cause: Cause | null, checks: CausedCheck[], firewallById: Map<string, FirewallLine>): RuleAdvice {
  const firewall = uniqueLines(checks.flatMap((check) => firewallById.get(check.id) ?? []));
  const text =
    cause === null || cause === 'firewall'
      ? firewall.map((line) => adviceLine(line, rule)).join('\n')
      : unique(checks.map((check) => causeLine(cause, check, firewallById.get(check.id), rule))).join('\n');
  return {
    ruleId: rule.id,
    purpose: rule.purpose,
    required: rule.required,
    noInspection: rule.noInspection,
    cause,
    checkIds: checks.map((check) => check.id),
    findings: checks.map((check) => `${check.target}: ${check.detail}`),
    firewall,
    text,
  };
}

const forWhat = (rule: Pick<ProfileRule, 'purpose' | 'required'>) => `${rule.purpose}${rule.required ? '' : ' (optional)'}`;

/** "Allow outbound TCP to a.example port 443 (HTTPS): Web app. Exclude from SSL inspection." */
export function adviceLine(line: FirewallLine, rule: Pick<ProfileRule, 'purpose' | 'required' | 'noInspection'>): string {
  // SSL inspection is a TCP matter: no filter inspects STUN or TURN over UDP.
  const inspection = rule.noInspection && line.protocol === 'TCP' ? ' Exclude from SSL inspection.' : '';
  return `${formatFirewallLine(line)}: ${forWhat(rule)}.${inspection}`;
}

/** "a.example port 443 (HTTPS)": where a non-firewall fix applies. */
function place(line: FirewallLine | undefined, fallback: string): string {
  if (!line) return fallback;
  return `${formatDestinations(line.destinations)} ${formatPorts(line.ports)}${line.service === null ? '' : ` (${line.service})`}`;
}

function hostOf(check: CheckResult, line: FirewallLine | undefined): string {
  return line?.destinations[0] ?? check.target;
}

/** One paste-ready line for the person who can fix a non-firewall cause. */
function causeLine(cause: Exclude<Cause, 'firewall'>, check: CausedCheck, line: FirewallLine | undefined, rule: ProfileRule): string {
  const where = place(line, check.target);
  const what = forWhat(rule);
  switch (cause) {
    case 'proxy':
      switch (check.reason) {
        case 'proxy-auth':
          return `Exempt from proxy authentication: ${where}: ${what}. (WebRTC and background requests cannot log in to a proxy.)`;
        case 'cert-untrusted':
        case 'tls-failed':
          // Where the vendor forbids inspection, trusting the filter's CA is no fix.
          return rule.noInspection
            ? `Exclude from SSL inspection (the vendor requires it): ${where}: ${what}. (The certificate this device received is not the server's.)`
            : `Exclude from SSL inspection, or install the filter's CA certificate on this device: ${where}: ${what}. (The certificate this device received is not the server's.)`;
        case 'upgrade-refused':
          return `Allow WebSocket upgrades (Upgrade: websocket) to ${where}, or exclude it from SSL inspection: ${what}.`;
        default:
          return `Allow CONNECT through the proxy to ${where}: ${what}.`;
      }
    case 'dns-filter':
      return `Let the DNS resolver answer for ${hostOf(check, line)} (this network's DNS gave no address; check the DNS or content filter): ${what}.`;
    case 'relay-credentials':
      return `The TURN server ${check.target} answered and refused the login (401) for ${what}: check the username and credential in the profile or in the turnCredentials policy, or ask the vendor for valid ones.`;
    case 'vendor-server':
      return `Ask the vendor to check ${check.target} (${what}): ${check.detail}.`;
    case 'this-device':
      return `On this device: ${check.target} (${what}): ${check.detail}.`;
  }
}

function unique(lines: string[]): string[] {
  return [...new Set(lines)];
}

function uniqueLines(lines: FirewallLine[]): FirewallLine[] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    const key = formatFirewallLine(line);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
