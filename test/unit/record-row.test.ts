import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { otlpLogsRequest } from '../../src/fleet/record';
import { rowFromRecord } from '../../src/fleet/record-row';
import { fleetRow } from '../../src/fleet/summary';
import type { Report } from '../../src/report/types';

/**
 * `npm run fleet` reads a record's attributes instead of parsing the report in
 * its body (src/fleet/record-row.ts): on every captured report, with and without
 * a site and ChromeOS device facts, both readings give the same row.
 */
const DIR = resolve(import.meta.dirname, '../fixtures/reports');
const captured = [DIR, join(DIR, 'status')].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Report] as const),
);

function asSent(report: Report, site: string | null, facts: Record<string, string>): Report {
  const env = report.environment;
  return {
    ...report,
    environment: {
      ...env,
      device: { ...env.device, available: Object.keys(facts).length > 0, facts },
      policy: { ...env.policy, reportsSentTo: { endpoint: 'https://otel.district.example/v1/logs', site, triggers: ['schedule'] } },
    },
  };
}

describe('a fleet row from the record’s attributes', () => {
  const variants = [
    ['no site, no device facts', null, {}],
    ['a site and a Chromebook', 'Ashgrove Primary', { directoryDeviceId: 'dev-42', hostname: 'cb-12', assetId: 'A-7', annotatedLocation: 'Room 4' }],
  ] as const;
  for (const [name, report] of captured)
    for (const [label, site, facts] of variants)
      it(`${name}, ${label}`, () => {
        const sent = asSent(report, site, facts);
        const request = JSON.parse(otlpLogsRequest(sent, { site }, Date.now())) as {
          resourceLogs: { resource: unknown; scopeLogs: { logRecords: Record<string, unknown>[] }[] }[];
        };
        const rl = request.resourceLogs[0]!;
        expect(rowFromRecord(rl.scopeLogs[0]!.logRecords[0]!, rl.resource)).toEqual(fleetRow(JSON.parse(JSON.stringify(sent))));
      });

  it('gives null, so the body is read, when the attributes are not the extension’s', () => {
    expect(rowFromRecord({ timeUnixNano: '1796597885591000000', attributes: [] }, {})).toBeNull();
    expect(rowFromRecord({ attributes: [{ key: 'log.record.uid', value: { stringValue: 'x' } }] }, {})).toBeNull();
  });
});
