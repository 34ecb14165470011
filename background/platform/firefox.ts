/**
 * Firefox: the MV3 event page has RTCPeerConnection (measured, docs/measured.md),
 * so WebRTC runs right here, with no document to start or lose; and
 * webRequest.getSecurityInfo shows the certificate chain of HTTPS answers.
 */
import type { LoopbackMeasurement } from '../../src/ice/loopback';
import type { IceServerConfig } from '../../src/ice/types';
import { gatherCandidates } from '../offscreen/gather';
import { loopbackCall } from '../offscreen/loopback-call';
import { failedGather, failedLoopback } from './failures';
import { firefoxSecurityInfo } from './firefox-security-info';
import type { HostedGather, LoopbackCallRequest, Platform } from './index';
import { removePopupCopy } from '../../src/contract/popup-copy';

const message = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

async function gather(iceServers: IceServerConfig[], deadlineMs: number, finishOn?: 'srflx' | 'relay'): Promise<HostedGather> {
  try {
    return { result: await gatherCandidates(iceServers, deadlineMs, finishOn), hostFailed: false };
  } catch (err) {
    // gatherCandidates reports its own failures; a throw here is ours, and a retry cannot help.
    return { result: failedGather(deadlineMs, message(err)), hostFailed: false };
  }
}

async function loopback(request: LoopbackCallRequest): Promise<LoopbackMeasurement> {
  try {
    return await loopbackCall(request);
  } catch (err) {
    return failedLoopback(message(err));
  }
}

export const platform: Platform = {
  name: 'firefox',
  // Nothing to recreate: the page that gathers is the one that asks.
  webrtc: { gather, loopback, reset: () => Promise.resolve() },
  securityInfo: firefoxSecurityInfo,
  webRtcIpHandlingBindsChecks: true,
  // The event page is an extension page: the popup's localStorage is its own.
  forgetPopupCopy: () => Promise.resolve(removePopupCopy(() => globalThis.localStorage)),
};
