import { relayProtocolOf } from '../../src/ice/relay-protocol';
import type { GatheredCandidate, IceCandidateError } from '../../src/ice/types';

/**
 * RTCIceCandidate is a live object with getters: structured clone across
 * contexts would drop them, so copy the fields we report into plain JSON.
 */
/** Fields Chromium has that this TypeScript DOM lib does not declare yet. */
type ChromiumIceCandidate = RTCIceCandidate & { url?: string | null; relayProtocol?: string | null };

export function flattenCandidate(c: ChromiumIceCandidate, atMs: number): GatheredCandidate {
  const url = c.url ?? null;
  return {
    type: (c.type ?? 'host') as GatheredCandidate['type'],
    protocol: (c.protocol ?? 'udp') as GatheredCandidate['protocol'],
    address: c.address ?? null,
    port: c.port ?? null,
    relatedAddress: c.relatedAddress ?? null,
    relatedPort: c.relatedPort ?? null,
    relayProtocol: c.type === 'relay' ? relayProtocolOf(c.relayProtocol, url) : null,
    url,
    foundation: c.foundation ?? null,
    priority: c.priority ?? null,
    tcpType: (c.tcpType ?? null) as GatheredCandidate['tcpType'],
    candidate: c.candidate,
    atMs,
  };
}

export function flattenCandidateError(e: RTCPeerConnectionIceErrorEvent, atMs: number): IceCandidateError {
  return {
    errorCode: e.errorCode,
    errorText: e.errorText,
    url: e.url,
    address: e.address ?? null,
    port: e.port ?? null,
    atMs,
  };
}
