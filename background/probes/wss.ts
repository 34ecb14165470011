import { sameOriginHttps, type WebSocketCheckEvidence } from '../../src/checks/kind-wss';
import type { PlannedWebSocketCheck } from '../../src/checks/types';
import { localProbe } from '../../src/profile/local-targets';
import type { ProbeRun } from './probe-run';
import { probeWebSocket } from './websocket-probe';

/** The `wss` probe: the socket (websocket-probe.ts) and, at the same time, an HTTPS request to its origin. */
export async function probeWebSocketCheck(check: PlannedWebSocketCheck, run: ProbeRun): Promise<WebSocketCheckEvidence> {
  const httpsUrl = sameOriginHttps(check);
  const [socket, https] = await Promise.all([
    probeWebSocket(localProbe(check).url, check.deadlineMs),
    httpsUrl ? run.fetchOnce(httpsUrl, check.deadlineMs) : Promise.resolve(null),
  ]);
  return { socket, https };
}
