/**
 * Loopback calls: two peer connections of one run talk to each other through a
 * route, so that what gathering only suggests (a relay allocated, UDP to a
 * port) is shown by data that actually flowed. Both ends live in the same
 * document, so one clock times both directions.
 *
 * - `relay-relay`: both ends relay-only on one TURN URL: data crosses this
 *   network's path to the TURN server's listening port as TURN ChannelData /
 *   Send indications, as a real call's media does when its peer is elsewhere.
 * - `relay-direct`: one end relay-only on a UDP TURN URL, the other with no
 *   relay: its packets go from this network to the relay's allocated port
 *   (49152-65535 on most servers), the vendors' "relay ports" rule, and the
 *   evidence that outbound UDP reaches arbitrary high ports, which hole
 *   punching needs.
 */
import type { CandidateType, RelayProtocol } from './types';

export type LoopbackPath = 'relay-relay' | 'relay-direct';

/** The selected candidate pair of the calling end (getStats), as evidence of the route the data took. */
export interface SelectedPair {
  localType: CandidateType | null;
  remoteType: CandidateType | null;
  /** Transport of the pair's local candidate. */
  protocol: 'udp' | 'tcp' | null;
  /** For a relay local candidate: the transport to the TURN server. */
  relayProtocol: RelayProtocol | null;
  /** Port of the local candidate: for a relay, the relay's allocated port on the TURN server. */
  localPort: number | null;
  remotePort: number | null;
}

/** What one loopback call measured. Times in ms, ratios 0..1. */
export interface LoopbackMeasurement {
  /** The data channel opened (ICE, DTLS and SCTP through the route). */
  connected: boolean;
  /** Packets sent by the calling end, and received by the other end (one way). */
  sent: number;
  received: number;
  /** Median round trip of echoed packets; null when none came back. */
  rttMs: number | null;
  /** RFC 3550 §6.4.1 interarrival jitter of the one-way packets; null with fewer than two. */
  jitterMs: number | null;
  /** One-way loss, 1 - received / sent; null when nothing was sent. */
  loss: number | null;
  /**
   * A short throughput figure, kbit/s: 50 KB sent at once after the quality
   * packets, bytes that arrived over the time from the first send to the last
   * arrival. A lower bound (SCTP starts slow, so a long round trip lowers it);
   * null when the burst had not left the sender by the budget's end or nothing of it arrived.
   */
  throughputKbps: number | null;
  /** The selected pair's `currentRoundTripTime` from getStats (ICE consent checks), ms. */
  pairRttMs: number | null;
  /** The selected pair's `availableOutgoingBitrate` from getStats, bit/s: null where Chrome gives none (a data-channel-only call, measured). */
  availableOutgoingBitrate: number | null;
  selectedPair: SelectedPair | null;
  durationMs: number;
  /** Why the call could not run at all (our failure, not evidence): null when it ran. */
  setupError: string | null;
}

/** A call that measured nothing (yet): the start of every measurement, and the whole of one that could not run (`setupError` says why). */
export function emptyMeasurement(setupError: string | null): LoopbackMeasurement {
  return {
    connected: false,
    sent: 0,
    received: 0,
    rttMs: null,
    jitterMs: null,
    loss: null,
    throughputKbps: null,
    pairRttMs: null,
    availableOutgoingBitrate: null,
    selectedPair: null,
    durationMs: 0,
    setupError,
  };
}

export interface LoopbackResult extends LoopbackMeasurement {
  id: string;
  path: LoopbackPath;
  /** Transport to the TURN server (of the relay-only end). */
  transport: RelayProtocol;
  /** The TURN URL the call went through (no credentials). */
  turnUrl: string;
  /** The TURN check whose allocation the call rests on. */
  checkId: string;
  /** The call's budget, ms: longer when the allocation was slow (callBudgetMs). */
  budgetMs: number;
}

/** A call's budget on a relay that answers at once: connection (70-400 ms in the lab), 0.5 s of packets, the burst and the drain. */
export const BASE_CALL_BUDGET_MS = 2_500;
/** However slow the relay, a call ends by then. */
export const MAX_CALL_BUDGET_MS = 6_000;

/**
 * The budget of a call through a relay whose allocation took `allocationMs`.
 * An allocation is two round trips to the TURN server (401, then success); a
 * relayed connection (ICE check, DTLS, SCTP through two allocations) took
 * 3.6-5.4 times as long in the lab (docs/measured.md), so a slow relay gets
 * six allocations' time plus a second for the packets, up to 6 s. Without
 * that, a relayed path of 600 ms round trip (still fine for audio) never
 * connected within 2.5 s and read as "no data got through".
 */
export function callBudgetMs(allocationMs: number | null): number {
  return Math.min(MAX_CALL_BUDGET_MS, Math.max(BASE_CALL_BUDGET_MS, Math.round(6 * (allocationMs ?? 0) + 1_000)));
}

/**
 * Packets sent after this time (ms, the call's clock) are still in flight at
 * `endMs` as far as anyone can tell and are left out of the loss figure:
 * without this, a 200 ms one-way path counted the last 200 ms of packets as
 * lost (measured: 8 of 75, "11 % loss", on a lossless path). The margin is
 * 1.5 times the slowest transit seen; with nothing received, every packet counts.
 */
export function inFlightCutoff(endMs: number, transitMs: readonly number[]): number {
  return transitMs.length === 0 ? endMs : endMs - 1.5 * Math.max(...transitMs);
}

/** Data got through: the route carries media. */
export function carriedData(result: Pick<LoopbackMeasurement, 'received'>): boolean {
  return result.received > 0;
}

/**
 * RFC 3550 §6.4.1: J += (|D| - J) / 16 over consecutive packets, where D is
 * the difference of their transit times. `transitMs` in arrival order.
 */
export function interarrivalJitter(transitMs: readonly number[]): number | null {
  if (transitMs.length < 2) return null;
  let jitter = 0;
  for (let i = 1; i < transitMs.length; i++) jitter += (Math.abs(transitMs[i]! - transitMs[i - 1]!) - jitter) / 16;
  return jitter;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A plain-words grade of a route for a teacher. Thresholds and their sources
 * (docs/verdict.md): good for video = Cisco's interactive-video targets (loss
 * ≤ 1 %, one-way delay ≤ 150 ms, so round trip ≤ 300 ms, jitter ≤ 30 ms);
 * audio only = ITU-T G.114's 400 ms one-way limit (round trip 800 ms), and
 * loss ≤ 10 % / jitter ≤ 60 ms, our judgement of what Opus with in-band FEC
 * and WebRTC's adaptive jitter buffer still conceal (no standard gives them).
 */
export type CallGrade = 'good-for-video' | 'audio-only' | 'unusable';

export function gradeCall(m: Pick<LoopbackMeasurement, 'received' | 'rttMs' | 'jitterMs' | 'loss'>): CallGrade {
  if (!carriedData(m) || m.rttMs === null || m.loss === null) return 'unusable';
  const jitter = m.jitterMs ?? 0;
  if (m.rttMs <= 300 && m.loss <= 0.01 && jitter <= 30) return 'good-for-video';
  if (m.rttMs <= 800 && m.loss <= 0.1 && jitter <= 60) return 'audio-only';
  return 'unusable';
}
