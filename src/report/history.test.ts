import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addToHistory, HISTORY_LIMIT, historyEntry, readHistoryValue } from './history';
import type { Report } from './types';

const base = JSON.parse(readFileSync(new URL('../../test/fixtures/reports/direct.json', import.meta.url), 'utf8')) as Report;
const numbered = (n: number): Report => ({ ...base, id: `run-${n}` });

describe('history', () => {
  it('keeps the newest 20, newest first', () => {
    let history: Report[] = [];
    for (let n = 1; n <= 25; n++) history = addToHistory(history, numbered(n));
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]!.id).toBe('run-25');
    expect(history.at(-1)!.id).toBe('run-6');
  });

  it('does not list the same report twice', () => {
    expect(addToHistory([numbered(1), numbered(2)], numbered(2)).map((r) => r.id)).toEqual(['run-2', 'run-1']);
  });

  it('lists time, profile and verdict', () => {
    expect(historyEntry(base)).toEqual({
      id: base.id,
      startedAt: base.startedAt,
      profileId: 'lab',
      profileName: 'Network lab',
      route: 'hole-punching',
      missingRules: base.missingRules.length,
    });
  });

  it('reads a damaged stored value as an empty or shorter list', () => {
    expect(readHistoryValue(undefined)).toEqual([]);
    expect(readHistoryValue('oops')).toEqual([]);
    expect(readHistoryValue([numbered(1), null, { id: 3 }]).map((r) => r.id)).toEqual(['run-1']);
  });
});
