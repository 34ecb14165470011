import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepProgressConnected, type ProgressPort, type RunListener } from '../../popup/shared/progress-connection';
import type { ProgressEvent, RunProgress } from '../../src/contract/progress';
import type { Report } from '../../src/report/types';

/** A port whose other end the test plays: `send` is the worker speaking, `workerStops` its end closing. */
class FakePort implements ProgressPort {
  private readonly messageListeners: ((m: unknown) => void)[] = [];
  private readonly disconnectListeners: (() => void)[] = [];
  closedByPage = false;
  onMessage = { addListener: (l: (m: unknown) => void) => void this.messageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => void this.disconnectListeners.push(l) };
  disconnect(): void {
    // As in Chrome: the end that disconnects is not told.
    this.closedByPage = true;
  }
  send(event: ProgressEvent): void {
    for (const l of this.messageListeners) l(event);
  }
  workerStops(): void {
    for (const l of this.disconnectListeners) l();
  }
}

const PROGRESS = { done: 1, total: 3 } as unknown as RunProgress;
const REPORT = { id: 'r1' } as unknown as Report;

describe('the progress connection (popup/shared/progress-connection.ts)', () => {
  let ports: FakePort[];
  let heard: string[];
  let stop: () => void;
  const listener: RunListener = {
    progress: () => heard.push('progress'),
    report: (r) => heard.push(`report ${r.id}`),
    failed: (m) => heard.push(`failed ${m}`),
    interrupted: () => heard.push('interrupted'),
  };

  beforeEach(() => {
    vi.useFakeTimers();
    ports = [];
    heard = [];
    stop = keepProgressConnected(
      () => {
        const port = new FakePort();
        ports.push(port);
        return port;
      },
      listener,
      { answerMs: 3_000, retryMs: 1_000 },
    );
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('passes a run through: progress, then its report', () => {
    ports[0]!.send({ type: 'connected' });
    ports[0]!.send({ type: 'progress', progress: PROGRESS });
    ports[0]!.send({ type: 'finished', report: REPORT });
    ports[0]!.send({ type: 'failed', message: 'no profile' });
    expect(heard).toEqual(['progress', 'report r1', 'failed no profile']);
  });

  it('says a run was interrupted when the worker stops mid-run, and connects again after the pause', () => {
    ports[0]!.send({ type: 'connected' });
    ports[0]!.send({ type: 'progress', progress: PROGRESS });
    ports[0]!.workerStops();
    expect(heard).toEqual(['progress', 'interrupted']);
    vi.advanceTimersByTime(999);
    expect(ports).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(ports).toHaveLength(2);
  });

  it('says nothing when an idle worker stops (no run was going on), but still reconnects', () => {
    ports[0]!.send({ type: 'connected' });
    ports[0]!.send({ type: 'progress', progress: PROGRESS });
    ports[0]!.send({ type: 'finished', report: REPORT });
    ports[0]!.workerStops();
    expect(heard).toEqual(['progress', 'report r1']);
    vi.advanceTimersByTime(1_000);
    expect(ports).toHaveLength(2);
  });

  it('gives up a port nobody answers on, and opens a new one', () => {
    vi.advanceTimersByTime(2_999);
    expect(ports[0]!.closedByPage).toBe(false);
    vi.advanceTimersByTime(1);
    expect(ports[0]!.closedByPage).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(ports).toHaveLength(2);
    ports[1]!.send({ type: 'connected' });
    vi.advanceTimersByTime(10_000);
    expect(ports).toHaveLength(2);
    expect(ports[1]!.closedByPage).toBe(false);
  });

  it('stops for good: the port closed, no reconnect pending', () => {
    ports[0]!.send({ type: 'connected' });
    stop();
    expect(ports[0]!.closedByPage).toBe(true);
    ports[0]!.workerStops();
    vi.advanceTimersByTime(60_000);
    expect(ports).toHaveLength(1);
  });
});
