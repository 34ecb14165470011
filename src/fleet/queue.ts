/**
 * The send queue as pure state transitions; background/fleet/sender.ts keeps
 * it in storage.local and applies these. Delivery is at least once, never
 * silently lost:
 * - an entry leaves the queue only when the collector accepted it (2xx) or
 *   refused it for good (400, 413), or when the bound pushes it out (counted);
 * - before each fetch the entry is marked `sendingSince` in storage
 *   (mark-before-send). Sends are one at a time, so after a service-worker
 *   restart at most that one entry can have reached the collector unconfirmed;
 *   it is sent again with the same `log.record.uid` (the report id), which
 *   OpenTelemetry's semantic conventions define as "duplicates may be
 *   dropped", and `npm run fleet` keeps one record per uid. Every other entry
 *   is sent exactly once.
 */
import { retryDelay, RETRY_CAP_MS } from './backoff';
import { EMPTY_SEND_STATUS, TRANSIENT_PROBLEMS, withProblem, type SendProblemCode, type SendStatus } from './status';

export interface QueuedReport {
  /** The report id, also the record's log.record.uid. */
  id: string;
  /** The OTLP/HTTP JSON request, built once: every attempt sends the same bytes. */
  payload: string;
  /** ms since the epoch. */
  queuedAt: number;
  /** Failed attempts so far. */
  failures: number;
  nextAttemptAt: number;
  /** Set in storage before the fetch starts; non-null at a worker's start means that send was cut off. */
  sendingSince: number | null;
}

export interface SendState {
  queue: QueuedReport[];
  status: SendStatus;
}

/** 20 reports or 2 MB (a report is at most 250 KB stored; storage.local holds 10 MB with the history). */
export const QUEUE_BOUNDS = { count: 20, bytes: 2_000_000 } as const;
/** A clock that moved back by more than this counts as a change (small NTP steps do not). */
const CLOCK_SLACK_MS = 5 * 60_000;

export const EMPTY_STATE: SendState = { queue: [], status: EMPTY_SEND_STATUS };

function counted(state: SendState): SendState {
  // The queue waits on its head (nextDue).
  const head = state.queue[0];
  return { ...state, status: { ...state.status, queued: state.queue.length, nextAttemptAt: head ? new Date(head.nextAttemptAt).toISOString() : null } };
}

/** Appends a report; while the queue is over its bound the oldest entries are dropped and counted (`queue-full`). */
export function enqueue(
  state: SendState,
  entry: Pick<QueuedReport, 'id' | 'payload'>,
  now: number,
  bounds: { count: number; bytes: number } = QUEUE_BOUNDS,
): SendState {
  if (state.queue.some((e) => e.id === entry.id)) return state;
  const queue = [...state.queue, { ...entry, queuedAt: now, failures: 0, nextAttemptAt: now, sendingSince: null }];
  let dropped = 0;
  const bytes = () => queue.reduce((sum, e) => sum + e.payload.length, 0);
  while (queue.length > 1 && (queue.length > bounds.count || bytes() > bounds.bytes)) {
    queue.shift();
    dropped += 1;
  }
  let status = state.status;
  if (dropped > 0) status = withProblem({ ...status, dropped: status.dropped + dropped }, 'queue-full', now, { count: dropped });
  return counted({ queue, status });
}

/**
 * The entry to send now: the oldest, once its time has come; null otherwise.
 * The queue waits on its head: after a failure nothing behind it is tried
 * either, so a dead collector costs one attempt per backoff step, not one per report.
 */
export function nextDue(state: SendState, now: number): QueuedReport | null {
  const head = state.queue[0];
  return head && head.nextAttemptAt <= now ? head : null;
}

/**
 * The device clock moved back (an entry queued "in the future", or a retry
 * further off than any backoff gives): every wait is reset to now, so a
 * report is not held back for the hours the clock jumped.
 */
export function checkClock(state: SendState, now: number): SendState {
  const jumped = state.queue.some((e) => e.queuedAt > now + CLOCK_SLACK_MS || e.nextAttemptAt > now + RETRY_CAP_MS + CLOCK_SLACK_MS);
  if (!jumped) return state;
  const queue = state.queue.map((e) => ({ ...e, nextAttemptAt: now, queuedAt: Math.min(e.queuedAt, now) }));
  return counted({ queue, status: withProblem(state.status, 'clock-changed', now) });
}

/** Mark-before-send: written to storage before the fetch. */
export function markSending(state: SendState, id: string, now: number): SendState {
  return { ...state, queue: state.queue.map((e) => (e.id === id ? { ...e, sendingSince: now } : e)) };
}

/** At a worker's first look at the queue: a send the previous worker started and never finished is due again (`resent`). */
export function recoverCutOffSends(state: SendState, now: number): SendState {
  const cut = state.queue.filter((e) => e.sendingSince !== null).length;
  if (cut === 0) return state;
  const queue = state.queue.map((e) => (e.sendingSince !== null ? { ...e, sendingSince: null, nextAttemptAt: now } : e));
  return counted({ queue, status: withProblem(state.status, 'resent', now, { count: cut }) });
}

/** What one attempt came to (src/fleet/outcome.ts decides it from the answer). */
export type AttemptResult =
  | { action: 'done'; partial?: { rejected: number } }
  | { action: 'retry'; problem: SendProblemCode; status?: number }
  | { action: 'drop'; problem: SendProblemCode; status?: number };

export function afterAttempt(state: SendState, id: string, result: AttemptResult, now: number, random: () => number = Math.random): SendState {
  const entry = state.queue.find((e) => e.id === id);
  // Dropped at the bound while it was out: the count already says so; a 2xx still counts as sent.
  const rest = state.queue.filter((e) => e.id !== id);
  let status = state.status;
  if (result.action === 'done') {
    status = {
      ...status,
      sent: status.sent + 1,
      lastSentAt: new Date(now).toISOString(),
      problems: status.problems.filter((p) => !TRANSIENT_PROBLEMS.includes(p.code)),
    };
    if (result.partial) status = withProblem(status, 'partially-rejected', now, { count: result.partial.rejected });
    return counted({ queue: rest, status });
  }
  if (result.action === 'drop') {
    if (entry) status = { ...status, dropped: status.dropped + 1 };
    return counted({ queue: rest, status: withProblem(status, result.problem, now, { status: result.status }) });
  }
  status = withProblem(status, result.problem, now, { status: result.status });
  if (!entry) return counted({ queue: rest, status });
  const failures = entry.failures + 1;
  const queue = state.queue.map((e) => (e.id === id ? { ...e, failures, sendingSince: null, nextAttemptAt: now + retryDelay(failures, random) } : e));
  return counted({ queue, status });
}

/** A stored queue from any version: entries that do not have the shape are left out. */
export function readQueuedReports(queue: unknown): QueuedReport[] {
  return Array.isArray(queue)
    ? queue.filter(
        (e): e is QueuedReport =>
          typeof e === 'object' &&
          e !== null &&
          typeof e.id === 'string' &&
          typeof e.payload === 'string' &&
          typeof e.queuedAt === 'number' &&
          typeof e.failures === 'number' &&
          typeof e.nextAttemptAt === 'number' &&
          (e.sendingSince === null || typeof e.sendingSince === 'number'),
      )
    : [];
}

/** Queue and status as stored -> the state, counts recomputed. */
export function readSendState(queue: unknown, status: SendStatus): SendState {
  return counted({ queue: readQueuedReports(queue), status });
}
