/*
 * Beside deadline.ts, not in it: the popup reads deadline.ts (settings) and
 * its 25 KB budget has no room for this.
 */
/**
 * When a UDP server that has not answered may be called silent before the
 * deadline: once the browser's own STUN client has sent its third
 * retransmission unanswered. The browser is the client on the wire, and
 * neither follows RFC 8489 §6.2.1's RTO of 500 ms (which would put the third
 * retransmission at 3.5 s). Measured here against a server that never answers
 * (docs/measured.md, "STUN retransmissions on the wire"): Chromium 156 sends
 * a binding request at 0, 0.14, 0.66, 1.67, 3.69 and 7.70 s (libwebrtc: RTO
 * doubling from 500 ms after a first, shorter one), Firefox ESR at 0, 0.1,
 * 0.3, 0.7, 1.5, 3.26, 6.46 s (nICEr: RTO 100 ms, doubling). 1.75 s is past
 * both third retransmissions, counted from the gathering's start (Chrome's
 * first request leaves within ~60 ms of it: a lab server's immediate answer
 * arrives 52-58 ms after, test/fixtures/reports/direct.json). By then a server alive at any round
 * trip under ~1.7 s has answered the first request, and has had the same three
 * further chances as under RFC 8489's schedule; a slower one is no route for a
 * call either (875 ms one way, twice ITU-T G.114's 400 ms planning limit).
 * Only on evidence: another server must have answered on this network within
 * FAST_ANSWER_MS, which rules out a slow network (Chrome itself waits out
 * ~40 s). Over TCP (TCP TURN, TLS) the first SYN is resent after 1 s, then 3 s,
 * 7 s (RFC 6298 §2, initial RTO 1 s): past any useful deadline, so TCP keeps
 * the deadline. The configured deadline stays the upper bound. Rule and
 * sources: docs/verdict.md.
 */
export const UDP_THIRD_RETRANSMISSION_MS = 1_750;
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
