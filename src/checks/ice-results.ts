/**
 * One peer connection's gathering -> the result of the server it asked.
 * The run keeps its own deadline (Chrome reports an unreachable server only
 * after ~40 s, a DROP-filtered TCP server never): silence until the deadline
 * is the evidence, and is called "no answer within N s".
 */
import { phrase } from '../i18n/phrase';
import type { GatherResult, GatheredCandidate, IceCandidateError } from '../ice/types';
import { unroutableRange } from '../ice/address-range';
import { iceServerKeyOf } from '../ice/uri';
import { classifyIceError } from './ice-errors';
import { checkResult, seconds } from './result';
import type { CheckOutcome, CheckResult, IceTarget, PlannedIceCheck } from './types';

export function iceCheckResults(plan: PlannedIceCheck, gather: GatherResult): CheckResult[] {
  return plan.targets.map((target) => {
    if (gather.setupError !== null) {
      // Our failure, not the network's: "could not test", never a missing rule.
      return checkResult(target, { status: 'error', reason: 'setup', detail: phrase('detail_not_set_up'), evidence: gather.setupError }, null);
    }
    const belongs = belongsTo(target, plan.targets.length === 1);
    return targetResult(target, gather, gather.candidates.filter(belongs), gather.errors.filter(belongs));
  });
}

/**
 * Chrome rebuilds the server URL it puts on candidates and errors
 * (`stun:host:3478`), so URLs are compared by server and transport. A
 * candidate without a URL can only be attributed when the connection asked
 * a single server.
 */
function belongsTo(target: IceTarget, onlyTarget: boolean): (item: { url: string | null }) => boolean {
  const key = iceServerKeyOf(target.target);
  return (item) => (item.url === null || item.url === '' ? onlyTarget : iceServerKeyOf(item.url) === key);
}

/**
 * One server in a connection of its own (IceRole): what it gave decides, and
 * silence is silence.
 */
function targetResult(target: IceTarget, gather: GatherResult, candidates: GatheredCandidate[], errors: IceCandidateError[]): CheckResult {
  const wanted = target.kind === 'turn' ? 'relay' : 'srflx';
  const proof = candidates.find((candidate) => candidate.type === wanted);
  if (proof) return checkResult(target, proofOutcome(target, proof), proof.atMs);

  // A 401 is worth more than a later timeout on the same server: it proves the server answered.
  const error = errors.find((e) => e.errorCode === 401) ?? errors[0];
  if (error) return checkResult(target, classifyIceError(error, target), error.atMs);

  if (gather.gatheringComplete && target.kind === 'stun' && gather.candidates.some((c) => c.type === 'host')) {
    // Gathering ends only when every server has answered or failed. This one did
    // not fail, and alone in its connection it cannot have been a duplicate of
    // another server's answer: it answered with this device's own address, which
    // Chrome does not repeat as a srflx (no NAT). The host-candidate guard rules
    // out a machine with no network at all.
    return checkResult(target, { status: 'pass', reason: null, detail: phrase('detail_stun_no_nat') }, gather.durationMs);
  }
  if (gather.gatheringComplete) {
    return checkResult(target, { status: 'fail', reason: 'no-candidate', detail: phrase('detail_no_candidate', { type: wanted }) }, gather.durationMs);
  }
  return checkResult(target, silenceOutcome(target, gather.deadlineMs), gather.deadlineMs);
}

function proofOutcome(target: IceTarget, candidate: GatheredCandidate): CheckOutcome {
  const address = `${candidate.address ?? '?'}:${candidate.port ?? '?'}`;
  if (target.kind === 'stun') return { status: 'pass', reason: null, detail: phrase('detail_stun_answered', { address }) };
  const unroutable = candidate.address === null ? null : unroutableRange(candidate.address);
  if (unroutable) {
    // Peers outside cannot send to it: the server is reachable, its relay is not usable (vendor-side configuration).
    return {
      status: 'warn',
      reason: 'unroutable-relay',
      detail: phrase('detail_relay_unroutable', { transport: target.transport.toUpperCase(), address, range: unroutable }),
    };
  }
  return { status: 'pass', reason: null, detail: phrase('detail_relay_allocated', { transport: target.transport.toUpperCase(), address }) };
}

function silenceOutcome(target: IceTarget, deadlineMs: number): CheckOutcome {
  const detail =
    target.transport === 'udp'
      ? phrase('detail_silent_udp', { target: target.target, seconds: seconds(deadlineMs) })
      : phrase('detail_silent_tcp', { transport: target.transport.toUpperCase(), target: target.target, seconds: seconds(deadlineMs) });
  return { status: 'fail', reason: 'timeout', detail };
}
