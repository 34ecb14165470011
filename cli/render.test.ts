import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/report/types';
import { renderForCli } from './render';

const fixture = async (name: string) => JSON.parse(await readFile(`test/fixtures/reports/${name}.json`, 'utf8')) as Report;

describe('renderForCli', () => {
  it('prints the golden ticket text of a relayed run', async () => {
    const golden = await readFile('test/fixtures/reports/relayed-tcp.ticket.md', 'utf8');
    const report = await fixture('relayed-tcp');
    expect(renderForCli(report, { format: 'text', redactIps: true }).trimEnd()).toBe(golden.trimEnd());
  });

  it('prints the report as JSON, redacted on request', async () => {
    const report = await fixture('direct');
    const lanAddress = report.candidates.find((c) => c.type === 'host' && /^\d+\.\d+\.\d+\.\d+$/.test(c.address ?? ''))!.address!;
    expect(JSON.stringify(report)).toContain(lanAddress);
    const printed = renderForCli(report, { format: 'json', redactIps: true });
    expect(printed).not.toContain(lanAddress);
    expect(printed).toContain('host-1');
    expect((JSON.parse(printed) as Report).redaction.ipAddresses).toBe(true);
    // JSON keeps the addresses unless asked.
    expect(renderForCli(report, { format: 'json', redactIps: null })).toContain(lanAddress);
  });
});
