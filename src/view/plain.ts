/**
 * The popup's top layer in plain words: what each way of connecting means for
 * the user, the one next step, and what a running check is doing. Only words
 * a teacher uses; the technical names stay in "Details for IT".
 *
 * Additive to headline.ts: the headline sentence itself is chosen there.
 */
import type { MessageKey } from '../i18n/message-keys';
import type { CheckResult } from '../checks/types';
import type { Translate } from '../i18n/translate';
import type { RuleKind } from '../profile/types';
import type { Report } from '../report/types';
import type { MethodStatus, Verdict } from '../verdict';
import type { Tone } from './headline';
import { methodRows, type MethodGroup } from './methods';

/** Neutral when a method works but the outcome is red: no green row under "will not connect". */
export type OutcomeTone = 'good' | 'slow' | 'bad' | 'neutral';

export interface PlainOutcome {
  group: MethodGroup;
  /** Locale key; its one substitution is the profile's word for what users see ("calls"). */
  key: MessageKey;
  tone: OutcomeTone;
  /** True when nothing is wrong with it: folded away under "What works". */
  passing: boolean;
}

export const OUTCOME_ICON: Record<OutcomeTone, string> = { good: '✓', slow: '▲', bad: '✕', neutral: '•' };

/**
 * The three methods as outcomes, in the order a teacher reads them. With a red
 * outcome a method that "works" (the LAN, say) is shown neutral: it does not
 * help calls outside this network, and a green tick under "will not connect"
 * reads as a contradiction.
 */
export function plainOutcomes(verdict: Verdict, checks: readonly CheckResult[], outcome: Tone): PlainOutcome[] {
  const rows = methodRows(verdict, checks);
  const relay = rows.find((r) => r.group === 'relay')!.status;
  const relayWorks = relay === 'available' || relay === 'unverified';
  return rows.map((row) => {
    const works = row.status === 'available';
    let tone: OutcomeTone = works ? 'good' : row.status === 'unverified' ? 'slow' : row.status === 'unavailable' ? 'bad' : 'neutral';
    if (works && outcome === 'bad') tone = 'neutral';
    // LAN only ever adds a route for calls inside this network, and one device cannot prove it
    // ("possible, not tested"): never a problem, never a warning; folded with what works.
    const lan = row.group === 'lan';
    if (lan && !works) tone = 'neutral';
    let key: MessageKey = PLAIN_KEYS[row.group][row.status];
    if (row.group === 'hole-punching' && row.status === 'unavailable' && relayWorks) key = 'plain_hole_punching_unavailable_relayed';
    return { group: row.group, key, tone, passing: works || lan };
  });
}

const PLAIN_KEYS: Record<MethodGroup, Record<MethodStatus, MessageKey>> = {
  lan: { available: 'plain_lan_available', unverified: 'plain_lan_unverified', unavailable: 'plain_lan_unavailable', untested: 'plain_lan_untested' },
  'hole-punching': {
    available: 'plain_hole_punching_available',
    unverified: 'plain_hole_punching_unverified',
    unavailable: 'plain_hole_punching_unavailable',
    untested: 'plain_hole_punching_untested',
  },
  relay: { available: 'plain_relay_available', unverified: 'plain_relay_unverified', unavailable: 'plain_relay_unavailable', untested: 'plain_relay_untested' },
};

/** Every key plainOutcomes can return, for the locale test. */
export const PLAIN_OUTCOME_KEYS = [
  'plain_lan_available',
  'plain_lan_unverified',
  'plain_lan_unavailable',
  'plain_lan_untested',
  'plain_hole_punching_available',
  'plain_hole_punching_unverified',
  'plain_hole_punching_unavailable',
  'plain_hole_punching_unavailable_relayed',
  'plain_hole_punching_untested',
  'plain_relay_available',
  'plain_relay_unverified',
  'plain_relay_unavailable',
  'plain_relay_untested',
] as const;

/**
 * The one thing to do next, as a locale key (its substitution: the profile's
 * word for what users see). Missing firewall rules go to the network admin;
 * a red outcome without a firewall rule to blame goes to support with the report.
 */
export function nextStepKey(report: Pick<Report, 'verdict' | 'missingRules'> & Partial<Pick<Report, 'otherCauses'>>): MessageKey {
  const missing = report.missingRules.length > 0;
  const route = report.verdict.route;
  if (report.verdict.device === 'offline') return 'next_step_offline';
  if (route === 'untested') return 'next_step_untested';
  // Nothing for the firewall, something for the proxy, DNS, vendor … (src/checks/cause.ts).
  if (!missing && (report.otherCauses ?? []).some((s) => s.rules.length > 0)) return 'next_step_other_causes';
  if (route === 'none') return missing ? 'next_step_none_rules' : 'next_step_none_support';
  if (route === 'hole-punching') return missing ? 'next_step_direct_rules' : 'next_step_nothing';
  return missing ? 'next_step_relayed_rules' : 'next_step_relayed';
}

export const NEXT_STEP_KEYS = [
  'next_step_offline',
  'next_step_untested',
  'next_step_none_rules',
  'next_step_none_support',
  'next_step_direct_rules',
  'next_step_nothing',
  'next_step_relayed_rules',
  'next_step_relayed',
  'next_step_other_causes',
] as const;

/**
 * What the profile's users see, for the next-step sentence: built-in profiles
 * may name it in the locale files (`usage_<profile id>`, e.g. Senso's "live
 * thumbnails and module feedback"); every other profile gets `usage_default`
 * ("calls"). Returns the key to look up first and the fallback.
 */
export function usageKeys(profileId: string): [MessageKey | null, MessageKey] {
  return [Object.hasOwn(USAGE_KEYS, profileId) ? USAGE_KEYS[profileId]! : null, 'usage_default'];
}

/** The built-in profiles whose users see something other than "calls", by profile id. */
const USAGE_KEYS: Record<string, MessageKey> = { senso: 'usage_senso' };

/** The profile's word for what its users see, through a translator that gives `[key]` for a key it lacks. */
export function usageWord(profileId: string, t: Translate): string {
  const [own, fallback] = usageKeys(profileId);
  const word = own === null ? '' : t(own);
  return own === null || word === `[${own}]` || word === '' ? t(fallback) : word;
}

/** A check while the run goes on, named by what it is for rather than by its URI. */
export const PURPOSE_KEYS: Record<RuleKind, MessageKey> = {
  stun: 'purpose_stun',
  turn: 'purpose_turn',
  https: 'purpose_https',
  wss: 'purpose_wss',
  tcp: 'purpose_tcp',
  udp: 'purpose_udp',
};

export interface PurposeCount {
  key: MessageKey;
  done: number;
  failed: number;
}

/** Finished checks grouped by purpose, in a stable order: "Relay server: 3 checked, 1 no answer". */
export function progressByPurpose(done: readonly Pick<CheckResult, 'kind' | 'status'>[]): PurposeCount[] {
  const order = Object.keys(PURPOSE_KEYS) as RuleKind[];
  return order
    .map((kind) => {
      const of = done.filter((c) => c.kind === kind);
      return { key: PURPOSE_KEYS[kind], done: of.length, failed: of.filter((c) => c.status === 'fail').length };
    })
    .filter((p) => p.done > 0);
}
