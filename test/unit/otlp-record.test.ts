import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { otlpLogsRequest, partialRejection, EVENT_NAME, SERVICE_NAME } from '../../src/fleet/record';
import type { Report } from '../../src/report/types';
import { redactIps } from '../../src/report/redact-ips';
import { decodeBody, decodeLogsRequest, loadLogsRequestType, type OtlpAnyValue } from '../lab/otlp-strict.mjs';
import { gzip } from '../../background/fleet/gzip';
import { gzipSync } from 'node:zlib';

/**
 * The record the extension sends, decoded against the official OTLP protobuf
 * definitions (test/lab/otlp-proto) by the lab receiver's strict decoder, and
 * that decoder shown to refuse what is malformed.
 */
const type = loadLogsRequestType();
const report = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/reports/relayed-tcp.json'), 'utf8')) as Report;
const json = (text: string) => Buffer.from(text);

function plain(value: OtlpAnyValue | undefined): unknown {
  if (!value) return undefined;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plain);
  return value.stringValue ?? value.boolValue ?? value.intValue ?? value.doubleValue;
}

describe('one report as one OTLP log record', () => {
  const observedAt = Date.parse('2026-11-29T10:00:05.250Z');
  const body = otlpLogsRequest(report, { site: 'Ashgrove Primary' }, observedAt);
  const decoded = decodeLogsRequest(type, 'application/json', json(body));
  const records = decoded.resourceLogs?.flatMap((r) => r.scopeLogs ?? []).flatMap((s) => s.logRecords ?? []) ?? [];
  const record = records[0]!;
  const attrs = Object.fromEntries((record.attributes ?? []).map((a) => [a.key, plain(a.value)]));

  it('is a valid ExportLogsServiceRequest holding exactly one record', () => {
    expect(records).toHaveLength(1);
    const resource = Object.fromEntries((decoded.resourceLogs?.[0]?.resource?.attributes ?? []).map((a) => [a.key, plain(a.value)]));
    expect(resource).toMatchObject({ 'service.name': SERVICE_NAME, 'service.version': report.environment.extensionVersion });
    expect(record.eventName).toBe(EVENT_NAME);
  });

  it('carries the report JSON as its body and the run’s time as its timestamp', () => {
    expect(JSON.parse(record.body?.stringValue ?? 'null')).toEqual(report);
    expect(record.timeUnixNano).toBe(`${Date.parse(report.startedAt)}000000`);
    expect(record.observedTimeUnixNano).toBe(String(BigInt(observedAt) * 1_000_000n));
  });

  it('has the attributes a fleet query groups by', () => {
    expect(attrs).toMatchObject({
      'log.record.uid': report.id,
      'wnc.trigger': report.trigger,
      'wnc.site': 'Ashgrove Primary',
      'wnc.profile.id': report.profile.id,
      'wnc.profile.version': report.profile.version,
      'wnc.route': report.verdict.route,
      'wnc.route_verified': report.verdict.routeVerified,
      'wnc.missing_rules.count': String(report.missingRules.length),
      'wnc.missing_rules.ids': report.missingRules.map((r) => r.ruleId),
    });
    expect(report.missingRules.length).toBeGreaterThan(0);
    expect(attrs['wnc.causes']).toContain('firewall');
    expect(record.severityText).toBe('WARN');
  });

  it('leaves the site out when the policy gives none', () => {
    const without = decodeLogsRequest(type, 'application/json', json(otlpLogsRequest(report, { site: null }, observedAt)));
    const keys = without.resourceLogs![0]!.scopeLogs![0]!.logRecords![0]!.attributes!.map((a) => a.key);
    expect(keys).not.toContain('wnc.site');
  });

  it('sends no address of the user when the copy is redacted', () => {
    const addresses = report.candidates.filter((c) => c.type === 'host').map((c) => c.address);
    expect(addresses.length).toBeGreaterThan(0);
    const sent = otlpLogsRequest(redactIps(report), { site: null }, observedAt);
    for (const address of addresses) expect(sent).not.toContain(`"${address}`);
  });

  it('reads a collector’s partial success', () => {
    expect(partialRejection(json('{}'))).toBeNull();
    expect(partialRejection(json('{"partialSuccess":{"rejectedLogRecords":"1","errorMessage":"too old"}}'))).toEqual({ rejected: 1, message: 'too old' });
  });
});

describe('the strict decoder', () => {
  it('accepts the specification’s own example', () => {
    const example = {
      resourceLogs: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'my.service' } }] },
          scopeLogs: [
            {
              scope: { name: 'my.library', version: '1.0.0' },
              logRecords: [
                {
                  timeUnixNano: '1544712660300000000',
                  severityNumber: 10,
                  traceId: '5B8EFFF798038103D269B633813FC60C',
                  spanId: 'EEE19B7EC3C1B174',
                  body: { stringValue: 'Example log record' },
                },
              ],
            },
          ],
        },
      ],
    };
    expect(() => decodeLogsRequest(type, 'application/json', json(JSON.stringify(example)))).not.toThrow();
  });

  it.each([
    ['not JSON', '{"resourceLogs":', /not JSON/],
    ['a misspelt field', '{"resourceLog":[]}', /resourceLog: not a field/],
    ['an enum by name', '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"severityNumber":"INFO"}]}]}]}', /severityNumber: expected the integer/],
    ['two values in one AnyValue', '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"a","intValue":1}}]}]}]}', /second member of oneof/],
    ['a time that is not a number', '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"soon"}]}]}]}', /timeUnixNano: expected a fixed64/],
    ['a base64 trace id', '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"traceId":"W47/95gDgQPSabYzgT/GDA=="}]}]}]}', /traceId: expected 32 hex digits/],
    ['a list where an object belongs', '[]', /expected an object/],
    ['attributes as an object', '{"resourceLogs":[{"resource":{"attributes":{"a":1}}}]}', /attributes: expected a list/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => decodeLogsRequest(type, 'application/json', json(text))).toThrow(message);
  });

  it('refuses a body that is not OTLP protobuf, and an unknown content type', () => {
    expect(() => decodeLogsRequest(type, 'application/x-protobuf', Buffer.from([0x0a, 0xff, 0xff, 0xff]))).toThrow(/not an ExportLogsServiceRequest/);
    expect(() => decodeLogsRequest(type, 'text/plain', json('{}'))).toThrow(/unsupported content type/);
  });
});

describe('a request as the extension sends it: gzipped (background/fleet/gzip.ts)', () => {
  const type = loadLogsRequestType();
  const body = otlpLogsRequest(redactIps(report), { site: 'Ashgrove Primary' }, Date.parse(report.startedAt));
  const MAX = 20 * 1024 * 1024;

  it('is gzip the lab receiver unpacks to the very request, several times smaller', async () => {
    const sent = new Uint8Array(await (await gzip(body)).arrayBuffer());
    expect([sent[0], sent[1]]).toEqual([0x1f, 0x8b]); // RFC 1952 magic
    expect(sent.length * 4).toBeLessThan(Buffer.byteLength(body));
    const unpacked = decodeBody('gzip', sent, MAX);
    expect(Buffer.from(unpacked).toString('utf8')).toBe(body);
    expect(decodeLogsRequest(type, 'application/json', unpacked)).toEqual(decodeLogsRequest(type, 'application/json', Buffer.from(body)));
  });

  it('the receiver takes an uncompressed body as it is, and refuses other encodings, broken gzip and a gzip bomb', () => {
    const plain = Buffer.from(body);
    expect(decodeBody(undefined, plain, MAX)).toBe(plain);
    expect(decodeBody('identity', plain, MAX)).toBe(plain);
    expect(() => decodeBody('br', plain, MAX)).toThrow(/unsupported Content-Encoding "br"/);
    expect(() => decodeBody('gzip', plain, MAX)).toThrow(/not gzip/);
    expect(() => decodeBody('gzip', gzipSync(Buffer.alloc(1024 * 1024)), 1024)).toThrow(/unpacks to more than 1024 bytes/);
  });
});
