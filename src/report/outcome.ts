/**
 * What the user will live: the media route *and* the services the app needs.
 * A required HTTPS/WSS service that failed is never green, whatever the route;
 * a run with nothing a browser can test is grey ("not known"), not red.
 *
 * | tone        | when                                                                  |
 * |-------------|-----------------------------------------------------------------------|
 * | `untested`  | no check could be run; or no STUN/TURN server to test and no required service failed |
 * | `bad`       | calls will fail (route `none` with STUN/TURN tested), or no STUN/TURN to test and a required service failed |
 * | `limited`   | calls can connect, but a required service failed                     |
 * | `slow`      | calls will be relayed (or hole punching is not proven), every required service reachable |
 * | `good`      | calls connect directly (hole punching, proven), every required service reachable |
 */
import type { Cause } from '../checks/cause';
import type { CausedCheck } from '../checks/missing-rules';
import type { Profile } from '../profile/types';
import type { Verdict } from '../verdict';
import { phrase, type Phrase } from '../i18n/phrase';

export type OutcomeTone = 'good' | 'slow' | 'limited' | 'bad' | 'untested';

/** What the media route means for calls to people outside this network. */
export type CallsOutcome = 'direct' | 'relayed' | 'fail' | 'untested';

export interface BlockedService {
  ruleId: string;
  /** The vendor's words, e.g. "Thumbnails API": the headline names the service by it. */
  purpose: string;
  /** The cause of its first failed check (who can fix it). */
  cause: Cause | null;
  checkIds: string[];
}

export interface Outcome {
  tone: OutcomeTone;
  calls: CallsOutcome;
  /** Required HTTPS/WSS rules with a failed check, in profile order. */
  blockedServices: BlockedService[];
  /** True when every check was `untestable` (or the profile had none). */
  nothingTestable: boolean;
  /** One sentence for the report and exports, as a phrase (`outcome_summary_limited`, …). */
  summary: Phrase;
}

const ROUTE_METHODS = ['hole-punching', 'relay-udp', 'relay-tcp', 'relay-tls'] as const;

export function decideOutcome(
  profile: Pick<Profile, 'rules'>,
  verdict: Pick<Verdict, 'route' | 'methods'> & Partial<Pick<Verdict, 'routeVerified'>>,
  checks: readonly CausedCheck[],
): Outcome {
  const nothingTestable = checks.every((c) => c.status === 'untestable');
  const mediaUntested = ROUTE_METHODS.every((m) => verdict.methods.find((v) => v.method === m)?.status === 'untested');
  const calls: CallsOutcome = mediaUntested ? 'untested' : verdict.route === 'none' ? 'fail' : verdict.route === 'hole-punching' ? 'direct' : 'relayed';
  const blockedServices = profile.rules.flatMap((rule): BlockedService[] => {
    if (!rule.required || (rule.kind !== 'https' && rule.kind !== 'wss')) return [];
    const failed = checks.filter((c) => c.ruleId === rule.id && c.status === 'fail');
    return failed.length === 0 ? [] : [{ ruleId: rule.id, purpose: rule.purpose, cause: failed[0]!.cause, checkIds: failed.map((c) => c.id) }];
  });
  // An unproven hole punch is not good news yet (the route's own tone says the same).
  const tone = decideTone(nothingTestable, calls, blockedServices.length > 0, verdict.routeVerified ?? true);
  // No route, and a relay refused the profile's login: the network is not what stops calls, and the headline says so.
  const loginRefused = calls === 'fail' && verdict.methods.some((m) => m.rowId.endsWith('.credentials-rejected'));
  const summary =
    loginRefused && blockedServices.length === 0 ? phrase('outcome_summary_relay_login') : summarize(tone, calls, blockedServices, nothingTestable);
  return { tone, calls, blockedServices, nothingTestable, summary };
}

function decideTone(nothingTestable: boolean, calls: CallsOutcome, blocked: boolean, verified: boolean): OutcomeTone {
  if (nothingTestable) return 'untested';
  if (calls === 'fail') return 'bad';
  if (calls === 'untested') return blocked ? 'bad' : 'untested';
  if (blocked) return 'limited';
  return calls === 'direct' && verified ? 'good' : 'slow';
}

const CALLS: Record<CallsOutcome, Phrase> = {
  direct: phrase('outcome_summary_calls_direct'),
  relayed: phrase('outcome_summary_calls_relayed'),
  fail: phrase('outcome_summary_calls_fail'),
  untested: phrase('outcome_summary_calls_untested'),
};

/** "“Thumbnails API”", "“A”, “B”": the vendor's names, quoted, in any language. */
export function serviceList(services: readonly Pick<BlockedService, 'purpose'>[]): string {
  return services.map((s) => `“${s.purpose}”`).join(', ');
}

function summarize(tone: OutcomeTone, calls: CallsOutcome, blocked: BlockedService[], nothingTestable: boolean): Phrase {
  if (nothingTestable) return phrase('outcome_summary_nothing_testable');
  const services = phrase(blocked.length === 1 ? 'outcome_summary_service_blocked' : 'outcome_summary_services_blocked', { services: serviceList(blocked) });
  if (blocked.length === 0) return phrase('outcome_summary_nothing_blocked', { calls: CALLS[calls] });
  return phrase(tone === 'limited' ? 'outcome_summary_limited' : 'outcome_summary_blocked', { calls: CALLS[calls], services });
}
