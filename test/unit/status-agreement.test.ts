import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types';
import { statusDisagreements } from '../support/status-agreement';

/**
 * The walk the e2e suites run on every lab network (test/support/status-agreement.ts),
 * here on every captured report, so a renderer that tells the status another way
 * fails in seconds; and fed contradictions it must catch.
 */
const DIR = resolve(import.meta.dirname, '../fixtures/reports');
const captured = [DIR, join(DIR, 'status')].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Report] as const),
);

describe('one status on every surface', () => {
  it.each(captured)('%s', (_name, report) => {
    expect(statusDisagreements(report)).toEqual([]);
  });

  it('catches a row that contradicts the status', () => {
    const [, direct] = captured.find(([name]) => name === 'relay-login-direct.json')!;
    // A report whose route says "direct" while its methods say hole punching is not available.
    const lying = {
      ...direct,
      verdict: { ...direct.verdict, methods: direct.verdict.methods.map((m) => (m.method === 'hole-punching' ? { ...m, status: 'unavailable' as const } : m)) },
    };
    expect(statusDisagreements(lying)).toContain('direct: hole punching unavailable under "direct"');
  });
});
