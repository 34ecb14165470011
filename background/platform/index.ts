/**
 * What differs between the browsers this extension is built for, behind one
 * interface. The implementation is chosen at build time: `#platform` resolves
 * to ./chrome.ts (tsconfig paths, the Chrome build) or ./firefox.ts (the
 * Firefox build's Vite alias), so no code asks which browser it runs in.
 */
import type { CertificateEvidence } from '../../src/checks/certificate';
import type { LoopbackMeasurement } from '../../src/ice/loopback';
import type { GatherResult, IceServerConfig } from '../../src/ice/types';
import type { OffscreenLoopbackRequest } from '../../src/contract/offscreen';

/** A loopback call's parameters (src/ice/loopback.ts): two ends' ICE configurations, the budget, the packets. */
export type LoopbackCallRequest = Omit<OffscreenLoopbackRequest, 'target' | 'type'>;

/** One gathering's outcome, and whether the WebRTC host itself failed (worth one retry after `reset`), not the server. */
export interface HostedGather {
  result: GatherResult;
  hostFailed: boolean;
}

/**
 * Where RTCPeerConnection lives: Chrome's MV3 service worker has none, so an
 * offscreen document runs it; Firefox's MV3 event page has it (measured,
 * docs/measured.md). Results are unredacted: callers strip secrets.
 */
export interface WebRtcHost {
  /** Gathers ICE candidates; never rejects (a failure is `result.setupError`). */
  gather(iceServers: IceServerConfig[], deadlineMs: number, finishOn?: 'srflx' | 'relay'): Promise<HostedGather>;
  /** Runs one loopback call; never rejects (a failure is `setupError`). */
  loopback(request: LoopbackCallRequest): Promise<LoopbackMeasurement>;
  /** Throws away the WebRTC context and starts a fresh one (after `hostFailed`). */
  reset(): Promise<void>;
}

/**
 * Reads the certificate chain of a response while webRequest shows its
 * headers: Firefox only (getSecurityInfo). Chrome offers no such API to
 * extensions, so its reader is null and the report stays "cannot tell".
 */
export interface SecurityInfoReader {
  /** Asks for the chain of every response to `url` until the returned function is called; `onInfo` gets each. */
  watch(url: string, onInfo: (info: CertificateEvidence) => void): () => void;
}

export type { CertificateEvidence };

export interface Platform {
  /** For the report's environment and logs only; never branch on it. */
  readonly name: 'chrome' | 'firefox';
  readonly webrtc: WebRtcHost;
  readonly securityInfo: SecurityInfoReader | null;
  /**
   * `privacy.network.webRTCIPHandlingPolicy` binds the extension's own WebRTC too
   * (Firefox, measured) rather than web pages only (Chrome, measured): the report
   * then puts the routes it forbids down to the browser, not the firewall.
   */
  readonly webRtcIpHandlingBindsChecks: boolean;
  /**
   * Removes the popup's copy of its last render (src/contract/popup-copy.ts)
   * after the stored report changed: it lives in the extension origin's
   * localStorage, which a service worker has none of (Chrome: the offscreen
   * document removes it; Firefox: the event page itself). Never rejects.
   */
  forgetPopupCopy(): Promise<void>;
}
