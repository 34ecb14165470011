import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { severity } from '../../src/fleet/record';
import type { Report } from '../../src/report/types';

/** docs/fleet.md, from the report's status: INFO (route proven, nobody has anything to do), WARN (between), ERROR (calls will not connect). */
const relayed = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/reports/relayed-tcp.json'), 'utf8')) as Report;
const clean = { ...relayed, missingRules: [], otherCauses: [], outcome: { ...relayed.outcome, tone: 'slow' as const, blockedServices: [] } };

describe('the OTLP record’s severity', () => {
  it('is INFO for a proven relay with nothing missing (slower, but calls work)', () => {
    expect(clean.verdict).toMatchObject({ route: 'relay-tcp', routeVerified: true });
    expect(severity(clean)).toBe('INFO');
  });

  it('is WARN with a rule missing, an unproven route or a required service failing', () => {
    expect(severity(relayed)).toBe('WARN');
    expect(severity({ ...clean, verdict: { ...clean.verdict, routeVerified: false } })).toBe('WARN');
    expect(severity({ ...clean, outcome: relayed.outcome })).toBe('WARN');
    expect(severity({ ...clean, otherCauses: relayed.otherCauses })).toBe('WARN');
    expect(severity({ ...clean, verdict: { ...clean.verdict, route: 'untested' } })).toBe('WARN');
  });

  it('is ERROR when calls will fail', () => {
    expect(severity({ ...clean, verdict: { ...clean.verdict, route: 'none' } })).toBe('ERROR');
  });
});
