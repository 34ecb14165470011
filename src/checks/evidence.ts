import type { CertificateEvidence } from './certificate';

/**
 * Raw evidence the service worker collects for HTTPS and WSS checks, before
 * any conclusion is drawn from it. Plain JSON, no secrets.
 */

/** Phases from Resource Timing; null where the browser did not expose them. */
export interface FetchTiming {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  firstByteMs: number | null;
}

/** What `chrome.webRequest` said about one request. */
export interface NetObservation {
  /** The request was seen at all (false without host permission for it). */
  observed: boolean;
  /** e.g. `net::ERR_NAME_NOT_RESOLVED`; null when none fired. */
  netError: string | null;
  statusCode: number | null;
  /** A proxy asked for credentials (onAuthRequired with isProxy). */
  proxyAuthRequired: boolean;
  /** `host:port` of that proxy (onAuthRequired's `challenger`); null when none asked. */
  proxyAddress: string | null;
  remoteIp: string | null;
}

export interface FetchEvidence extends NetObservation {
  url: string;
  /**
   * The extension holds a host permission for the URL. Without one, Chromium
   * 156 shows no webRequest event for it, gives no status (opaque answer) and
   * fails `redirect: 'manual'` at once (measured), so the probe follows
   * redirects instead and can tell only "answered" from "failed".
   */
  hostAccess: boolean;
  /** fetch() resolved: an HTTP response of any status came back. */
  responded: boolean;
  /** Our own deadline aborted the request. */
  timedOut: boolean;
  durationMs: number;
  timing: FetchTiming | null;
  /** The certificate chain, where the browser shows it (Firefox: webRequest.getSecurityInfo); absent otherwise. */
  certificate?: CertificateEvidence;
}

export interface WebSocketEvidence extends NetObservation {
  url: string;
  opened: boolean;
  /** The close code when the socket failed (1006 = abnormal, no handshake). */
  closeCode: number | null;
  timedOut: boolean;
  durationMs: number;
}
