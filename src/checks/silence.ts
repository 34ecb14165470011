/*
 * Beside deadline.ts, not in it: the popup reads deadline.ts (settings) and
 * its 25 KB budget has no room for this.
 */
/**
 * When a UDP server that has not answered may be called silent before the
 * deadline: once the browser's own STUN client has sent its third
 * retransmission unanswered, and that request has had time for an answer.
 * The browser is the client on the wire, and neither follows RFC 8489
 * §6.2.1's RTO of 500 ms (which would put the third retransmission at 3.5 s).
 * Measured here against a server that never answers (docs/measured.md,
 * "STUN retransmissions on the wire"): Chromium 156 sends a binding request
 * at 0, 0.14, 0.66, 1.67, 3.69 and 7.70 s (libwebrtc: gaps doubling from
 * 500 ms after a first, shorter one), Firefox ESR at 0, 0.1, 0.3, 0.7, 1.5,
 * 3.26, 6.46 s (nICEr: RTO 100 ms, doubling). Counted from the gathering's
 * start, Chromium's first request leaves within ~80 ms (a lab server's
 * immediate answers arrive 46-81 ms after it, test/fixtures/reports/direct.json),
 * so its third retransmission by ~1.75 s; 2 s leaves that one ~250 ms to be
 * answered. By then a server alive at a round trip under ~1.9 s has answered
 * the first request; one under ~1.3 s has had three requests to answer, one
 * under ~0.25 s all four (RFC 8489's schedule, waited out to 3.5 s, gives
 * Chromium's four to any round trip under ~1.75 s). A slower server is no
 * route for a call either (1 s one way, over twice ITU-T G.114's 400 ms
 * planning limit). Only on evidence: another server must have answered on
 * this network within FAST_ANSWER_MS, which rules out a slow network (Chrome
 * itself waits out ~40 s). Over TCP (TCP TURN, TLS) the first SYN is resent
 * after 1 s, then 3 s, 7 s (RFC 6298 §2, initial RTO 1 s): past any useful
 * deadline, so TCP keeps the deadline. The configured deadline stays the
 * upper bound. Rule and sources: docs/verdict.md.
 */
export const UDP_SILENCE_MS = 2_000;
/** "Answered within a few ms": a srflx, relay or STUN error response this soon after its gathering began (includes the peer connection's set-up). */
export const FAST_ANSWER_MS = 250;

/**
 * The silence point of a gathering whose servers are all reached over UDP:
 * UDP_SILENCE_MS, when another server answered within
 * FAST_ANSWER_MS (`fastestAnswerMs`, null for none), else the deadline.
 */
export function udpSilenceMs(deadlineMs: number, fastestAnswerMs: number | null): number {
  if (fastestAnswerMs === null || fastestAnswerMs > FAST_ANSWER_MS) return deadlineMs;
  return Math.min(deadlineMs, UDP_SILENCE_MS);
}
