import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { LAB, LAB_HOSTS, startLab, type Lab } from '../lab/lab';
import { makeUntrustedCa, startProxy, type LabProxy, type ProxyShape } from '../lab/proxy';
import { extensionWithHostAccess, launchWithExtension, sendFromPage, type ExtensionBrowser } from '../support/extension';
import type { Report } from '../../src/report/types';
import { LAB_ORIGINS } from './lab-profile';
import { proxyProfile } from './proxy-profile';

const PROXY_PORT = 3128;

let lab: Lab;
let extensionDir: string;
let removeExtension: () => Promise<void>;
let scratch: string;

type CheckSummary = Pick<Report['checks'][number], 'status' | 'reason'>;
function byRule(report: Report): Record<string, CheckSummary> {
  return Object.fromEntries(report.checks.map((c) => [c.ruleId, { status: c.status, reason: c.reason }]));
}

/** Every webRequest event for one URL, as Chromium delivers it to an extension. */
interface RawEvent {
  event: string;
  statusCode?: number;
  statusLine?: string;
  error?: string;
  isProxy?: boolean;
  ip?: string;
  challenger?: { host: string; port: number };
  headers?: string[];
}

interface Scenario {
  report: Report;
  /** Raw webRequest events for a fetch and a WebSocket to the web app, through the proxy. */
  fetchEvents: RawEvent[];
  socketEvents: RawEvent[];
  accessLog: string;
}

/** Starts squid in `shape`, Chromium pointed at it, runs the profile and records what webRequest saw. */
async function scenario(name: string, shape: ProxyShape): Promise<Scenario> {
  let proxy: LabProxy | undefined;
  let ext: ExtensionBrowser | undefined;
  try {
    proxy = await startProxy({
      ns: lab.topology.nat,
      listenAddress: LAB.routerLanAddress,
      port: PROXY_PORT,
      shape,
      hosts: { [LAB_HOSTS.web]: LAB.webAddress, [LAB_HOSTS.turn]: LAB.turnAddresses[0], [LAB_HOSTS.rogue]: LAB.rogueAddress },
      labNetwork: '203.0.113.0/24',
      upstreamCa: lab.certs.caCert,
    });
    ext = await launchWithExtension({
      netns: lab.topology.lan,
      home: lab.chromiumHome,
      extensionDir,
      extraArgs: [`--proxy-server=${proxy.server}`],
    });
    const page: Page = await ext.openPage('popup/index.html');
    const reply = await sendFromPage<Report | { error: unknown }>(page, { type: 'run', profile: proxyProfile(), options: { deadlineMs: 3_000 } });
    if ('error' in reply) throw new Error(`run failed: ${JSON.stringify(reply.error)}`);
    const fetchEvents = await captureEvents(ext, `https://${LAB_HOSTS.web}/`, 'fetch');
    const socketEvents = await captureEvents(ext, `wss://${LAB_HOSTS.web}/hub`, 'socket');
    const accessLog = await proxy.accessLog();
    const result = { report: reply, fetchEvents, socketEvents, accessLog };
    await mkdir('test-results', { recursive: true });
    await writeFile(`test-results/proxy-${name}.json`, JSON.stringify(result, null, 2));
    return result;
  } finally {
    await ext?.close();
    await proxy?.stop();
  }
}

/** Runs one request in the service worker with every webRequest listener attached, and returns the events. */
function captureEvents(ext: ExtensionBrowser, url: string, kind: 'fetch' | 'socket'): Promise<RawEvent[]> {
  return ext.worker.evaluate(
    async (u, k) => {
      const events: RawEvent[] = [];
      const wanted = new URL(u).href;
      // Every URL, filtered here: a filter on the wss: URL itself also hides the events.
      const filter = { urls: ['<all_urls>'] };
      const record = (event: string) => (d: Record<string, unknown>) => {
        if (d.url !== wanted && !String(d.url).startsWith('ws')) return undefined;
        const keep: RawEvent = { event };
        for (const key of ['statusCode', 'statusLine', 'error', 'isProxy', 'ip', 'challenger'] as const) {
          if (d[key] !== undefined) (keep as unknown as Record<string, unknown>)[key] = d[key];
        }
        const headers = d.responseHeaders as { name: string; value?: string }[] | undefined;
        if (headers) keep.headers = headers.map((h) => `${h.name}: ${h.value ?? ''}`);
        events.push(keep);
        return undefined;
      };
      const names = ['onBeforeRequest', 'onSendHeaders', 'onHeadersReceived', 'onAuthRequired', 'onResponseStarted', 'onCompleted', 'onErrorOccurred', 'onBeforeRedirect'] as const;
      const withHeaders = new Set(['onHeadersReceived', 'onAuthRequired', 'onResponseStarted', 'onCompleted']);
      const listeners = names.map((n) => {
        const l = record(n);
        const event = chrome.webRequest[n] as unknown as { addListener(l: unknown, f: unknown, spec?: string[]): void };
        if (withHeaders.has(n)) event.addListener(l, filter, ['responseHeaders']);
        else event.addListener(l, filter);
        return [n, l] as const;
      });
      let outcome: string;
      if (k === 'fetch') {
        outcome = await fetch(u, { cache: 'no-store', mode: 'no-cors', signal: AbortSignal.timeout(3_000) }).then(
          (r) => `response ${r.status} ${r.type}`,
          (e: Error) => `rejected ${e.name}: ${e.message}`,
        );
      } else {
        outcome = await new Promise<string>((resolve) => {
          const ws = new WebSocket(u);
          const timer = setTimeout(() => resolve('timeout'), 3_000);
          ws.onopen = () => {
            clearTimeout(timer);
            ws.close();
            resolve('open');
          };
          ws.onclose = (e) => {
            clearTimeout(timer);
            resolve(`close ${e.code}`);
          };
        });
      }
      await new Promise((r) => setTimeout(r, 300));
      for (const [n, l] of listeners) (chrome.webRequest[n] as unknown as { removeListener(l: unknown): void }).removeListener(l);
      events.push({ event: `outcome: ${outcome}` });
      return events;
    },
    url,
    kind,
  );
}

function missing(report: Report): string[] {
  return report.missingRules.map((r) => r.ruleId);
}

beforeAll(async () => {
  lab = await startLab();
  // TCP from the LAN to the servers is dropped at the router: the proxy is the only way out.
  await lab.topology.forwardRule(['-i', 'inside', '-o', 'outside', '-p', 'tcp', '-j', 'DROP']);
  scratch = await mkdtemp(join(tmpdir(), 'wnc-proxy-test-'));
  const copy = await extensionWithHostAccess([...LAB_ORIGINS, 'wss://*.lab.test/*']);
  extensionDir = copy.dir;
  removeExtension = copy.remove;
});

afterAll(async () => {
  await removeExtension?.();
  if (scratch) await rm(scratch, { recursive: true, force: true });
  await lab?.stop();
});

describe('explore', () => {
  it('open', async () => {
    const s = await scenario('open', { kind: 'open', denyPorts: [8443] });
    console.log(JSON.stringify({ checks: byRule(s.report), route: s.report.verdict.route, missing: missing(s.report), ms: s.report.durationMs, f: s.fetchEvents, w: s.socketEvents }, null, 1));
    console.log(s.accessLog);
  });
  it('auth', async () => {
    const s = await scenario('auth', { kind: 'auth' });
    console.log(JSON.stringify({ checks: byRule(s.report), route: s.report.verdict.route, missing: missing(s.report), ms: s.report.durationMs, f: s.fetchEvents, w: s.socketEvents }, null, 1));
    console.log(s.accessLog);
  });
  it('bump', async () => {
    const s = await scenario('bump-trusted', { kind: 'bump', ca: { cert: lab.certs.caCert, key: join(lab.certs.dir, 'ca.key') }, upgrades: false });
    console.log(JSON.stringify({ checks: byRule(s.report), route: s.report.verdict.route, missing: missing(s.report), ms: s.report.durationMs, f: s.fetchEvents, w: s.socketEvents }, null, 1));
    console.log(s.accessLog);
  });
  it('bump-ws', async () => {
    const s = await scenario('bump-trusted-upgrades', { kind: 'bump', ca: { cert: lab.certs.caCert, key: join(lab.certs.dir, 'ca.key') }, upgrades: true });
    console.log(JSON.stringify({ checks: byRule(s.report), route: s.report.verdict.route, missing: missing(s.report), ms: s.report.durationMs, f: s.fetchEvents, w: s.socketEvents }, null, 1));
    console.log(s.accessLog);
  });
  it('rogue', async () => {
    const ca = await makeUntrustedCa(scratch);
    const s = await scenario('bump-untrusted', { kind: 'bump', ca, upgrades: true });
    console.log(JSON.stringify({ checks: byRule(s.report), route: s.report.verdict.route, missing: missing(s.report), ms: s.report.durationMs, f: s.fetchEvents, w: s.socketEvents }, null, 1));
    console.log(s.accessLog);
  });
});
