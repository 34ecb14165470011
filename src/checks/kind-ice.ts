/**
 * `ice`: one peer connection's ICE gathering (src/checks/plan.ts plans one per
 * STUN/TURN URL, plus the `stun-batch` one), run in the platform's WebRTC host.
 * STUN and TURN need no host permission: WebRTC is not subject to them.
 */
import type { GatherResult, IceServerConfig } from '../ice/types';
import type { CheckKind } from './check-kind';
import { iceCheckResults } from './ice-results';
import type { IceRole, IceTarget } from './types';

export interface PlannedIceCheck {
  type: 'ice';
  id: string;
  role: IceRole;
  /** The servers whose results this connection decides; empty for `stun-batch`. */
  targets: IceTarget[];
  /** Every server URL the connection asks (no secret: URLs only), for the report. */
  urls: string[];
  /** May hold secrets: give to RTCPeerConnection, never store. */
  iceServers: IceServerConfig[];
  deadlineMs: number;
}

export const iceKind: CheckKind<PlannedIceCheck, GatherResult> = {
  origins: () => [],
  judge: iceCheckResults,
};
