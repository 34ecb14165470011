import type { CandidateType, GatherResult, IceServerConfig } from '../../src/ice/types';
import { flattenCandidate, flattenCandidateError } from './flatten-candidate';
import { createPeerConnection } from './peer-connections';
import { parseIceUri, serverTransport } from '../../src/ice/uri';
import { FAST_ANSWER_MS, udpSilenceMs } from '../../src/checks/silence';

/**
 * When (performance.now()) a gathering in this document last proved a route
 * fast: a srflx or relay candidate within FAST_ANSWER_MS of its start. The
 * run's gatherings run side by side, so this is evidence about the network
 * each of them is on while it runs.
 */
let lastFastRouteAt = Number.NEGATIVE_INFINITY;

/** True when every server of the gathering is reached over UDP (stun:, turn: over UDP). */
function overUdpOnly(iceServers: IceServerConfig[]): boolean {
  const urls = iceServers.flatMap((s) => (Array.isArray(s.urls) ? s.urls : [s.urls]));
  return (
    urls.length > 0 &&
    urls.every((url) => {
      const parsed = parseIceUri(url);
      return parsed.ok && serverTransport(parsed.value) === 'udp';
    })
  );
}

/**
 * Gathers ICE candidates for one peer connection until Chrome says gathering
 * is complete, the deadline passes, or (with `finishOn`) the first candidate
 * of that type arrives, whichever comes first.
 *
 * The deadline is ours because Chrome's is not useful: a silent UDP server is
 * reported only after ~40 s, and against a DROP-filtered TCP TURN server
 * gathering never completes at all. A gathering over UDP only ends sooner,
 * past the browser's third retransmission to its servers, once another server
 * answered fast during it (src/checks/silence.ts; `deadlineMs` in the result
 * is then that time, so the check reads "no answer within 2 s").
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
      clearTimeout(early);
      result.durationMs = elapsed();
      pc.close();
      resolve(result);
    };
    const timer = setTimeout(() => {
      result.deadlineReached = true;
      finish();
    }, deadlineMs);
    let answered = false;
    const heard = () => {
      answered = true;
      if (elapsed() <= FAST_ANSWER_MS) lastFastRouteAt = performance.now();
    };
    const silenceAt = overUdpOnly(iceServers) ? udpSilenceMs(deadlineMs, 0) : deadlineMs;
    const early =
      silenceAt < deadlineMs
        ? setTimeout(() => {
            // Evidence is a route proven while this gathering ran: from an earlier run, or another network, it is none.
            if (answered || lastFastRouteAt < started) return;
            result.deadlineReached = true;
            result.deadlineMs = silenceAt;
            finish();
          }, silenceAt)
        : undefined;

    pc.addEventListener('icecandidate', (event) => {
      if (event.candidate && event.candidate.candidate) {
        const candidate = flattenCandidate(event.candidate, elapsed());
        result.candidates.push(candidate);
        if (candidate.type === 'srflx' || candidate.type === 'relay') heard();
        if (candidate.type === finishOn) finish();
      } else if (!event.candidate) {
        result.gatheringComplete = true;
        finish();
      }
    });
    pc.addEventListener('icecandidateerror', (event) => {
      const error = flattenCandidateError(event as RTCPeerConnectionIceErrorEvent, elapsed());
      result.errors.push(error);
      // A STUN error response (300-699, e.g. TURN's 401) is this server answering: not silent. 701 is Chrome giving up.
      if (error.errorCode >= 300 && error.errorCode < 700) answered = true;
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
