/**
 * Service worker -> the offscreen document (Chrome), the one context with
 * `RTCPeerConnection`. Messages carry `target: 'offscreen'` because pages
 * share the runtime message bus: the worker ignores them, and the document
 * ignores everything else. May carry TURN credentials: nothing here is stored.
 */
import type { GatherResult, IceServerConfig } from '../ice/types';
import type { LoopbackMeasurement } from '../ice/loopback';

export interface OffscreenGatherRequest {
  target: 'offscreen';
  type: 'gather';
  iceServers: IceServerConfig[];
  /** ms; the document answers by then with what it has. */
  deadlineMs: number;
  /**
   * Stop as soon as a candidate of this type arrives: a connection that asks one
   * server has its proof then (srflx for STUN, relay for TURN), and waiting for
   * "gathering complete" would only add the slowest interface's time. Absent:
   * wait for completion or the deadline (the NAT-mapping batch needs every answer).
   */
  finishOn?: 'srflx' | 'relay';
}

/** A loopback call between two peer connections of the document (src/ice/loopback.ts). */
export interface OffscreenLoopbackRequest {
  target: 'offscreen';
  type: 'loopback';
  caller: { iceServers: IceServerConfig[]; iceTransportPolicy: 'relay' | 'all' };
  callee: { iceServers: IceServerConfig[]; iceTransportPolicy: 'relay' | 'all' };
  /** ms for the whole call, connection included. */
  budgetMs: number;
  packets: number;
  /** ms between packets. */
  intervalMs: number;
}

/** Asked until answered after the document is created: its listener exists only once its script ran. */
export interface OffscreenPingRequest {
  target: 'offscreen';
  type: 'ping';
}

/**
 * The stored report changed: the popup's copy of its last render
 * (src/contract/popup-copy.ts, in the extension origin's localStorage, which
 * the service worker cannot reach) is of an older one and goes.
 */
export interface OffscreenForgetPopupCopyRequest {
  target: 'offscreen';
  type: 'forgetPopupCopy';
}

/** The offscreen protocol: `type` -> `{ request, reply }`; the document's handler map is typed from it. */
export interface OffscreenMap {
  gather: { request: OffscreenGatherRequest; reply: GatherResult };
  loopback: { request: OffscreenLoopbackRequest; reply: LoopbackMeasurement };
  ping: { request: OffscreenPingRequest; reply: { ready: true } };
  forgetPopupCopy: { request: OffscreenForgetPopupCopyRequest; reply: { forgotten: true } };
}
export type OffscreenType = keyof OffscreenMap;
export type OffscreenRequest = OffscreenMap[OffscreenType]['request'];

/** A loopback reply that crossed the context boundary intact. */
export function isLoopbackMeasurement(value: unknown): value is LoopbackMeasurement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as LoopbackMeasurement).received === 'number' &&
    typeof (value as LoopbackMeasurement).connected === 'boolean'
  );
}

/** A gather reply that crossed the context boundary intact (a missing receiver resolves to undefined through the polyfill). */
export function isGatherResult(value: unknown): value is GatherResult {
  return typeof value === 'object' && value !== null && Array.isArray((value as GatherResult).candidates) && Array.isArray((value as GatherResult).errors);
}
