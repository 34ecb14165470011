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
import type { MethodStatus } from '../verdict';
import { statusOf, type StatusInput, type StatusKind } from './status';
import { methodRows, type MethodGroup } from './methods';

/** Neutral when a method works but the outcome is red: no green row under "will not connect". */
export type OutcomeTone = 'good' | 'slow' | 'bad' | 'neutral';

export interface PlainOutcome {
  /** A way of connecting, or `service` for a required service that failed. */
  group: MethodGroup | 'service';
  /** Locale key; its one substitution is the profile's word for what users see ("calls"), or the service's name. */
  key: MessageKey;
  /** The service's name in the vendor's words, quoted by the reader's locale; only for `service` rows. */
  service?: string;
  tone: OutcomeTone;
  /** True when nothing is wrong with it: folded away under "What works". */
  passing: boolean;
}

export const OUTCOME_ICON: Record<OutcomeTone, string> = { good: '✓', slow: '▲', bad: '✕', neutral: '•' };

/** What the rows read: the report's verdict, checks and outcome, and the status that heads them. */
export type PlainOutcomeInput = Pick<Report, 'verdict' | 'checks'> & Partial<Pick<Report, 'outcome' | 'loopbacks'>>;

/**
 * The three methods and every required service that failed, as outcomes, in
 * the order a teacher reads them; under the report's one status (src/view/status.ts)
 * and never against it:
 * - offline: no rows (nothing was tried on a network; "blocked" would be false);
 * - with a red status a method that "works" (the LAN, say) is neutral: it does not
 *   help calls outside this network, and a green tick under "will not connect" reads
 *   as a contradiction;
 * - LAN only ever adds a route inside this network and one device cannot prove it:
 *   shown with what works when possible, left out otherwise (never a problem);
 * - "blocked" is said only of what was blocked: a symmetric NAT and a refused relay
 *   login have their own words.
 */
export function plainOutcomes(report: PlainOutcomeInput, status: StatusKind): PlainOutcome[] {
  if (status === 'offline') return [];
  const { verdict, checks } = report;
  const rows = methodRows(verdict, checks);
  const relay = rows.find((r) => r.group === 'relay')!.status;
  const relayWorks = relay === 'available' || relay === 'unverified';
  const rowId = (method: string) => verdict.methods.find((m) => m.method === method)?.rowId ?? '';
  const loginRefused = ['relay-udp', 'relay-tcp', 'relay-tls'].some((m) => rowId(m).endsWith('.credentials-rejected'));
  const methods = rows.flatMap((row): PlainOutcome[] => {
    const works = row.status === 'available';
    const lan = row.group === 'lan';
    if (lan && !works && row.status !== 'unverified') return [];
    let tone: OutcomeTone = works ? 'good' : row.status === 'unverified' ? 'slow' : row.status === 'unavailable' ? 'bad' : 'neutral';
    if (works && status === 'no-calls') tone = 'neutral';
    if (lan && !works) tone = 'neutral';
    let key: MessageKey = PLAIN_KEYS[row.group][row.status];
    if (row.group === 'hole-punching' && row.status === 'unavailable') {
      if (rowId('hole-punching') === 'hole-punching.symmetric-nat') key = 'plain_hole_punching_nat';
      else if (relayWorks) key = 'plain_hole_punching_unavailable_relayed';
    }
    if (row.group === 'relay' && row.status === 'unavailable' && loginRefused) key = 'plain_relay_login_refused';
    return [{ group: row.group, key, tone, passing: works || lan }];
  });
  const services = (report.outcome?.blockedServices ?? []).map((s): PlainOutcome => ({
    group: 'service',
    key: 'plain_service_blocked',
    service: s.purpose,
    tone: 'bad',
    passing: false,
  }));
  return [...services, ...methods];
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
  'plain_hole_punching_nat',
  'plain_hole_punching_untested',
  'plain_relay_available',
  'plain_relay_unverified',
  'plain_relay_unavailable',
  'plain_relay_untested',
  'plain_relay_login_refused',
  'plain_service_blocked',
] as const;

/** The one thing to do next, as a locale key (its substitution: the profile's word for what users see): the status's (src/view/status.ts). */
export function nextStepKey(report: StatusInput): MessageKey {
  return statusOf(report).nextStepKey;
}

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
