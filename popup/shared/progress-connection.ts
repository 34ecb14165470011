import type { ProgressEvent, RunProgress } from '../../src/contract/progress';
import type { Report } from '../../src/report/types';

/** The part of a runtime port this module uses (a `Port` of popup/shared/browser.ts, or a test's fake). */
export interface ProgressPort {
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

/** What the page hears about the run, already sorted out from the port's events. */
export interface RunListener {
  /** A check finished: the run is going on. */
  progress(progress: RunProgress): void;
  /** The run ended with its report. */
  report(report: Report): void;
  /** The run ended without a report; `message` is the service worker's. */
  failed(message: string): void;
  /** The service worker stopped while a run was in progress: that run is gone. */
  interrupted(): void;
}

/** The two waits, in ms: for the worker's `connected`, and before connecting again. */
export interface ConnectionTiming {
  answerMs: number;
  retryMs: number;
}
export const CONNECTION_TIMING: ConnectionTiming = { answerMs: 3_000, retryMs: 1_000 };

/**
 * Keeps a `progress` port (src/contract/progress.ts) open for as long as the
 * page lives, and returns the function that closes it for good.
 *
 * Only the service worker's end closes the port: it stopped (idle, updated or
 * killed), so a run it was doing is gone with it. The page is told
 * (`interrupted`, instead of "Checking… 2 of 3" forever) and the port opened
 * again after `retryMs`, which wakes a new worker for the next run's progress.
 * A live worker says `connected` at once; a port opened while the worker was
 * being stopped can stay open with nobody at the other end, so one that has
 * not answered after `answerMs` is given up and opened again. The pause before
 * every new attempt keeps a worker that cannot start from becoming a busy loop.
 */
export function keepProgressConnected(connect: () => ProgressPort, listener: RunListener, timing: ConnectionTiming = CONNECTION_TIMING): () => void {
  let live = true;
  let port: ProgressPort | null = null;
  let reconnect: ReturnType<typeof setTimeout> | undefined;
  /** A run's progress arrived and its end did not: what a lost worker interrupts. */
  let runSeen = false;

  const open = () => {
    const current = connect();
    port = current;
    let answered = false;
    const check = setTimeout(() => {
      if (answered || !live || port !== current) return;
      current.disconnect();
      port = null;
      reconnect = setTimeout(open, timing.retryMs);
    }, timing.answerMs);
    current.onMessage.addListener((message: unknown) => {
      answered = true;
      clearTimeout(check);
      const event = message as ProgressEvent;
      switch (event.type) {
        case 'connected':
          return;
        case 'progress':
          runSeen = true;
          return listener.progress(event.progress);
        case 'failed':
          runSeen = false;
          return listener.failed(event.message);
        case 'finished':
          runSeen = false;
          return listener.report(event.report);
      }
    });
    current.onDisconnect.addListener(() => {
      clearTimeout(check);
      if (port !== current) return;
      port = null;
      if (runSeen) {
        runSeen = false;
        listener.interrupted();
      }
      if (live) reconnect = setTimeout(open, timing.retryMs);
    });
  };
  open();
  return () => {
    live = false;
    clearTimeout(reconnect);
    port?.disconnect();
  };
}
