import { interarrivalJitter, median, type LoopbackMeasurement, type SelectedPair } from '../../src/ice/loopback';
import type { CandidateType, RelayProtocol } from '../../src/ice/types';
import { createPeerConnection } from './peer-connections';

export interface LoopbackCallOptions {
  /** The calling end (relay-only). */
  caller: RTCConfiguration;
  /** The answering end. */
  callee: RTCConfiguration;
  /** The whole call, connection included, ends by then. */
  budgetMs: number;
  packets: number;
  intervalMs: number;
}

/** 160 bytes a packet every 20 ms: an audio call's size and rate (64 kbit/s). */
const PACKET_BYTES = 160;
/** Echoes still in flight when the last packet is sent get this long. */
const DRAIN_MS = 150;

/**
 * A short call between two peer connections of this document through the
 * route their configurations allow, over an unordered, unreliable data
 * channel (`maxRetransmits: 0`, as media): the caller sends timestamped
 * packets, the callee notes their one-way transit and echoes them.
 */
export async function loopbackCall(options: LoopbackCallOptions): Promise<LoopbackMeasurement> {
  const started = performance.now();
  const result: LoopbackMeasurement = {
    connected: false,
    sent: 0,
    received: 0,
    rttMs: null,
    jitterMs: null,
    loss: null,
    selectedPair: null,
    durationMs: 0,
    setupError: null,
  };
  let caller: RTCPeerConnection | null = null;
  let callee: RTCPeerConnection | null = null;
  const transits: number[] = [];
  const rtts: number[] = [];
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
      const sentAt = new Float64Array(event.data, 0, 2)[1]!;
      transits.push(performance.now() - sentAt);
      result.received++;
      if (echo.readyState === 'open') echo.send(event.data);
    });
    send.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => {
      rtts.push(performance.now() - new Float64Array(event.data, 0, 2)[1]!);
    });

    await a.setLocalDescription(await a.createOffer());
    await b.setRemoteDescription(a.localDescription!);
    await b.setLocalDescription(await b.createAnswer());
    await a.setRemoteDescription(b.localDescription!);

    const deadline = started + options.budgetMs;
    const opened = await untilOpen(send, deadline - performance.now());
    result.connected = opened;
    if (opened) {
      const lastSendBy = deadline - DRAIN_MS;
      for (let seq = 0; seq < options.packets && performance.now() < lastSendBy && send.readyState === 'open'; seq++) {
        const packet = new ArrayBuffer(PACKET_BYTES);
        new Float64Array(packet, 0, 2).set([seq, performance.now()]);
        send.send(packet);
        result.sent++;
        await sleep(options.intervalMs);
      }
      await sleep(Math.min(DRAIN_MS, Math.max(0, deadline - performance.now())));
      result.selectedPair = await selectedPair(a);
    }
  } catch (err) {
    result.setupError = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  } finally {
    caller?.close();
    callee?.close();
  }
  result.rttMs = median(rtts);
  result.jitterMs = interarrivalJitter(transits);
  result.loss = result.sent > 0 ? Math.max(0, 1 - result.received / result.sent) : null;
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

/** The pair the caller's transport selected, from getStats: which candidates carried the data. */
async function selectedPair(pc: RTCPeerConnection): Promise<SelectedPair | null> {
  const stats = await pc.getStats();
  let pairId: string | undefined;
  stats.forEach((s: { type: string; selectedCandidatePairId?: string }) => {
    if (s.type === 'transport' && s.selectedCandidatePairId) pairId = s.selectedCandidatePairId;
  });
  const pair = pairId ? (stats.get(pairId) as { localCandidateId: string; remoteCandidateId: string } | undefined) : undefined;
  if (!pair) return null;
  type CandidateStats = { candidateType?: CandidateType; protocol?: 'udp' | 'tcp'; relayProtocol?: RelayProtocol; port?: number };
  const local = stats.get(pair.localCandidateId) as CandidateStats | undefined;
  const remote = stats.get(pair.remoteCandidateId) as CandidateStats | undefined;
  return {
    localType: local?.candidateType ?? null,
    remoteType: remote?.candidateType ?? null,
    protocol: local?.protocol ?? null,
    relayProtocol: local?.relayProtocol ?? null,
    localPort: local?.port ?? null,
    remotePort: remote?.port ?? null,
  };
}
