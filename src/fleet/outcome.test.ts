import { describe, expect, it } from 'vitest';
import { attemptResult } from './outcome';

describe('what an attempt’s answer does to the report', () => {
  it.each([
    [{ kind: 'response', status: 200, type: 'cors' }, { action: 'done' }],
    [
      { kind: 'response', status: 200, type: 'cors', partialRejected: 1 },
      { action: 'done', partial: { rejected: 1 } },
    ],
    [
      { kind: 'response', status: 400, type: 'cors' },
      { action: 'drop', problem: 'rejected', status: 400 },
    ],
    [
      { kind: 'response', status: 413, type: 'cors' },
      { action: 'drop', problem: 'too-large', status: 413 },
    ],
    [
      { kind: 'response', status: 429, type: 'cors' },
      { action: 'retry', problem: 'busy', status: 429 },
    ],
    [
      { kind: 'response', status: 503, type: 'cors' },
      { action: 'retry', problem: 'busy', status: 503 },
    ],
    [
      { kind: 'response', status: 401, type: 'cors' },
      { action: 'retry', problem: 'http-error', status: 401 },
    ],
    [
      { kind: 'response', status: 500, type: 'cors' },
      { action: 'retry', problem: 'http-error', status: 500 },
    ],
    [
      { kind: 'response', status: 0, type: 'opaqueredirect' },
      { action: 'retry', problem: 'redirect' },
    ],
    [
      { kind: 'response', status: 308, type: 'basic' },
      { action: 'retry', problem: 'redirect', status: 308 },
    ],
    [
      { kind: 'failed', answered: false },
      { action: 'retry', problem: 'unreachable' },
    ],
    [
      { kind: 'failed', answered: true },
      { action: 'retry', problem: 'cors-refused' },
    ],
    [{ kind: 'timeout' }, { action: 'retry', problem: 'slow' }],
    // Issue 29: a header value the browser cannot send is named as such, not as a CORS refusal.
    [{ kind: 'refused-by-browser' }, { action: 'retry', problem: 'header-refused' }],
  ] as const)('%j -> %j', (answer, result) => {
    expect(attemptResult(answer)).toEqual(result);
  });
});
