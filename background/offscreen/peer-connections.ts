/**
 * Creating peer connections without running out.
 *
 * Measured (Chromium 156, issue 20): Blink refuses `new RTCPeerConnection`
 * ("UnknownError: Cannot create so many PeerConnections") past 500 per
 * renderer process, and a closed connection keeps counting until garbage
 * collection. Every page of an extension shares one process, so closing and
 * recreating the offscreen document frees nothing; a 1 STUN + 20 TURN profile
 * broke the 23rd run of one session. The offscreen document allocates almost
 * nothing, so V8 seldom collects on its own; a burst of garbage makes it run
 * a full collection, which also sweeps the closed connections (measured: after
 * one such burst, 20 more runs of 22 connections worked).
 * So: on that one refusal, make garbage until the constructor succeeds, then
 * carry on. The cost is paid only when the limit is reached.
 */

const TOO_MANY = /so many PeerConnections/i;
/**
 * Garbage that survives a few young-generation collections gets promoted and
 * grows the old generation, which is what makes V8 run a full (unified heap)
 * collection that also sweeps Blink's closed RTCPeerConnection objects.
 * Short-lived garbage alone only triggers scavenges (measured: with it, one
 * run in a hundred still hit the limit). So a rolling window of a few arrays
 * of 8 MB (1M pointers) stays alive across steps.
 */
const STEP_LENGTH = 1_000_000;
const WINDOW = 4;
const MAX_STEPS = 80;
const PROBE_EVERY = 4;

let releasing: Promise<void> | null = null;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function tryCreate(config: RTCConfiguration): RTCPeerConnection | null {
  try {
    return new RTCPeerConnection(config);
  } catch (err) {
    if (err instanceof Error && TOO_MANY.test(err.message)) return null;
    throw err;
  }
}

async function releaseClosedConnections(config: RTCConfiguration): Promise<void> {
  const window: number[][] = [];
  for (let step = 1; step <= MAX_STEPS; step++) {
    window.push(new Array<number>(STEP_LENGTH).fill(step));
    if (window.length > WINDOW) window.shift();
    if (step % PROBE_EVERY !== 0) continue;
    // Blink sweeps collected objects in later tasks: give it one before asking again.
    await nextTask();
    const probe = tryCreate(config);
    if (probe) {
      probe.close();
      return;
    }
  }
}

/** A refused constructor waits for at most this many collections before giving up (then the check is `error`, never a network failure). */
const MAX_ROUNDS = 5;

/**
 * `new RTCPeerConnection(config)`, collecting closed connections first when
 * Blink's per-process limit refuses it. Throws what the constructor throws
 * for anything else (a bad ICE server URL, missing TURN credentials), and the
 * refusal itself after MAX_ROUNDS collections that freed nothing for it.
 */
export async function createPeerConnection(config: RTCConfiguration): Promise<RTCPeerConnection> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pc = tryCreate(config);
    if (pc) return pc;
    // Every connection refused at the same moment waits for the same collection.
    releasing ??= releaseClosedConnections(config).finally(() => {
      releasing = null;
    });
    await releasing;
  }
  return new RTCPeerConnection(config);
}
