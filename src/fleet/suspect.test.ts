import { describe, expect, it } from 'vitest';
import { fleetReport } from '../../test/fixtures/fleet-row';
import { NO_DEVICE_ID, summarize, type FleetReport } from './summary';
import { BURST_COUNT, BURST_SPAN_MS, knownSchema, suspectRecords } from './suspect';

const H = 3600_000;
const D = 24 * H;
const NOW = Date.parse('2026-11-30T12:00:00Z');
const WINDOW = { now: NOW, windowStart: NOW - 2 * D };

let n = 0;
const row = (over: Partial<FleetReport>): FleetReport => fleetReport(NOW, { id: `r${++n}`, ...over });

/** `devices` reporting once a day, at 09:00, for `days` days up to NOW: an established fleet. */
function dailyFleet(devices: string[], days = 14): FleetReport[] {
  const out: FleetReport[] = [];
  for (let d = days; d >= 1; d--) for (const device of devices) out.push(row({ device, startedAt: NOW - d * D + 9 * H - 12 * H }));
  return out;
}

describe('records that look forged', () => {
  it('finds nothing in a fleet that reports on schedule', () => {
    expect(suspectRecords(dailyFleet(['dev-1', 'dev-2', 'dev-3']), WINDOW)).toEqual([]);
  });

  it('flags a device id first seen in the recent window of an established fleet, and not in a young one', () => {
    const stranger = row({ device: 'dev-forged', startedAt: NOW - H });
    const flags = suspectRecords([...dailyFleet(['dev-1', 'dev-2', 'dev-3']), stranger], WINDOW);
    expect(flags).toEqual([
      expect.objectContaining({ kind: 'new-device', device: 'dev-forged', reportIds: [stranger.id], reports: 1, value: new Date(NOW - H).toISOString() }),
    ]);
    // A fleet whose history starts a day before the window is still being rolled out: every device is new.
    expect(suspectRecords([...dailyFleet(['dev-1', 'dev-2', 'dev-3'], 3), stranger], WINDOW)).toEqual([]);
    // Two reports before the window are not yet a fleet's history.
    const two = [row({ device: 'dev-1', startedAt: NOW - 10 * D }), row({ device: 'dev-2', startedAt: NOW - 9 * D })];
    expect(suspectRecords([...two, stranger], WINDOW)).toEqual([]);
    expect(suspectRecords([...two, row({ device: 'dev-1', startedAt: NOW - 8 * D }), stranger], WINDOW).map((f) => f.kind)).toEqual(['new-device']);
  });

  it('flags records without a device id appearing among identified devices (a forger leaves the attributes out)', () => {
    const anonymous = row({ device: NO_DEVICE_ID, startedAt: NOW - 3 * H });
    const flags = suspectRecords([...dailyFleet(['dev-1', 'dev-2', 'dev-3']), anonymous], WINDOW);
    expect(flags.map((f) => [f.kind, f.device])).toEqual([['new-device', NO_DEVICE_ID]]);
  });

  it(`flags more than ${BURST_COUNT} reports from one device within an hour, not the same spread out`, () => {
    const fleet = dailyFleet(['dev-1', 'dev-2', 'dev-3']);
    const burst = Array.from({ length: BURST_COUNT + 1 }, (_, i) => row({ device: 'dev-2', startedAt: NOW - H + i * 60_000 }));
    const flags = suspectRecords([...fleet, ...burst], WINDOW);
    expect(flags).toEqual([expect.objectContaining({ kind: 'burst', device: 'dev-2', reports: BURST_COUNT + 1, value: String(BURST_COUNT + 1) })]);
    expect(flags[0]!.reportIds).toEqual(burst.slice(0, 5).map((r) => r.id));
    // Exactly BURST_COUNT, or the same number over more than BURST_SPAN_MS: a busy device, not a burst.
    expect(suspectRecords([...fleet, ...burst.slice(1)], WINDOW)).toEqual([]);
    const spread = burst.map((r, i) => ({ ...r, startedAt: NOW - 20 * H + i * (BURST_SPAN_MS / BURST_COUNT + 60_000) }));
    expect(suspectRecords([...fleet, ...spread], WINDOW)).toEqual([]);
  });

  it('never calls the many browsers without a device id a burst', () => {
    const fleet = dailyFleet(['dev-1', 'dev-2', NO_DEVICE_ID]);
    const many = Array.from({ length: 20 }, (_, i) => row({ device: NO_DEVICE_ID, startedAt: NOW - H + i * 1000 }));
    expect(suspectRecords([...fleet, ...many], WINDOW)).toEqual([]);
  });

  it('flags a schema this tool does not know, and a schema or version no other device reports', () => {
    const fleet = dailyFleet(['dev-1', 'dev-2', 'dev-3']);
    const future = row({ device: 'dev-1', startedAt: NOW - H, schema: 'webrtc-network-check/report@99' });
    const odd = row({ device: 'dev-2', startedAt: NOW - 2 * H, extensionVersion: '9.9.9' });
    const old = row({ device: 'dev-3', startedAt: NOW - 3 * H, schema: 'webrtc-network-check/report@2' });
    const flags = suspectRecords([...fleet, future, odd, old], WINDOW);
    expect(flags.map((f) => [f.kind, f.device, f.value])).toEqual([
      ['unknown-schema', 'dev-3', 'webrtc-network-check/report@2'],
      ['unknown-version', 'dev-2', '9.9.9'],
      ['unknown-schema', 'dev-1', 'webrtc-network-check/report@99'],
    ]);
  });

  it('does not flag a version that two devices run (an update on its way through the fleet)', () => {
    const fleet = dailyFleet(['dev-1', 'dev-2', 'dev-3']);
    const updated = ['dev-1', 'dev-2'].map((device) => row({ device, startedAt: NOW - H, extensionVersion: '0.3.0' }));
    expect(suspectRecords([...fleet, ...updated], WINDOW)).toEqual([]);
  });

  it('knows the schemas from report@1 to the one it was built with', () => {
    expect(['webrtc-network-check/report@1', 'webrtc-network-check/report@3'].map(knownSchema)).toEqual([true, true]);
    expect(['webrtc-network-check/report@0', 'webrtc-network-check/report@4', 'report@3', 'unknown'].map(knownSchema)).toEqual([false, false, false, false]);
  });

  it('is part of the summary, with the window from --since or twice the schedule', () => {
    const rows = [...dailyFleet(['dev-1', 'dev-2', 'dev-3']), row({ device: 'dev-forged', startedAt: NOW - H })];
    const s = summarize(rows, { now: NOW, scheduleMs: D });
    expect(s.windowStart).toBe(NOW - 2 * D);
    expect(s.suspects.map((f) => f.kind)).toEqual(['new-device']);
    const since = summarize(rows, { now: NOW, scheduleMs: D, since: NOW - 30 * 60_000 });
    expect(since.windowStart).toBe(NOW - 30 * 60_000);
    expect(since.suspects).toEqual([]);
  });
});
