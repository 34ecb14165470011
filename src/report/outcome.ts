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
  /** One sentence, English, for the report and exports. */
  summary: string;
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
  return { tone, calls, blockedServices, nothingTestable, summary: summarize(tone, calls, blockedServices, nothingTestable) };
}

function decideTone(nothingTestable: boolean, calls: CallsOutcome, blocked: boolean, verified: boolean): OutcomeTone {
  if (nothingTestable) return 'untested';
  if (calls === 'fail') return 'bad';
  if (calls === 'untested') return blocked ? 'bad' : 'untested';
  if (blocked) return 'limited';
  return calls === 'direct' && verified ? 'good' : 'slow';
}

const CALLS: Record<CallsOutcome, string> = {
  direct: 'Calls can connect directly',
  relayed: 'Calls can connect through a relay',
  fail: 'Calls will fail',
  untested: 'Calls were not tested (the profile names no STUN/TURN server a browser can test)',
};

/** "“Thumbnails API”", "“A” and “B”", "“A”, “B” and “C”". */
export function serviceList(services: readonly Pick<BlockedService, 'purpose'>[]): string {
  const names = services.map((s) => `“${s.purpose}”`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function summarize(tone: OutcomeTone, calls: CallsOutcome, blocked: BlockedService[], nothingTestable: boolean): string {
  if (nothingTestable) return 'Nothing in this profile can be tested from a browser: check the listed rules on the firewall.';
  const services = blocked.length === 0 ? '' : `${serviceList(blocked)} ${blocked.length === 1 ? 'is' : 'are'} blocked`;
  if (tone === 'limited') return `${CALLS[calls]}, but ${services}.`;
  if (blocked.length > 0) return `${CALLS[calls]}; ${services}.`;
  return `${CALLS[calls]}; no service the app needs is blocked.`;
}
