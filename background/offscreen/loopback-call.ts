import { emptyMeasurement, inFlightCutoff, interarrivalJitter, median, type LoopbackMeasurement, type SelectedPair } from '../../src/ice/loopback';
import type { CandidateType, RelayProtocol } from '../../src/ice/types';
import { createPeerConnection } from './peer-connections';

export interface LoopbackCallOptions {
  /** The calling end (relay-only). */
  caller: RTCConfiguration;
  /** The answering end. */
  callee: RTCConfiguration;
  /** The whole call, connection included, ends by then. */
  budgetMs: number;
  /** Quality packets in all, sent PER_TICK at a time. */
  packets: number;
  /** Between two groups of quality packets. */
  intervalMs: number;
}

/** Quality packets: an audio frame's size (Opus at 64 kbit/s, 20 ms). */
const PACKET_BYTES = 160;
/**
 * Quality packets sent together every `intervalMs`: six voice-sized packets
 * per 20 ms (384 kbit/s, a small video call's rate) give 150 samples in
 * 0.5 s, enough to tell a 5 % loss from none; the loss figure needs the 150
 * packets, not the time, and jitter's estimator (RFC 3550, gain 1/16) ~16 of
 * the 25 groups (docs/measured.md). Five per group took 0.6 s.
 */
const PER_TICK = 6;
/** The throughput burst: sent at once after the quality packets, paced only by SCTP's congestion control. */
const BURST_PACKETS = 50;
const BURST_BYTES = 1_000;
/** Echoes still in flight when the last packet is sent get this long. */
const DRAIN_MS = 150;
/** The burst is only sent when this much of the budget is left: on a slow path the quality figures come first. */
const BURST_NEEDS_MS = 300;

const QUALITY = 0;
const BURST = 1;

/**
 * A short call between two peer connections of this document through the
 * route their configurations allow, over an unordered, unreliable data
 * channel (`maxRetransmits: 0`, as media). The caller sends timestamped
 * quality packets, which the callee notes (one-way transit) and echoes (round
 * trip); then a burst whose arrival rate at the callee is the throughput
 * figure. Both ends share one clock.
 */
export async function loopbackCall(options: LoopbackCallOptions): Promise<LoopbackMeasurement> {
  const started = performance.now();
  const result: LoopbackMeasurement = emptyMeasurement(null);
  let caller: RTCPeerConnection | null = null;
  let callee: RTCPeerConnection | null = null;
  // Every packet's transit and round trip, and those of the packets that left at once (see `queued`).
  const transits: number[] = [];
  const rtts: number[] = [];
  const directTransits: number[] = [];
  const directRtts: number[] = [];
  /** Send time of each quality packet, by sequence number. */
  const sentAt: number[] = [];
  const arrived = new Set<number>();
  /** When the drain ended: what has not arrived by then is lost or in flight. */
  let endedAt = 0;
  /** Whether every quality packet's echo came back before the call ended. */
  let everyEchoIn = false;
  let burstStart = 0;
  let burstBytes = 0;
  let burstLastArrival = 0;
  let burstFitted = false;
  try {
    caller = await createPeerConnection(options.caller);
    callee = await createPeerConnection(options.callee);
    const a = caller;
    const b = callee;
    a.addEventListener('icecandidate', (e) => e.candidate && b.addIceCandidate(e.candidate).catch(() => undefined));
    b.addEventListener('icecandidate', (e) => e.candidate && a.addIceCandidate(e.candidate).catch(() => undefined));
    // Negotiated on both ends: no in-band open message to wait for.
    const channelOptions: RTCDataChannelInit = { ordered: false, maxRetransmits: 0, negotiated: true, id: 0 };
    const send = a.createDataChannel('loopback', channelOptions);
    const echo = b.createDataChannel('loopback', channelOptions);
    send.binaryType = 'arraybuffer';
    echo.binaryType = 'arraybuffer';
    echo.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => {
      const [kind, seq, sentTime, queued] = new Float64Array(event.data, 0, 4);
      if (kind === BURST) {
        burstBytes += event.data.byteLength;
        burstLastArrival = performance.now();
        return;
      }
      const transit = performance.now() - sentTime!;
      transits.push(transit);
      if (!queued) directTransits.push(transit);
      arrived.add(seq!);
      if (echo.readyState === 'open') echo.send(event.data);
    });
    send.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => {
      const [, , sentTime, queued] = new Float64Array(event.data, 0, 4);
      const rtt = performance.now() - sentTime!;
      rtts.push(rtt);
      if (!queued) directRtts.push(rtt);
    });
    const packet = (kind: number, seq: number, bytes: number, queued = false) => {
      const data = new ArrayBuffer(bytes);
      const now = performance.now();
      if (kind === QUALITY) sentAt[seq] = now;
      new Float64Array(data, 0, 4).set([kind, seq, now, queued ? 1 : 0]);
      return data;
    };
    // Time left for the packets in flight: the drain, or more on a path slower than it.
    const slowest = (times: readonly number[]) => (times.length > 0 ? 1.5 * Math.max(...times) : 0);

    await a.setLocalDescription(await a.createOffer());
    await b.setRemoteDescription(a.localDescription!);
    await b.setLocalDescription(await b.createAnswer());
    await a.setRemoteDescription(b.localDescription!);

    const deadline = started + options.budgetMs;
    // Connected means both ends: on a lossy path the calling end's channel opened while the answering end's SCTP
    // association was not up, and all 150 packets of a call on a working relay were lost (fresh-clone CI, 5 % loss:
    // "relay-relay 0/150 in 796 ms" while the kernel dropped 5.3 % of the LAN's UDP). What was sent then proved nothing.
    const callerOpened = await untilOpen(send, deadline - performance.now());
    const opened = callerOpened && (await untilOpen(echo, deadline - performance.now()));
    result.connected = opened;
    if (callerOpened && !opened) {
      result.setupError =
        'Only the calling end of the call connected within its budget (the other end’s SCTP association was not up): no evidence about the route.';
    }
    if (opened) {
      const sendMore = () => performance.now() < deadline - Math.max(DRAIN_MS, slowest(rtts)) && send.readyState === 'open';
      const firstGroupAt = performance.now();
      for (let group = 1; sentAt.length < options.packets && sendMore(); group++) {
        // A group sent while earlier data still waits for SCTP's congestion window waits too, which media (RTP)
        // never does: on a 600 ms path that added ~300 ms to the round trip (measured). Such packets count for loss only.
        const queued = send.bufferedAmount > 0;
        for (let k = 0; k < PER_TICK && sentAt.length < options.packets; k++) send.send(packet(QUALITY, sentAt.length, PACKET_BYTES, queued));
        if (sentAt.length >= options.packets) break;
        // Paced by the clock, as media is: a sleep of intervalMs after each group fired late every time and the
        // calls took ~40 ms longer (measured, 30 groups); nothing waits after the last group.
        await sleep(Math.max(0, firstGroupAt + group * options.intervalMs - performance.now()));
      }
      if (deadline - performance.now() >= BURST_NEEDS_MS && send.readyState === 'open') {
        burstStart = performance.now();
        for (let seq = 0; seq < BURST_PACKETS; seq++) send.send(packet(BURST, seq, BURST_BYTES));
        await untilSent(send, deadline - DRAIN_MS);
        // Still queued at the budget's end: the figure would say more about SCTP's slow start than about the path.
        burstFitted = send.bufferedAmount === 0;
      }
      // Stop at proof: every echo and the whole burst back ends the wait at once; a lost packet costs the whole drain.
      const drainUntil = Math.min(performance.now() + Math.max(DRAIN_MS, slowest(rtts)), deadline);
      const allIn = () => rtts.length >= sentAt.length && (burstStart === 0 || burstBytes >= BURST_PACKETS * BURST_BYTES);
      while (performance.now() < drainUntil && !allIn()) await sleep(5);
      endedAt = performance.now();
      everyEchoIn = rtts.length >= sentAt.length;
      Object.assign(result, await pairStats(a));
    }
  } catch (err) {
    result.setupError = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  } finally {
    caller?.close();
    callee?.close();
  }
  // Loss over the packets that had time to arrive (inFlightCutoff); the rest were still on their way. With every
  // echo back nothing was in flight: all count (the last group, sent just before the burst, would otherwise drop out).
  const cutoff = everyEchoIn ? Infinity : inFlightCutoff(endedAt || performance.now(), transits);
  result.sent = sentAt.filter((t) => t <= cutoff).length;
  result.received = [...arrived].filter((seq) => seq < result.sent).length;
  result.rttMs = median(directRtts.length > 0 ? directRtts : rtts);
  result.jitterMs = interarrivalJitter(directTransits.length > 1 ? directTransits : transits);
  result.loss = result.sent > 0 ? Math.max(0, 1 - result.received / result.sent) : null;
  // Bytes that arrived over the time from the first send to the last arrival: a lower bound, as SCTP starts slow.
  if (burstFitted && burstBytes > 0 && burstLastArrival > burstStart) result.throughputKbps = Math.round((burstBytes * 8) / (burstLastArrival - burstStart));
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function untilOpen(channel: RTCDataChannel, withinMs: number): Promise<boolean> {
  if (channel.readyState === 'open') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, withinMs));
    channel.addEventListener('open', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Until the burst has left the sender's buffer (SCTP took it all), or `until`; the drain that follows lets it arrive. */
async function untilSent(channel: RTCDataChannel, until: number): Promise<void> {
  while (performance.now() < until && channel.readyState === 'open' && channel.bufferedAmount > 0) await sleep(5);
}

type PairStats = Pick<LoopbackMeasurement, 'selectedPair' | 'pairRttMs' | 'availableOutgoingBitrate'>;

/**
 * The pair the caller's transport selected, from getStats: which candidates
 * carried the data, the pair's STUN round trip (`currentRoundTripTime`, s)
 * and, when Chrome's bandwidth estimator runs, `availableOutgoingBitrate`
 * (bit/s; measured absent on a data-channel-only connection, docs/measured.md).
 */
async function pairStats(pc: RTCPeerConnection): Promise<PairStats> {
  const stats = await pc.getStats();
  let pairId: string | undefined;
  stats.forEach((s: { type: string; selectedCandidatePairId?: string }) => {
    if (s.type === 'transport' && s.selectedCandidatePairId) pairId = s.selectedCandidatePairId;
  });
  type PairReport = { localCandidateId: string; remoteCandidateId: string; currentRoundTripTime?: number; availableOutgoingBitrate?: number };
  const pair = pairId ? (stats.get(pairId) as PairReport | undefined) : undefined;
  if (!pair) return { selectedPair: null, pairRttMs: null, availableOutgoingBitrate: null };
  type CandidateStats = { candidateType?: CandidateType; protocol?: 'udp' | 'tcp'; relayProtocol?: RelayProtocol; port?: number };
  const local = stats.get(pair.localCandidateId) as CandidateStats | undefined;
  const remote = stats.get(pair.remoteCandidateId) as CandidateStats | undefined;
  const selectedPair: SelectedPair = {
    localType: local?.candidateType ?? null,
    remoteType: remote?.candidateType ?? null,
    protocol: local?.protocol ?? null,
    relayProtocol: local?.relayProtocol ?? null,
    localPort: local?.port ?? null,
    remotePort: remote?.port ?? null,
  };
  return {
    selectedPair,
    pairRttMs: typeof pair.currentRoundTripTime === 'number' ? pair.currentRoundTripTime * 1000 : null,
    availableOutgoingBitrate: typeof pair.availableOutgoingBitrate === 'number' ? pair.availableOutgoingBitrate : null,
  };
}
