import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  afterAttempt,
  checkClock,
  EMPTY_STATE,
  enqueue,
  markSending,
  nextDue,
  recoverCutOffSends,
  readSendState,
  type AttemptResult,
  type SendState,
} from './queue';
import { RETRY_BASE_MS } from './backoff';

const T0 = Date.parse('2026-11-30T08:00:00Z');
const report = (id: string, size = 10) => ({ id, payload: 'x'.repeat(size) });
const bounds = { count: 3, bytes: 1_000 };
const add = (state: SendState, ...ids: string[]) => ids.reduce((s, id) => enqueue(s, report(id), T0, bounds), state);

describe('send queue', () => {
  it('drops the oldest report at its bound and counts it', () => {
    const state = add(EMPTY_STATE, 'a', 'b', 'c', 'd', 'e');
    expect(state.queue.map((e) => e.id)).toEqual(['c', 'd', 'e']);
    expect(state.status).toMatchObject({ queued: 3, dropped: 2 });
    expect(state.status.problems).toEqual([expect.objectContaining({ code: 'queue-full', count: 2 })]);
  });

  it('keeps to its byte bound too, and never queues a report twice', () => {
    let state = enqueue(EMPTY_STATE, report('big-1', 600), T0, bounds);
    state = enqueue(state, report('big-2', 600), T0, bounds);
    expect(state.queue.map((e) => e.id)).toEqual(['big-2']);
    expect(enqueue(state, report('big-2', 600), T0, bounds)).toBe(state);
  });

  it('waits on its head: after a failure nothing is due until the backoff ends', () => {
    let state = add(EMPTY_STATE, 'a', 'b');
    expect(nextDue(state, T0)?.id).toBe('a');
    state = afterAttempt(markSending(state, 'a', T0), 'a', { action: 'retry', problem: 'unreachable' }, T0, () => 0);
    expect(nextDue(state, T0 + 1_000)).toBeNull();
    expect(state.queue[0]).toMatchObject({ id: 'a', failures: 1, sendingSince: null, nextAttemptAt: T0 + RETRY_BASE_MS / 2 });
    expect(state.status).toMatchObject({ queued: 2, nextAttemptAt: new Date(T0 + RETRY_BASE_MS / 2).toISOString() });
    expect(nextDue(state, T0 + RETRY_BASE_MS / 2)?.id).toBe('a');
  });

  it('removes a sent report, counts it and clears the problems that only said the last attempt failed', () => {
    let state = add(EMPTY_STATE, 'a', 'b', 'c', 'd');
    state = afterAttempt(state, 'b', { action: 'retry', problem: 'cors-refused' }, T0);
    state = afterAttempt(state, 'b', { action: 'done' }, T0 + 5);
    expect(state.queue.map((e) => e.id)).toEqual(['c', 'd']);
    expect(state.status).toMatchObject({ sent: 1, queued: 2, lastSentAt: new Date(T0 + 5).toISOString() });
    expect(state.status.problems.map((p) => p.code)).toEqual(['queue-full']);
  });

  it('drops a report the collector can never take (413) and says so', () => {
    const state = afterAttempt(add(EMPTY_STATE, 'a', 'b'), 'a', { action: 'drop', problem: 'too-large', status: 413 }, T0);
    expect(state.queue.map((e) => e.id)).toEqual(['b']);
    expect(state.status.dropped).toBe(1);
    expect(state.status.problems[0]).toMatchObject({ code: 'too-large', status: 413, count: 1 });
  });

  it('sends a report cut off by a worker restart again, and only that one', () => {
    let state = add(EMPTY_STATE, 'a', 'b');
    state = afterAttempt(state, 'a', { action: 'retry', problem: 'unreachable' }, T0);
    state = markSending(state, 'a', T0 + 60_000);
    // A new worker reads what the old one stored.
    const reread = recoverCutOffSends(readSendState(JSON.parse(JSON.stringify(state.queue)), state.status), T0 + 61_000);
    expect(reread.queue.map((e) => [e.id, e.sendingSince, e.nextAttemptAt <= T0 + 61_000])).toEqual([
      ['a', null, true],
      ['b', null, true],
    ]);
    expect(reread.status.problems[0]).toMatchObject({ code: 'resent', count: 1 });
    expect(recoverCutOffSends(add(EMPTY_STATE, 'a'), T0)).toEqual(add(EMPTY_STATE, 'a'));
  });

  it('resets waits when the clock moved back, not for small steps', () => {
    let state = afterAttempt(add(EMPTY_STATE, 'a'), 'a', { action: 'retry', problem: 'slow' }, T0, () => 1);
    expect(checkClock(state, T0 - 60_000)).toBe(state);
    state = checkClock(state, T0 - 3 * 3600_000);
    expect(nextDue(state, T0 - 3 * 3600_000)?.id).toBe('a');
    expect(state.status.problems[0]?.code).toBe('clock-changed');
  });

  it('reads back only entries of the right shape', () => {
    const state = readSendState([{ id: 'a' }, 'x', null, { ...add(EMPTY_STATE, 'b').queue[0] }], EMPTY_STATE.status);
    expect(state.queue.map((e) => e.id)).toEqual(['b']);
    expect(readSendState('garbage', EMPTY_STATE.status).queue).toEqual([]);
  });

  it('accounts for every report: sent + dropped + queued = queued ever, whatever happens', () => {
    const results: fc.Arbitrary<AttemptResult> = fc.constantFrom<AttemptResult>(
      { action: 'done' },
      { action: 'retry', problem: 'unreachable' },
      { action: 'retry', problem: 'busy', status: 503 },
      { action: 'drop', problem: 'too-large', status: 413 },
    );
    const step = fc.oneof(
      fc.record({ op: fc.constant('add' as const) }),
      fc.record({ op: fc.constant('send' as const), result: results }),
      fc.record({ op: fc.constant('restart' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let state = EMPTY_STATE;
        let now = T0;
        let added = 0;
        const sentIds: string[] = [];
        for (const s of steps) {
          now += 3_600_000;
          if (s.op === 'add') state = enqueue(state, report(`r${added++}`), now, bounds);
          else if (s.op === 'restart') state = recoverCutOffSends(state, now);
          else {
            const entry = nextDue(state, now);
            if (!entry) continue;
            state = markSending(state, entry.id, now);
            state = afterAttempt(state, entry.id, s.result, now);
            if (s.result.action === 'done') sentIds.push(entry.id);
          }
        }
        expect(state.status.sent + state.status.dropped + state.queue.length).toBe(added);
        expect(new Set(sentIds).size).toBe(sentIds.length);
        expect(state.queue.length).toBeLessThanOrEqual(bounds.count);
      }),
    );
  });
});

describe('storage key', () => {
  it('is the one the contract’s key list names', async () => {
    const { STORAGE_KEYS } = await import('../contract/storage-keys');
    const { SEND_STATUS_STORAGE_KEY } = await import('./status');
    expect(SEND_STATUS_STORAGE_KEY).toBe(STORAGE_KEYS.reportSendStatus);
  });
});
