import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { LAB, TURN_CREDENTIALS, type Lab } from '../lab/lab';
import { sendFromPage } from '../support/extension';
import { startLabBrowser, type LabBrowser } from '../support/lab-browser';
import type { Report } from '../../src/report/types';
import type { ProgressEvent } from '../../src/contract/progress';
import { labProfile } from './lab-profile';

/**
 * Every kind of probe against real servers in the lab, through the
 * automation interface, as the popup and support tools use it.
 */
let lab: Lab;
let page: Page;
let labBrowser: LabBrowser;

type CheckSummary = Pick<Report['checks'][number], 'status' | 'reason'>;

function byRule(report: Report): Record<string, CheckSummary> {
  return Object.fromEntries(report.checks.map((c) => [c.ruleId, { status: c.status, reason: c.reason }]));
}

/** Reports are kept in test-results/ for reading when an assertion fails. */
async function run(name: string, deadlineMs = 3_000): Promise<Report> {
  const reply = await labBrowser.run(labProfile(), deadlineMs);
  await mkdir('test-results', { recursive: true });
  await writeFile(`test-results/probes-${name}.json`, JSON.stringify(reply, null, 2));
  return reply;
}

beforeAll(async () => {
  labBrowser = await startLabBrowser();
  ({ lab, page } = labBrowser);
});

afterAll(async () => {
  await labBrowser?.stop();
});

describe('probes on an open network', () => {
  let report: Report;
  beforeAll(async () => {
    report = await run('open');
  });

  it('passes TURN relay over UDP, TCP and TLS with credentials', () => {
    const checks = byRule(report);
    expect(checks['turn-udp']).toEqual({ status: 'pass', reason: null });
    expect(checks['turn-tcp']).toEqual({ status: 'pass', reason: null });
    expect(checks['turn-tls']).toEqual({ status: 'pass', reason: null });
  });

  it('proves a TURN server without credentials reachable by its 401', () => {
    expect(byRule(report)['turn-nocred']).toEqual({ status: 'warn', reason: 'auth-401' });
  });

  it('names refused, untrusted, unresolvable and silent HTTPS hosts', () => {
    const checks = byRule(report);
    expect(checks['https']).toEqual({ status: 'pass', reason: null });
    expect(checks['https-closed']).toEqual({ status: 'fail', reason: 'refused' });
    expect(checks['https-rogue']).toEqual({ status: 'fail', reason: 'cert-untrusted' });
    expect(checks['https-dns']).toEqual({ status: 'fail', reason: 'dns' });
    expect(checks['https-silent']).toEqual({ status: 'fail', reason: 'timeout' });
    expect(checks['turn-closed']).toEqual({ status: 'fail', reason: 'refused' });
  });

  it('tells a refused WebSocket upgrade from a dead host', () => {
    const checks = byRule(report);
    expect(checks['wss']).toEqual({ status: 'pass', reason: null });
    expect(checks['wss-stripped']).toEqual({ status: 'fail', reason: 'upgrade-refused' });
    expect(report.checks.find((c) => c.ruleId === 'wss-stripped')?.detail.code).toBe('detail_upgrade_refused');
  });

  it('lists SIP on 5060 as untestable, never as passed', () => {
    expect(byRule(report)['sip']).toEqual({ status: 'untestable', reason: 'unsafe-port' });
  });

  it('classifies the plain NAT and picks hole punching', () => {
    expect(report.nat.mapping).toBe('endpoint-independent');
    expect(report.nat.publicAddresses).toEqual([LAB.natWanAddress]);
    expect(report.verdict.route).toBe('hole-punching');
  });

  it('keeps the TURN credential out of the report', () => {
    expect(JSON.stringify(report)).not.toContain(TURN_CREDENTIALS.credential);
  });
});

describe('probes with outbound UDP dropped', () => {
  let report: Report;
  beforeAll(async () => {
    await lab.topology.forwardRule(['-p', 'udp', '-j', 'DROP']);
    report = await run('udp-dropped');
  });
  afterAll(async () => {
    await lab.topology.clearForwardRules();
  });

  it('times STUN and TURN over UDP out at the run deadline, while TCP relays', () => {
    const checks = byRule(report);
    expect(report.checks.filter((c) => c.ruleId === 'stun').map((c) => c.reason)).toEqual(['timeout', 'timeout']);
    expect(checks['turn-udp']).toEqual({ status: 'fail', reason: 'timeout' });
    expect(checks['turn-tcp']).toEqual({ status: 'pass', reason: null });
    expect(report.verdict.route).toBe('relay-tcp');
  });
});

describe('probes behind a symmetric NAT', () => {
  let report: Report;
  beforeAll(async () => {
    await lab.topology.setNatMode('symmetric');
    report = await run('symmetric-nat');
  });
  afterAll(async () => {
    await lab.topology.setNatMode('masquerade');
  });

  it('sees a new mapping per STUN server and falls back to relay over UDP', () => {
    expect(report.nat.mapping).toBe('endpoint-dependent');
    expect(report.verdict.route).toBe('relay-udp');
    const holePunching = report.verdict.methods.find((m) => m.method === 'hole-punching');
    expect(holePunching?.status).toBe('unavailable');
    expect(holePunching?.reasons.map((r) => r.code)).toEqual(['nat_symmetric']);
  });
});

describe('progress', () => {
  it('streams each finished check to an open port before the run ends', async () => {
    const events = await page.evaluate(
      (profile) =>
        new Promise<ProgressEvent['type'][]>((resolve) => {
          const seen: ProgressEvent['type'][] = [];
          const port = chrome.runtime.connect({ name: 'progress' });
          port.onMessage.addListener((m: ProgressEvent) => {
            seen.push(m.type);
            if (m.type === 'finished') {
              port.disconnect();
              resolve(seen);
            }
          });
          void chrome.runtime.sendMessage({ type: 'run', profile, options: { deadlineMs: 2_000 } });
        }),
      labProfile(),
    );
    expect(events.at(-1)).toBe('finished');
    // One progress event per check: one per STUN/TURN URL, one per other rule.
    const checks = labProfile().rules.reduce((n, rule) => n + ('urls' in rule && rule.urls ? rule.urls.length : 1), 0);
    expect(events.filter((t) => t === 'progress').length).toBe(checks);
  });
});

describe('bad requests', () => {
  it('answers a malformed profile with a named error, field by field', async () => {
    const reply = await sendFromPage<{ error: { code: string; details: { path: string }[] } }>(page, { type: 'run', profile: { id: 7 } });
    expect(reply.error.code).toBe('invalid-profile');
    expect(reply.error.details.map((d) => d.path)).toContain('id');
  });

  it('answers a request without a profile with bad-request', async () => {
    const reply = await sendFromPage<{ error: { code: string } }>(page, { type: 'run' });
    expect(reply.error.code).toBe('bad-request');
  });
});
