import type { WebSocketEvidence } from '../../src/checks/evidence';
import { watchRequest } from './web-request-watch';

/**
 * Opens one WebSocket and closes it as soon as the handshake succeeds. A
 * failed socket tells only `close 1006`; the check compares it with the
 * HTTPS check of the same host to tell a refused upgrade from a dead host.
 */
export async function probeWebSocket(url: string, deadlineMs: number): Promise<WebSocketEvidence> {
  const started = performance.now();
  const first = await openOnce(url, deadlineMs);
  // A socket names no cause when it fails, so a failure from Chrome's start-up
  // network churn (ERR_NETWORK_CHANGED, which the fetch probe retries) looks like
  // any other; measured in the lab as a 1006 close within ~80 ms while the same
  // socket opened a moment later. One more try within the deadline tells them
  // apart; a real refusal fails twice.
  const left = deadlineMs - (performance.now() - started);
  if (first.opened || first.timedOut || left < 250) return first;
  const second = await openOnce(url, left);
  return { ...second, durationMs: Math.round(performance.now() - started) };
}

function openOnce(url: string, deadlineMs: number): Promise<WebSocketEvidence> {
  const watch = watchRequest(url);
  const started = performance.now();
  return new Promise<WebSocketEvidence>((resolve) => {
    let socket: WebSocket;
    const finish = (opened: boolean, closeCode: number | null, timedOut: boolean) => {
      clearTimeout(timer);
      watch.stop();
      resolve({ url, opened, closeCode, timedOut, durationMs: Math.round(performance.now() - started), ...watch.observation() });
    };
    const timer = setTimeout(() => {
      socket.onclose = null;
      socket.close();
      finish(false, null, true);
    }, deadlineMs);
    try {
      socket = new WebSocket(url);
    } catch {
      // A malformed URL throws SyntaxError at once.
      clearTimeout(timer);
      finish(false, null, false);
      return;
    }
    socket.onopen = () => {
      socket.onclose = null;
      socket.close(1000);
      finish(true, null, false);
    };
    socket.onclose = (event) => finish(false, event.code, false);
  });
}
