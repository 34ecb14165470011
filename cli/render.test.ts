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
    const printed = JSON.parse(renderForCli(report, { format: 'json', redactIps: true })) as Report;
    expect(printed.redaction.ipAddresses).toBe(true);
    expect(printed.id).toBe(report.id);
  });
});
