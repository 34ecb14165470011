/*
 * Beside deadline.ts, not in it: the popup reads deadline.ts (settings) and
 * its 25 KB budget has no room for this.
 */
/**
 * When a UDP server that has not answered may be called silent before the
 * deadline: RFC 8489 §6.2.1 retransmits a STUN request over UDP after
 * RTO = 500 ms, doubling, so its third retransmission leaves at
 * 500 + 1000 + 2000 = 3.5 s. A server alive at any round trip under that has
 * answered the first request by then, and one slower than that is no route
 * for a call either. Only on evidence: another server must have answered on
 * this network within FAST_ANSWER_MS, which rules out a slow network (Chrome
 * itself waits out ~40 s). Over TCP (TCP TURN, TLS) the first SYN is resent
 * after 1 s, then 3 s, 7 s (RFC 6298 §2, initial RTO 1 s): past any useful
 * deadline, so TCP keeps the deadline. The configured deadline stays the upper
 * bound. Rule and sources: docs/verdict.md.
 */
export const UDP_THIRD_RETRANSMISSION_MS = 3_500;
/** "Answered within a few ms": a srflx, relay or STUN error response this soon after its gathering began (includes the peer connection's set-up). */
export const FAST_ANSWER_MS = 250;

/**
 * The silence point of a gathering whose servers are all reached over UDP:
 * the third retransmission, when another server answered within
 * FAST_ANSWER_MS (`fastestAnswerMs`, null for none), else the deadline.
 */
export function udpSilenceMs(deadlineMs: number, fastestAnswerMs: number | null): number {
  if (fastestAnswerMs === null || fastestAnswerMs > FAST_ANSWER_MS) return deadlineMs;
  return Math.min(deadlineMs, UDP_THIRD_RETRANSMISSION_MS);
}
