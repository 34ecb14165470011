import { browser, type Runtime } from '../browser';
import { PROGRESS_PORT, type ProgressEvent } from '../../src/contract/progress';

/**
 * Open popups connect a port named `progress`; every run event goes to each.
 * A popup that closes simply disconnects: the run does not depend on it.
 */

const ports = new Set<Runtime.Port>();
let current: ProgressEvent | null = null;

export function listenForProgressPorts(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PROGRESS_PORT || port.sender?.id !== browser.runtime.id) return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    const hello: ProgressEvent = { type: 'connected' };
    port.postMessage(hello);
    // A popup opened mid-run catches up at once: progress messages are cumulative.
    if (current) port.postMessage(current);
  });
}

export function broadcast(message: ProgressEvent): void {
  // Only a run in progress is news to a popup opened later; its end is not.
  current = message.type === 'progress' ? message : null;
  for (const port of ports) {
    try {
      port.postMessage(message);
    } catch {
      ports.delete(port);
    }
  }
}
