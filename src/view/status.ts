/**
 * One status for a report, and everything that says it: the popup's top
 * layer (headline, second line, next step and its button), the toolbar badge,
 * the ticket text's first line and the fleet record's `wnc.status` all read
 * `statusOf`, so none of them can tell another story (docs/status.md lists
 * every row in en/de/fr; test/unit/status-table.test.ts renders it).
 *
 * The status is what the person in front of the device lives; the next step is
 * addressed to whoever can act on the *cause* of what is wrong (src/checks/cause.ts
 * decides causes; this module only picks the one that matters for the status).
 */
import type { Cause } from '../checks/cause-info';
import type { MessageKey } from '../i18n/message-keys';
import type { Report } from '../report/types';
import { ROUTE_HEADLINE_KEYS, TONE_ICON, type Headline, type Tone } from './headline';

/**
 * - direct: calls connect peer to peer (hole punching); amber while not proven.
 * - relayed: calls connect through the vendor's relay (TURN).
 * - service-blocked: a service the product needs (HTTPS/WSS) cannot be reached.
 * - no-calls: no route for calls from this network.
 * - offline: this device has no network at all.
 * - untestable: nothing a browser can test (or nothing could be tested).
 */
export type StatusKind = 'direct' | 'relayed' | 'service-blocked' | 'no-calls' | 'offline' | 'untestable';

export const STATUS_KINDS: readonly StatusKind[] = ['direct', 'relayed', 'service-blocked', 'no-calls', 'offline', 'untestable'];

/** Who the next step is addressed to. */
export type Actor =
  | 'nobody'
  /** The person at the device: connect to a network. */
  | 'user'
  /** Missing firewall rules, or a fault in the path (VPN, MTU) that is not a port rule. */
  | 'network-admin'
  | 'proxy-owner'
  | 'dns-owner'
  /** Whoever wrote the relay login into the profile or policy (vendor or district admin). */
  | 'relay-login-owner'
  | 'vendor'
  | 'device-owner'
  /** The cause is not certain: the report goes to IT support, who reads what would decide it. */
  | 'support';

export const ACTOR_OF_CAUSE: Record<Cause, Actor> = {
  firewall: 'network-admin',
  proxy: 'proxy-owner',
  'dns-filter': 'dns-owner',
  'relay-credentials': 'relay-login-owner',
  'vendor-server': 'vendor',
  'network-path': 'network-admin',
  'this-device': 'device-owner',
  unknown: 'support',
};

/** What the next step's button copies: the firewall rule set, the cause's own section, or nothing. */
export type StatusCopy = 'firewall-rules' | 'cause-section' | null;

export interface Status {
  kind: StatusKind;
  /** Colour (and, with `headline.icon`, the symbol beside it): one per kind, amber for a direct route not proven. */
  tone: Tone;
  /** The cause the top layer names and the next step acts on; null when there is nothing to act on. */
  cause: Cause | null;
  /** The proxy answered 407 (it wants a login): said as such on the top layer. */
  proxyLogin: boolean;
  actor: Actor;
  headline: Headline;
  /** The next step's sentence; its one substitution is the profile's word for what users see ("calls"). */
  nextStepKey: MessageKey;
  copy: StatusCopy;
  /** The badge's number: missing firewall rules, the network admin's actions. Nothing else is counted. */
  networkAdminActions: number;
}

/** What `statusOf` reads; reports written before `outcome`/`otherCauses` existed give only the route. */
export type StatusInput = Pick<Report, 'verdict' | 'missingRules'> & Partial<Pick<Report, 'outcome' | 'otherCauses' | 'checks' | 'verifyRules'>>;

/** The other cause whose finding matters most when no firewall rule is missing, in this order. */
const CAUSE_PRIORITY: readonly Exclude<Cause, 'firewall'>[] = [
  'relay-credentials',
  'proxy',
  'dns-filter',
  'vendor-server',
  'network-path',
  'this-device',
  'unknown',
];

const NO_CALLS_KEYS: Partial<Record<Cause, MessageKey>> = {
  'relay-credentials': 'status_no_calls_relay_login',
  proxy: 'status_no_calls_proxy',
  'dns-filter': 'status_no_calls_dns',
  'vendor-server': 'status_no_calls_vendor',
};

const SERVICE_KEYS: Partial<Record<Cause, MessageKey>> = {
  proxy: 'status_blocked_proxy',
  'dns-filter': 'status_blocked_dns',
  'vendor-server': 'status_blocked_vendor',
};

/** A second line for a route that works while another cause has findings ("the relay refused the login"). */
const ALSO_KEYS: Record<Exclude<Cause, 'firewall'>, MessageKey> = {
  'relay-credentials': 'status_also_relay_login',
  proxy: 'status_also_proxy',
  'dns-filter': 'status_also_dns',
  'vendor-server': 'status_also_vendor',
  'network-path': 'status_also_path',
  'this-device': 'status_also_device',
  unknown: 'status_also_unknown',
};

const NEXT_STEP_BY_ACTOR: Record<Exclude<Actor, 'nobody' | 'user' | 'network-admin'>, MessageKey> = {
  'proxy-owner': 'status_next_proxy',
  'dns-owner': 'status_next_dns',
  'relay-login-owner': 'status_next_relay_login',
  vendor: 'status_next_vendor',
  'device-owner': 'status_next_device',
  support: 'status_next_unknown',
};

const make = (key: MessageKey, tone: Tone, caveatKey: MessageKey | null, services: string[] = []): Headline => ({
  key,
  substitutions: [],
  services,
  tone,
  icon: TONE_ICON[tone],
  caveatKey,
});

/** The symbol beside the colour (headline and badge alike), so colour is never alone. */
export const STATUS_ICON: Record<StatusKind, string> = { direct: '✓', relayed: '▲', 'service-blocked': '!', 'no-calls': '✕', offline: '○', untestable: '?' };

/** The report's one status (see the module comment). Total: any report, however old or damaged in these fields, gets one. */
export function statusOf(report: StatusInput): Status {
  const status = decideStatus(report);
  // A direct route not proven is amber, and says so by its symbol too.
  const icon = status.kind === 'direct' && status.tone !== 'good' ? STATUS_ICON.relayed : STATUS_ICON[status.kind];
  return { ...status, headline: { ...status.headline, icon } };
}

function decideStatus(report: StatusInput): Status {
  const { verdict } = report;
  const outcome = report.outcome;
  const missing = Array.isArray(report.missingRules) ? report.missingRules.length : 0;
  const others = (Array.isArray(report.otherCauses) ? report.otherCauses : []).filter((s) => (s.rules?.length ?? 0) + (s.notes?.length ?? 0) > 0);
  const checks = Array.isArray(report.checks) ? report.checks : [];
  const proxyLogin = checks.some((c) => c.reason === 'proxy-auth');
  const firstOther = CAUSE_PRIORITY.find((cause) => others.some((s) => s.cause === cause)) ?? null;
  const base = { proxyLogin, networkAdminActions: missing };

  if (verdict.device === 'offline') {
    return {
      ...base,
      kind: 'offline',
      tone: 'unknown',
      cause: null,
      actor: 'user',
      headline: make('verdict_headline_offline', 'unknown', null),
      nextStepKey: 'next_step_offline',
      copy: null,
      networkAdminActions: 0,
    };
  }

  const blocked = outcome && Array.isArray(outcome.blockedServices) ? outcome.blockedServices : [];
  const services = blocked.map((s) => s.purpose);
  // From the route itself (the outcome's `calls` is derived from it too): a hand-edited or half-read report cannot split them.
  const calls = verdict.route === 'untested' ? 'untested' : verdict.route === 'none' ? 'fail' : verdict.route === 'hole-punching' ? 'direct' : 'relayed';

  if (outcome?.nothingTestable || (calls === 'untested' && blocked.length === 0)) {
    const headline = outcome?.nothingTestable
      ? make('outcome_nothing_testable', 'unknown', 'outcome_nothing_testable_hint')
      : make(outcome ? 'outcome_calls_untested' : ROUTE_HEADLINE_KEYS.untested, 'unknown', null);
    // What a browser cannot test goes to the firewall admin as "verify on your firewall" (the rule set's second half).
    const toVerify = (Array.isArray(report.verifyRules) ? report.verifyRules.length : 0) + missing > 0;
    return {
      ...base,
      kind: 'untestable',
      tone: 'unknown',
      cause: null,
      actor: toVerify ? 'network-admin' : 'nobody',
      headline,
      nextStepKey: toVerify ? 'next_step_untested' : 'status_next_nothing_testable',
      copy: toVerify ? 'firewall-rules' : null,
    };
  }

  // Which cause stops what matters most, and who acts on it.
  const pick = (cause: Cause | null): Pick<Status, 'cause' | 'actor' | 'copy'> =>
    cause === null
      ? { cause: null, actor: 'nobody', copy: null }
      : { cause, actor: ACTOR_OF_CAUSE[cause], copy: cause === 'firewall' ? 'firewall-rules' : 'cause-section' };
  const otherStep = (cause: Exclude<Cause, 'firewall'>): MessageKey => {
    if (cause === 'network-path') return 'status_next_path';
    if (cause === 'proxy' && proxyLogin) return 'status_next_proxy_login';
    return NEXT_STEP_BY_ACTOR[ACTOR_OF_CAUSE[cause] as keyof typeof NEXT_STEP_BY_ACTOR];
  };

  if (blocked.length > 0 && calls !== 'fail') {
    // The services' own cause, whatever the route: it is what stops the product. One cause for all of them is named
    // on the top layer; several causes are not pinned on one: the firewall's rules first, each other section to its person.
    const causes = [...new Set(blocked.map((s) => s.cause ?? 'firewall'))];
    const single = causes.length === 1 ? causes[0]! : null;
    const one = blocked.length === 1;
    const named = single === 'proxy' && proxyLogin ? 'status_blocked_proxy_login' : single !== null ? SERVICE_KEYS[single] : undefined;
    const callsLine: MessageKey =
      calls === 'untested' ? 'outcome_calls_untested' : calls === 'direct' ? 'status_caveat_calls_direct' : 'status_caveat_calls_relayed';
    const headline = named
      ? make(named, 'limited', callsLine, services)
      : calls === 'untested'
        ? make(one ? 'outcome_service_blocked_one' : 'outcome_service_blocked_many', 'limited', callsLine, services)
        : make(one ? 'outcome_calls_but_blocked_one' : 'outcome_calls_but_blocked_many', 'limited', callsLine, services);
    const base2 = { ...base, kind: 'service-blocked' as const, tone: 'limited' as const, headline };
    if (single !== null && single !== 'firewall') return { ...base2, ...pick(single), nextStepKey: otherStep(single) };
    if (single === 'firewall')
      return { ...base2, ...pick(missing > 0 ? 'firewall' : 'unknown'), nextStepKey: missing > 0 ? 'status_next_service_rules' : 'status_next_unknown' };
    if (missing > 0) return { ...base2, ...pick('firewall'), nextStepKey: 'status_next_mixed' };
    return { ...base2, ...pick(causes.find((c) => c !== 'firewall') ?? 'unknown'), copy: null, nextStepKey: 'next_step_other_causes' };
  }

  if (calls === 'fail') {
    // The cause of what stopped the calls: the causes of the STUN/TURN checks that did not pass, never a finding about
    // an unrelated web service (a DNS filter hiding the web app does not stop the relay). A firewall finding there is
    // the firewall's signature (src/checks/cause.ts) and comes first; then a refused relay login, a proxy, …; with
    // none, the cause is not certain. A report without checks (written by an older version) falls back to its lists.
    const routeCauses = new Set(checks.filter((c) => (c.kind === 'stun' || c.kind === 'turn') && c.status !== 'pass' && c.cause).map((c) => c.cause!));
    const fromRoute: Cause | null = routeCauses.has('firewall') ? 'firewall' : (CAUSE_PRIORITY.find((c) => routeCauses.has(c)) ?? null);
    const cause: Cause = fromRoute ?? (checks.length > 0 ? 'unknown' : missing > 0 ? 'firewall' : (firstOther ?? 'unknown'));
    const alsoCause = CAUSE_PRIORITY.find((c) => c !== 'unknown' && c !== cause && routeCauses.has(c)) ?? null;
    const also = cause === 'firewall' && alsoCause !== null ? ALSO_KEYS[alsoCause] : null;
    const key = NO_CALLS_KEYS[cause] ?? (cause === 'proxy' ? 'status_no_calls_proxy' : ROUTE_HEADLINE_KEYS.none);
    const headline = make(
      cause === 'proxy' && proxyLogin ? 'status_no_calls_proxy_login' : key,
      'bad',
      cause === 'unknown' ? 'status_caveat_cause_unknown' : also,
    );
    const step = cause === 'firewall' ? 'next_step_none_rules' : otherStep(cause);
    return { ...base, kind: 'no-calls', tone: 'bad', ...pick(cause), headline, nextStepKey: step };
  }

  // Calls connect. The firewall's rules make them faster (relayed) or keep a fallback (direct); another cause's
  // findings (a relay that refused the login, a vendor server at fault) are named on the second line.
  const direct = verdict.route === 'hole-punching';
  const proven = verdict.routeVerified !== false;
  const kind: StatusKind = direct ? 'direct' : 'relayed';
  const tone: Tone = direct && proven ? 'good' : 'slow';
  const routeKey = ROUTE_HEADLINE_KEYS[verdict.route];
  const caveat: MessageKey | null = firstOther !== null ? ALSO_KEYS[firstOther] : proven ? null : 'verdict_caveat_unverified';
  const headline = make(direct && !proven ? 'status_direct_unproven' : routeKey, tone, caveat);
  if (firstOther !== null && (missing === 0 || firstOther === 'relay-credentials')) {
    return { ...base, kind, tone, ...pick(firstOther), headline, nextStepKey: otherStep(firstOther) };
  }
  if (missing > 0) return { ...base, kind, tone, ...pick('firewall'), headline, nextStepKey: direct ? 'next_step_direct_rules' : 'next_step_relayed_rules' };
  return { ...base, kind, tone, ...pick(null), headline, nextStepKey: direct ? 'next_step_nothing' : 'next_step_relayed' };
}

/** Every next-step key `statusOf` can return, for the locale and table tests. */
export const STATUS_NEXT_STEP_KEYS = [
  'next_step_offline',
  'next_step_untested',
  'status_next_nothing_testable',
  'next_step_none_rules',
  'next_step_none_support',
  'next_step_direct_rules',
  'next_step_nothing',
  'next_step_relayed_rules',
  'next_step_relayed',
  'status_next_service_rules',
  'status_next_proxy',
  'status_next_proxy_login',
  'status_next_dns',
  'status_next_relay_login',
  'status_next_vendor',
  'status_next_path',
  'status_next_device',
  'status_next_unknown',
  'status_next_mixed',
  'next_step_other_causes',
] as const satisfies readonly MessageKey[];
