/**
 * What the offscreen document observes while gathering ICE candidates.
 * These shapes cross context boundaries (offscreen -> service worker -> storage
 * -> popup), so they are plain JSON: no class instances, no undefined.
 */

export type CandidateType = 'host' | 'srflx' | 'prflx' | 'relay';
export type CandidateProtocol = 'udp' | 'tcp';
/** Transport between the browser and the TURN server for a relay candidate. */
export type RelayProtocol = 'udp' | 'tcp' | 'tls';

/** One `icecandidate` event, flattened from RTCIceCandidate. */
export interface GatheredCandidate {
  type: CandidateType;
  protocol: CandidateProtocol;
  address: string | null;
  port: number | null;
  relatedAddress: string | null;
  relatedPort: number | null;
  relayProtocol: RelayProtocol | null;
  /** STUN/TURN server URL that produced it (srflx/relay); null for host. */
  url: string | null;
  foundation: string | null;
  priority: number | null;
  tcpType: 'active' | 'passive' | 'so' | null;
  /** The raw `candidate:` attribute, kept as evidence for support. */
  candidate: string;
  /** Milliseconds since gathering started. */
  atMs: number;
}

/** One `icecandidateerror` event. */
export interface IceCandidateError {
  errorCode: number;
  errorText: string;
  url: string;
  address: string | null;
  port: number | null;
  atMs: number;
}

/** An ICE server as RTCPeerConnection takes it. May hold a secret: never store in a report. */
export interface IceServerConfig {
  urls: string[];
  username?: string;
  credential?: string;
}

/** The outcome of one peer connection's gathering. */
export interface GatherResult {
  candidates: GatheredCandidate[];
  errors: IceCandidateError[];
  /** True when Chrome reported gathering complete before the deadline. */
  gatheringComplete: boolean;
  /** True when the run's own deadline ended gathering. */
  deadlineReached: boolean;
  deadlineMs: number;
  durationMs: number;
  /** Set when the peer connection could not even be created (bad URL, missing credentials...). */
  setupError: string | null;
}
