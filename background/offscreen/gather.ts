import type { CandidateType, GatherResult, IceServerConfig } from '../../src/ice/types';
import { flattenCandidate, flattenCandidateError } from './flatten-candidate';
import { createPeerConnection } from './peer-connections';

/**
 * Gathers ICE candidates for one peer connection until Chrome says gathering
 * is complete, the deadline passes, or (with `finishOn`) the first candidate
 * of that type arrives, whichever comes first.
 *
 * The deadline is ours because Chrome's is not useful: a silent UDP server is
 * reported only after ~40 s, and against a DROP-filtered TCP TURN server
 * gathering never completes at all.
 */
export async function gatherCandidates(iceServers: IceServerConfig[], deadlineMs: number, finishOn?: CandidateType): Promise<GatherResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const result: GatherResult = {
    candidates: [],
    errors: [],
    gatheringComplete: false,
    deadlineReached: false,
    deadlineMs,
    durationMs: 0,
    setupError: null,
  };

  let pc: RTCPeerConnection;
  try {
    // Pool size 0: candidates are gathered only for this offer, once.
    pc = await createPeerConnection({ iceServers, iceCandidatePoolSize: 0 });
  } catch (err) {
    result.setupError = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return result;
  }

  return new Promise<GatherResult>((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      result.durationMs = elapsed();
      pc.close();
      resolve(result);
    };
    const timer = setTimeout(() => {
      result.deadlineReached = true;
      finish();
    }, deadlineMs);

    pc.addEventListener('icecandidate', (event) => {
      if (event.candidate && event.candidate.candidate) {
        const candidate = flattenCandidate(event.candidate, elapsed());
        result.candidates.push(candidate);
        if (candidate.type === finishOn) finish();
      } else if (!event.candidate) {
        result.gatheringComplete = true;
        finish();
      }
    });
    pc.addEventListener('icecandidateerror', (event) => {
      result.errors.push(flattenCandidateError(event as RTCPeerConnectionIceErrorEvent, elapsed()));
    });

    // A data channel is enough to make the offer carry an m-line, which is
    // what starts gathering; no media permission is needed.
    pc.createDataChannel('probe');
    pc.createOffer()
      .then((offer) => pc.setLocalDescription(offer))
      .catch((err: unknown) => {
        result.setupError = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        finish();
      });
  });
}
