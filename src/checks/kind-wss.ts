/**
 * `wss`: one WebSocket opened from the service worker, with a plain HTTPS
 * request to the same origin beside it. A failed socket names no cause
 * (webRequest shows `net::ERR_FAILED`); the HTTPS answer tells a stripped
 * upgrade from a dead host and lends the socket its reason.
 */
import type { CheckKind } from './check-kind';
import type { FetchEvidence, WebSocketEvidence } from './evidence';
import { originPattern } from './origin-pattern';
import type { CheckTarget } from './types';
import { webSocketResult } from './web-evidence';

export interface PlannedWebSocketCheck extends CheckTarget {
  type: 'wss';
  url: string;
  deadlineMs: number;
}

/** What the probe saw: the socket, and the same origin over HTTPS (null when the URL has no origin to ask). */
export interface WebSocketCheckEvidence {
  socket: WebSocketEvidence;
  https: FetchEvidence | null;
}

/** The origin of a wss: URL as https:, probed beside the socket to explain its failure. */
export function sameOriginHttps(check: PlannedWebSocketCheck): string | null {
  try {
    const u = new URL(check.url);
    return `https://${u.host}/`;
  } catch {
    return null;
  }
}

export const webSocketKind: CheckKind<PlannedWebSocketCheck, WebSocketCheckEvidence> = {
  // The socket's host, and the same host over HTTPS (the request beside it).
  origins: (check) => [originPattern(check.url), originPattern(check.url.replace(/^wss:/i, 'https:'))],
  judge: (check, evidence) => [webSocketResult(check, evidence.socket, evidence.https)],
};
