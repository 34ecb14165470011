import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { LAB, startLab, TURN_CREDENTIALS, type Lab } from '../lab/lab';
import { inNetns, type Daemon } from '../lab/exec';
import { RECEIVER, RECEIVER_URL, startReceiver } from '../lab/collector';
import { extensionWithHostAccess, launchWithExtension, sendFromPage, type ExtensionBrowser } from '../support/extension';
import { expectedVerdict, forwardRules, natMode, oracleProfile, specName, type NetworkSpec } from './network-oracle';
import type { Report } from '../../src/report/types';
import type { SettingsView } from '../../src/settings/types';
import type { SendStatus } from '../../src/fleet/status';
import { renderSummary } from '../../cli/fleet';
import { readReports } from '../../cli/fleet-input';
import { fleetPage } from '../../cli/fleet-page';
import { NO_DEVICE_ID, routeRank, summarize } from '../../src/fleet/summary';
import { BURST_COUNT } from '../../src/fleet/suspect';
import type { OtlpLogsRequest } from '../lab/otlp-strict.mjs';

/**
 * Two schools' force-installed extensions report to the district's collector
 * (issue 19), all for real: Chromium reads the policy from
 * /etc/chromium/policies/managed (test/support/chromium-with-policy.sh), the
 * runs are the extension's scheduled runs (its own alarm, fired early from an
 * extension page), each on a network the lab's router builds, and every report
 * goes over HTTPS to a receiver in the lab that decodes OTLP strictly against
 * the official protobuf definitions and answers CORS as a collector's
 * `cors.allowed_origins` does. The extension has no host permission for the
 * collector. The fleet summary of what arrived is compared with what the
 * networks' oracle (network-oracle.ts) says those runs must have found.
 */
const EXTENSION_ID = 'ajfamljhdelhckpncckgbjipkmmknief';
const ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const WITH_POLICY = resolve(import.meta.dirname, '../support/chromium-with-policy.sh');
const TOKEN = 'district-token-5b1e7c09';
const DEADLINE_MS = 2_000;
const SITE_A = 'Ashgrove Primary';
const SITE_B = 'Birchwood High';

/** Ashgrove: open, then its UDP is cut ("which schools lost UDP since Tuesday"). Birchwood: symmetric NAT, UDP to 3478 and TCP to 443 only. */
const OPEN: NetworkSpec = { nat: 'endpoint-independent', udp: 'all', tcp: 'all', servers: 'two-ports' };
const NO_UDP: NetworkSpec = { nat: 'endpoint-independent', udp: 'none', tcp: 'all', servers: 'two-ports' };
const STRICT: NetworkSpec = { nat: 'symmetric', udp: 'only-3478', tcp: 'only-443', servers: 'two-ports' };

let lab: Lab;
let work: string;
let receiver: Daemon | null = null;
const out = () => join(work, 'collected.jsonl');
const rejectedOut = () => join(work, 'rejected.jsonl');
const acceptedOut = () => join(work, 'accepted.jsonl');

async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms; last value ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function collector(
  allowedOrigins: string[],
  options: { token?: string; answer?: { status: number; location?: string }; answerDelayMs?: number; allowedHeaders?: string[] } = {},
): Promise<void> {
  await receiver?.stop();
  receiver = await startReceiver(lab, {
    out: out(),
    rejectedOut: rejectedOut(),
    acceptedOut: acceptedOut(),
    allowedOrigins,
    // docs/fleet.md's configuration: the token's header, and Content-Encoding for gzipped bodies.
    allowedHeaders: ['Authorization', 'Content-Encoding'],
    token: TOKEN,
    ...options,
  });
}

/** How each accepted request came: its Content-Encoding, bytes on the wire and unpacked. */
async function arrivals(): Promise<{ encoding: string | null; wireBytes: number; bytes: number }[]> {
  const text = await readFile(acceptedOut(), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { encoding: string | null; wireBytes: number; bytes: number });
}

async function collectorDown(): Promise<void> {
  await receiver?.stop();
  receiver = null;
}

/** The network the router builds; the district lets its devices reach the collector whatever else it blocks. */
async function build(spec: NetworkSpec): Promise<void> {
  const { topology } = lab;
  await topology.clearForwardRules();
  await topology.setNatMode(natMode(spec));
  await topology.forwardRule(['-i', 'inside', '-p', 'tcp', '-d', RECEIVER.host, '--dport', String(RECEIVER.port), '-j', 'ACCEPT']);
  for (const rule of forwardRules(spec)) await topology.forwardRule(rule);
}

/** What the receiver refused, with why. */
async function refusals(): Promise<{ method: string; status: number; message: string }[]> {
  const text = await readFile(rejectedOut(), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { method: string; status: number; message: string });
}

interface Received {
  uid: string;
  attributes: Record<string, unknown>;
  report: Report;
}

/** What the receiver accepted, record by record. */
async function received(): Promise<Received[]> {
  const text = await readFile(out(), 'utf8').catch(() => '');
  const requests = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OtlpLogsRequest);
  return requests.flatMap((request) =>
    (request.resourceLogs ?? [])
      .flatMap((r) => r.scopeLogs ?? [])
      .flatMap((s) => s.logRecords ?? [])
      .map((record) => {
        const attributes = Object.fromEntries(
          (record.attributes ?? []).map((a) => [a.key, a.value?.stringValue ?? a.value?.boolValue ?? a.value?.intValue ?? a.value?.arrayValue]),
        );
        return { uid: String(attributes['log.record.uid']), attributes, report: JSON.parse(record.body?.stringValue ?? 'null') as Report };
      }),
  );
}

interface Device {
  ext: ExtensionBrowser;
  page: Page;
  close(): Promise<void>;
}

/** A school's Chromebook: the extension force-configured for `site`, in the lab's LAN. */
async function device(site: string): Promise<Device> {
  const policyDir = await mkdtemp(join(tmpdir(), 'wnc-policy-'));
  const policy = {
    ExtensionSettings: { [EXTENSION_ID]: { installation_mode: 'allowed' } },
    '3rdparty': {
      extensions: {
        [EXTENSION_ID]: {
          profileId: 'lab-generated',
          customProfile: oracleProfile(OPEN),
          lockProfile: true,
          deadlineMs: DEADLINE_MS,
          runEveryMinutes: 30,
          reportEndpoint: { url: RECEIVER_URL, headers: { Authorization: `Bearer ${TOKEN}` }, site, triggers: ['schedule', 'startup'] },
        },
      },
    },
  };
  await writeFile(join(policyDir, `wnc-test-${process.pid}.json`), JSON.stringify(policy));
  // Host access for the profile's web check only: the collector's address is not among them, so CORS applies.
  const copy = await extensionWithHostAccess(['https://web.lab.test/*']);
  process.env.WNC_POLICY_DIR = policyDir;
  process.env.WNC_POLICY_NETNS = lab.topology.lan;
  let ext: ExtensionBrowser;
  try {
    ext = await launchWithExtension({ home: lab.chromiumHome, extensionDir: copy.dir, chromium: WITH_POLICY });
  } finally {
    delete process.env.WNC_POLICY_DIR;
    delete process.env.WNC_POLICY_NETNS;
  }
  const page = await ext.openPage('popup/index.html');
  await poll(
    'the policy’s endpoint',
    () => sendFromPage<SettingsView>(page, { type: 'getSettings' }),
    (v) => v.reportDestination?.site === site,
    20_000,
  );
  return {
    ext,
    page,
    async close() {
      await ext.close();
      await rm(policyDir, { recursive: true, force: true });
      await copy.remove();
    },
  };
}

/** Fires the extension's own alarm now (an extension page may set it), as chrome.alarms would at its time. */
async function fireAlarm(page: Page, name: 'wnc-scheduled-run' | 'wnc-report-send'): Promise<void> {
  await page.evaluate((n) => chrome.alarms.create(n, { when: Date.now() }), name);
}

/** A scheduled run to its stored report. */
async function scheduledRun(d: Device, spec: NetworkSpec): Promise<Report> {
  await build(spec);
  const before = await sendFromPage<Report | null>(d.page, { type: 'getLastReport' });
  await fireAlarm(d.page, 'wnc-scheduled-run');
  const report = await poll(
    `a scheduled report on ${specName(spec)}`,
    () => sendFromPage<Report | null>(d.page, { type: 'getLastReport' }),
    (r) => r !== null && r.id !== before?.id,
    30_000,
  );
  expect(report!.trigger).toBe('schedule');
  // The report itself matches what the network must give: the fleet table below rests on it.
  const want = expectedVerdict(spec);
  expect({ route: report!.verdict.route, missing: report!.missingRules.map((r) => r.ruleId) }).toEqual({ route: want.route, missing: want.missingRules });
  return report!;
}

/** Stops the extension's service worker (CDP), then opens a page, which wakes a new one. */
async function stopWorker(d: Device): Promise<void> {
  const cdp = await d.page.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  // Measured: a page that had a message in flight is not answered again; a new page wakes the worker.
  d.page = await d.ext.openPage('popup/index.html');
}

const sendStatus = (page: Page) => page.evaluate(() => chrome.storage.local.get('reportSendStatus').then((s) => s.reportSendStatus as SendStatus | undefined));
const hasProblem = (code: string) => (s: SendStatus | undefined) => s?.problems.some((p) => p.code === code) ?? false;

beforeAll(async () => {
  lab = await startLab();
  work = await mkdtemp(join(tmpdir(), 'wnc-fleet-'));
});

afterAll(async () => {
  await collectorDown();
  await lab?.stop();
  if (work) {
    await mkdir('test-results', { recursive: true });
    await writeFile('test-results/fleet-collected.jsonl', await readFile(out(), 'utf8').catch(() => ''));
    await rm(work, { recursive: true, force: true });
  }
});

describe('reports to the district’s OpenTelemetry collector', () => {
  const ashgrove: Report[] = [];
  /** Birchwood's reports that reached the collector; `lost` the one it refused for good (413). */
  const birchwood: Report[] = [];
  const lost: Report[] = [];
  /** Sent again by a new worker after the old one was stopped mid-send: at the collector twice, one uid. */
  const resent: Report[] = [];

  it('Ashgrove: a scheduled report reaches the collector as one strictly valid OTLP record, IPs hidden, no secret', async () => {
    await collector([ORIGIN]);
    const d = await device(SITE_A);
    try {
      ashgrove.push(await scheduledRun(d, OPEN));
      const got = await poll('the first record', received, (r) => r.length === 1, 15_000);
      const [record] = got;
      expect(record!.uid).toBe(ashgrove[0]!.id);
      expect(record!.attributes).toMatchObject({
        'wnc.site': SITE_A,
        'wnc.trigger': 'schedule',
        'wnc.route': ashgrove[0]!.verdict.route,
        'wnc.profile.id': 'lab-generated',
      });
      expect(record!.report.redaction.ipAddresses).toBe(true);
      expect(record!.report.environment.policy.reportsSentTo).toEqual({ endpoint: RECEIVER_URL, site: SITE_A, triggers: ['schedule', 'startup'] });
      // Gzipped on the wire (Content-Encoding: gzip), several times smaller than the request it unpacks to.
      const [first] = await arrivals();
      expect(first!.encoding).toBe('gzip');
      expect(first!.wireBytes * 4).toBeLessThan(first!.bytes);
      const raw = await readFile(out(), 'utf8');
      expect(raw).not.toContain(LAB.lanAddress);
      expect(raw).not.toContain(TOKEN);
      expect(raw).not.toContain(TURN_CREDENTIALS.credential);

      // Collector down: two more scheduled runs (UDP now cut) wait in the queue, across a restart of the service worker.
      await collectorDown();
      ashgrove.push(await scheduledRun(d, NO_UDP));
      await poll(
        'the queued report',
        () => sendStatus(d.page),
        (s) => hasProblem('unreachable')(s) && s!.queued === 1,
        15_000,
      );
      await stopWorker(d);
      ashgrove.push(await scheduledRun(d, NO_UDP));
      const waiting = await poll(
        'two queued reports',
        () => sendStatus(d.page),
        (s) => s?.queued === 2,
        15_000,
      );
      expect(waiting).toMatchObject({ sent: 1, dropped: 0 });
      expect((await received()).length).toBe(1);

      // Back, but configured as before gzip (CORS without Content-Encoding): the retry alarm (fired early) drains the
      // queue, oldest first, each report once, sent uncompressed after the gzipped attempt's preflight was refused.
      await collector([ORIGIN], { allowedHeaders: ['Authorization'] });
      await fireAlarm(d.page, 'wnc-report-send');
      const all = await poll('the drained queue', received, (r) => r.length >= 3, 20_000);
      expect(all.map((r) => r.uid)).toEqual(ashgrove.map((r) => r.id));
      expect((await arrivals()).map((a) => a.encoding)).toEqual(['gzip', null, null]);
      // Before each uncompressed send, the no-cors look (a GET, answered 405) that told the refusal from a dead collector.
      expect((await refusals()).map((r) => `${r.method} ${r.status}`)).toEqual(['GET 405', 'GET 405']);
      const done = await poll(
        'an empty queue',
        () => sendStatus(d.page),
        (s) => s?.queued === 0,
        5_000,
      );
      expect(done).toMatchObject({ sent: 3, dropped: 0, queued: 0 });
      expect(done!.problems.map((p) => p.code)).toEqual([]);
      // The token is used for the request only: nowhere in the extension's storage, nor on its pages.
      const stored = await d.page.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]));
      expect(stored).toContain(ashgrove[0]!.id);
      expect(stored).not.toContain(TOKEN);
      expect(JSON.stringify(await sendFromPage<SettingsView>(d.page, { type: 'getSettings' }))).not.toContain(TOKEN);
    } finally {
      await d.close();
    }
  });

  it('Birchwood: a CORS refusal, a wrong token, a 413, a redirect and a worker stopped mid-send are each named in the options page; the reports that can arrive do', async () => {
    await collector(['chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']);
    const earlier = (await refusals()).length;
    const d = await device(SITE_B);
    try {
      birchwood.push(await scheduledRun(d, STRICT));
      await poll('a CORS refusal', () => sendStatus(d.page), hasProblem('cors-refused'), 15_000);
      const options = await d.ext.openPage('popup/options/index.html');
      try {
        await options.waitForSelector('[data-testid="fleet-problems"] [data-code="cors-refused"]');
        const text = await options.$eval('[data-testid="fleet-problems"] [data-code="cors-refused"]', (el) => el.textContent ?? '');
        expect(text).toContain(ORIGIN);
        expect(text).toContain('cors.allowed_origins');
        const destination = await options.$eval('[data-testid="fleet-destination"]', (el) => el.textContent ?? '');
        expect(destination).toContain(RECEIVER_URL);
        expect(await options.$eval('[data-testid="fleet-site"]', (el) => el.textContent ?? '')).toContain(SITE_B);
        expect(await options.evaluate(() => document.body.innerText)).not.toContain(TOKEN);
        await mkdir('test-results/screenshots', { recursive: true });
        await options.screenshot({ path: 'test-results/screenshots/options-fleet-cors.png', fullPage: true });
      } finally {
        await options.close();
      }
      // The extension's no-cors look (a GET, answered 405) is how it told the refusal from a dead collector; nothing was posted.
      expect((await refusals()).slice(earlier)).toEqual([expect.objectContaining({ method: 'GET', status: 405 })]);
      expect((await received()).length).toBe(3);

      await collector([ORIGIN]);
      await fireAlarm(d.page, 'wnc-report-send');
      await poll('Birchwood’s report', received, (r) => r.length === 4, 20_000);
      const after = await poll(
        'the cleared problem',
        () => sendStatus(d.page),
        (s) => s?.queued === 0,
        5_000,
      );
      expect(after!.problems).toEqual([]);

      // A wrong token: 401, kept and retried.
      await collector([ORIGIN], { token: 'a-rotated-token' });
      const refusedForGood = await scheduledRun(d, STRICT);
      await poll(
        'a 401',
        () => sendStatus(d.page),
        (s) => s?.problems.some((p) => p.code === 'http-error' && p.status === 401) ?? false,
        15_000,
      );
      // 413: the collector will never take it: dropped, counted, the queue goes on.
      await collector([ORIGIN], { answer: { status: 413 } });
      await fireAlarm(d.page, 'wnc-report-send');
      await poll(
        'a dropped report',
        () => sendStatus(d.page),
        (s) => s?.dropped === 1 && s.queued === 0 && hasProblem('too-large')(s),
        15_000,
      );
      lost.push(refusedForGood);
      // A redirect is not followed: the token would go wherever it points.
      await collector([ORIGIN], { answer: { status: 307, location: `https://${LAB.rogueAddress}:4318/v1/logs` } });
      const redirected = await scheduledRun(d, STRICT);
      await poll(
        'a redirect',
        () => sendStatus(d.page),
        (s) => hasProblem('redirect')(s) && s!.queued === 1,
        15_000,
      );
      const faults = await d.ext.openPage('popup/options/index.html');
      try {
        await faults.waitForSelector('[data-testid="fleet-problems"] [data-code="redirect"]');
        const named = await faults.$$eval('[data-testid="fleet-problems"] li', (lis) => lis.map((li) => [li.getAttribute('data-code'), li.textContent ?? '']));
        expect(named.map(([code]) => code)).toEqual(['redirect', 'too-large', 'http-error']);
        expect(named.find(([code]) => code === 'http-error')?.[1]).toContain('HTTP 401');
        expect(named.find(([code]) => code === 'too-large')?.[1]).toContain('413');
        expect(await faults.$eval('[data-testid="fleet-counts"]', (el) => el.textContent ?? '')).toMatch(/Sent: 1 · waiting: 1 · dropped: 1/);
        await mkdir('test-results/screenshots', { recursive: true });
        await faults.screenshot({ path: 'test-results/screenshots/options-fleet-faults.png', fullPage: true });
      } finally {
        await faults.close();
      }
      await collector([ORIGIN]);
      await fireAlarm(d.page, 'wnc-report-send');
      await poll('the redirected report, once the collector answers', received, (r) => r.length === 5, 20_000);
      birchwood.push(redirected);

      // The worker is stopped while a send is out (the collector kept the record, its answer is slow): the
      // new worker sends it again, with the same log.record.uid, and names it; nothing else is sent twice.
      await collector([ORIGIN], { answerDelayMs: 6_000 });
      const cutOff = await scheduledRun(d, STRICT);
      await poll('the record of the send about to be cut off', received, (r) => r.length === 6, 15_000);
      await stopWorker(d);
      await poll('the same record again', received, (r) => r.length === 7, 20_000);
      await poll(
        'the resent report confirmed',
        () => sendStatus(d.page),
        (s) => hasProblem('resent')(s) && s!.queued === 0,
        20_000,
      );
      expect((await received()).slice(5).map((r) => r.uid)).toEqual([cutOff.id, cutOff.id]);
      birchwood.push(cutOff);
      resent.push(cutOff);
    } finally {
      await d.close();
    }
  });

  it('each report arrived, once unless a worker stop cut its send off, the one refused for good never did, nothing was malformed', async () => {
    const uids = (await received()).map((r) => r.uid);
    const once = [...ashgrove, ...birchwood].map((r) => r.id);
    expect(uids.sort()).toEqual([...once, ...resent.map((r) => r.id)].sort());
    expect(uids).not.toContain(lost[0]!.id);
    // Every POST it refused was one the test told it to refuse, in that order; none was malformed (400).
    expect((await refusals()).filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([401, 413, 307]);
  });

  it('npm run fleet over what the collector received prints the table the networks imply, and flags Ashgrove', async () => {
    const { rows } = await readReports(out());
    const a = [OPEN, NO_UDP, NO_UDP].map(expectedVerdict);
    const b = [STRICT, STRICT, STRICT].map(expectedVerdict);
    const last = (runs: typeof a) => runs[runs.length - 1]!;
    const ashgroveTimes = rows
      .filter((r) => r.site === SITE_A)
      .map((r) => r.startedAt)
      .sort((x, y) => x - y);
    // Since the first run after UDP was dropped: the open network's run is the baseline.
    const since = ashgroveTimes[1]!;
    const summary = summarize(rows, { now: Date.now(), since, scheduleMs: 3600_000 });
    expect(
      summary.sites.map((x) => ({
        site: x.site,
        reports: x.reports,
        route: x.latest.route,
        verified: x.latest.routeVerified,
        missing_rules: x.latest.missingRules,
      })),
    ).toEqual([
      { site: SITE_A, reports: 3, route: last(a).route, verified: last(a).routeVerified, missing_rules: [...new Set(last(a).missingRules)].sort() },
      { site: SITE_B, reports: 3, route: last(b).route, verified: last(b).routeVerified, missing_rules: [...new Set(last(b).missingRules)].sort() },
    ]);
    const counts = new Map<string, { reports: number; sites: Set<string> }>();
    for (const [site, runs] of [
      [SITE_A, a],
      [SITE_B, b],
    ] as const) {
      for (const run of runs)
        for (const rule of new Set(run.missingRules)) {
          const c = counts.get(rule) ?? { reports: 0, sites: new Set<string>() };
          c.reports += 1;
          c.sites.add(site);
          counts.set(rule, c);
        }
    }
    expect(Object.fromEntries(summary.missingRules.map((r) => [r.name, [r.reports, r.sites.length]]))).toEqual(
      Object.fromEntries([...counts].map(([rule, c]) => [rule, [c.reports, c.sites.size]])),
    );
    // The oracle says the route got worse at Ashgrove (or rules were added) and nothing at Birchwood.
    const worse = routeRank(a[1]!.route)! > routeRank(a[0]!.route)! || a[1]!.missingRules.some((r) => !a[0]!.missingRules.includes(r));
    expect(worse).toBe(true);
    expect(summary.regressions.map((r) => [r.site, r.first.startedAt])).toEqual([[SITE_A, since]]);
    const text = renderSummary(summary);
    await writeFile('test-results/fleet-summary.txt', text);
    await writeFile('test-results/fleet-lab.html', fleetPage(summary));
    expect(text).toMatch(/Regressions since/);
    expect(text).toContain(SITE_B);
    // The lab's devices send no device attributes (Linux): nothing in the real records looks forged.
    expect(summary.suspects).toEqual([]);
  });

  it('the fleet tool reads the collected file the same on worker threads as on one thread', async () => {
    const run = async (minBytes: string) => {
      const { stdout } = await promisify(execFile)(process.execPath, ['dist-cli/wnc-fleet.mjs', out(), '--json', '--now', '2030-01-01T00:00:00Z'], {
        env: { ...process.env, WNC_FLEET_SPLIT_MIN_BYTES: minBytes },
        maxBuffer: 64 * 1024 * 1024,
      });
      return JSON.parse(stdout) as { reports: number };
    };
    // 1 byte: every file is split over the machine's threads (two here); 1e15: read on the main thread.
    const [split, whole] = await Promise.all([run('1'), run('1e15')]);
    // A report sent twice (a worker stop cut its first send off) counts once.
    expect(whole.reports).toBe(new Set((await readReports(out())).rows.map((r) => r.id)).size);
    expect(whole.reports).toBeGreaterThan(0);
    expect(split).toEqual(whole);
  });

  it('records forged with the token from chrome://policy are accepted by the collector, and the fleet summary flags them', async () => {
    // A student copies the token that chrome://policy shows and posts with curl from the school's LAN: no
    // browser, so no CORS, which only ever bound the browser. The collector cannot tell; the summary flags it.
    await collector([ORIGIN]);
    const template = (await received())[0]!.report;
    const line = (await readFile(out(), 'utf8')).split('\n')[0]!;
    const request = JSON.parse(line) as OtlpLogsRequest;
    const forgedAt = Date.now();
    const forge = async (i: number, schema: string) => {
      const id = `forged-${i}-${forgedAt}`;
      const body = {
        ...template,
        id,
        schema,
        startedAt: new Date(forgedAt + i * 100).toISOString(),
        environment: { ...template.environment, device: { facts: { directoryDeviceId: 'cb-forged', hostname: 'cb-forged' } } },
      };
      const record = request.resourceLogs![0]!.scopeLogs![0]!.logRecords![0]!;
      const forged = {
        resourceLogs: [
          {
            ...request.resourceLogs![0],
            scopeLogs: [
              {
                ...request.resourceLogs![0]!.scopeLogs![0],
                logRecords: [
                  {
                    ...record,
                    body: { stringValue: JSON.stringify(body) },
                    attributes: (record.attributes ?? []).map((a) => (a.key === 'log.record.uid' ? { ...a, value: { stringValue: id } } : a)),
                  },
                ],
              },
            ],
          },
        ],
      };
      const status = await inNetns(lab.topology.lan, 'curl', [
        ...['-sS', '-o', '/dev/null', '-w', '%{http_code}', '--cacert', lab.certs.caCert],
        ...['-H', `Authorization: Bearer ${TOKEN}`, '-H', 'Content-Type: application/json', '--data-binary', JSON.stringify(forged), RECEIVER_URL],
      ]);
      expect(status.trim()).toBe('200');
    };
    for (let i = 0; i < BURST_COUNT; i++) await forge(i, template.schema);
    await forge(BURST_COUNT, 'webrtc-network-check/report@9');

    const { rows } = await readReports(out());
    const summary = summarize(rows, { now: Date.now() + 1000, since: forgedAt - 1000, scheduleMs: 3600_000 });
    expect(summary.suspects.map((x) => [x.kind, x.device, x.reports])).toEqual([
      ['burst', 'cb-forged', BURST_COUNT + 1],
      ['new-device', 'cb-forged', BURST_COUNT + 1],
      ['unknown-schema', 'cb-forged', 1],
    ]);
    expect(summary.suspects.every((x) => x.device !== NO_DEVICE_ID)).toBe(true);
    const text = renderSummary(summary);
    expect(text).toContain('Records that look forged');
    await writeFile('test-results/fleet-summary-forged.txt', text);
    await writeFile('test-results/fleet-lab-forged.html', fleetPage(summary));
  });
});
