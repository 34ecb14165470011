import { inEnglish } from '../../src/i18n/english';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAB, TURN_CREDENTIALS, WEB_PORTS, startLab, type Lab } from '../lab/lab';
import { extensionWithHostAccess, launchWithExtension, sendFromPage, type ExtensionBrowser } from '../support/extension';
import type { Report } from '../../src/report/types';
import { LAB_ORIGINS } from './lab-profile';
import { schoolProfile } from './school-profile';

/**
 * Faults that must still end in a complete report: a TCP port that accepts
 * and never speaks TURN, and an offscreen document that cannot run.
 */
let lab: Lab;
const cleanups: (() => Promise<void>)[] = [];

async function launch(extensionDir: string): Promise<ExtensionBrowser> {
  const ext = await launchWithExtension({ netns: lab.topology.lan, home: lab.chromiumHome, extensionDir });
  cleanups.push(() => ext.close());
  return ext;
}

async function run(ext: ExtensionBrowser, profile: object): Promise<Report> {
  const page = await ext.openPage('popup/index.html');
  const reply = await sendFromPage<Report | { error: unknown }>(page, { type: 'run', profile, options: { deadlineMs: 2_000 } });
  if ('error' in reply) throw new Error(`run failed: ${JSON.stringify(reply.error)}`);
  return reply;
}

beforeAll(async () => {
  lab = await startLab();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await lab?.stop();
});

describe('faults', () => {
  it('calls a TURN server that accepts TCP but never answers "no answer", and the run completes', async () => {
    const copy = await extensionWithHostAccess(LAB_ORIGINS);
    cleanups.push(copy.remove);
    const ext = await launch(copy.dir);
    const silent = `turn:${LAB.webAddress}:${WEB_PORTS.silent}?transport=tcp`;
    const report = await run(ext, schoolProfile([{ id: 'turn-silent', kind: 'turn', purpose: 'Relay that hangs', urls: [silent], ...TURN_CREDENTIALS }]));
    const check = report.checks.find((c) => c.ruleId === 'turn-silent')!;
    expect(check).toMatchObject({ status: 'fail', reason: 'timeout', target: silent });
    expect(inEnglish(check.detail)).toMatch(/no answer/i);
    // Silence on a port nothing else of the run tried, at an address that answered nothing else: a port filter,
    // a dead server and (here, the truth) a server that accepts TCP and never speaks look alike from a browser.
    expect(check.cause).toBe('unknown');
    expect(report.missingRules).toEqual([]);
    expect(report.verdict.route).toBe('hole-punching');
  });

  it('an offscreen document lost between or during runs: its checks are retried in a fresh document, never reported as missing rules', async () => {
    const copy = await extensionWithHostAccess(LAB_ORIGINS);
    cleanups.push(copy.remove);
    const ext = await launch(copy.dir);
    const first = await run(ext, schoolProfile());
    expect(first.missingRules).toEqual([]);
    // Chrome closes the document under the worker, which still believes it open (as after a crash of its renderer).
    await ext.worker.evaluate(() => chrome.offscreen.closeDocument());
    const report = await run(ext, schoolProfile());
    const ice = report.checks.filter((c) => c.kind === 'stun' || c.kind === 'turn');
    expect(ice.map((c) => c.status)).toEqual(ice.map(() => 'pass'));
    expect(report.missingRules).toEqual([]);
    expect(report.gatherings.every((g) => g.setupError === null)).toBe(true);
    expect(report.verdict).toMatchObject({ route: 'hole-punching', routeVerified: true });
  });

  it('leaves the previous report whole when the service worker is stopped mid-run, and runs again after', async () => {
    const copy = await extensionWithHostAccess(LAB_ORIGINS);
    cleanups.push(copy.remove);
    const ext = await launch(copy.dir);
    const page = await ext.openPage('popup/index.html');
    const first = await run(ext, schoolProfile());

    // A run whose silent checks wait out a 5 s deadline, stopped after 1 s.
    await lab.topology.forwardRule(['-p', 'udp', '-j', 'DROP']);
    void page.evaluate((profile) => chrome.runtime.sendMessage({ type: 'run', profile, options: { deadlineMs: 5_000 } }).catch(() => null), schoolProfile());
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const cdp = await page.createCDPSession();
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await lab.topology.clearForwardRules();

    await cdp.detach();
    // Measured: the page whose CDP session stopped the worker gets no answer afterwards; a new page does.
    const fresh = await ext.openPage('popup/index.html');
    const stored = await sendFromPage<Report | null>(fresh, { type: 'getLastReport' });
    expect(stored?.id).toBe(first.id);
    expect(stored).toEqual(first);
    const again = await run(ext, schoolProfile());
    expect(again.verdict.route).toBe('hole-punching');
    expect(again.id).not.toBe(first.id);
  });

  it('names an offscreen document that fails to start on every ICE check; web checks still run', async () => {
    // A broken build of the offscreen script: it throws before it can listen.
    const copy = await extensionWithHostAccess(LAB_ORIGINS);
    cleanups.push(copy.remove);
    const assets = join(copy.dir, 'assets');
    const script = (await readdir(assets)).find((name) => name.startsWith('offscreen') && name.endsWith('.js'))!;
    await writeFile(join(assets, script), "throw new Error('offscreen script broken for this test');\n");
    const ext = await launch(copy.dir);

    const report = await run(ext, schoolProfile());
    const ice = report.checks.filter((c) => c.kind === 'stun' || c.kind === 'turn');
    // The school profile's five vendor STUN/TURN checks and the district's reference STUN server (two ports).
    expect(ice).toHaveLength(7);
    for (const check of ice) {
      // Our failure, not the network's: "not tested", never a missing rule.
      expect(check).toMatchObject({ status: 'error', reason: 'setup' });
      expect(check.detail.code).toBe('detail_not_set_up');
      expect(check.evidence).toMatch(/offscreen document/i);
    }
    expect(report.checks.filter((c) => c.kind === 'https' || c.kind === 'wss').map((c) => c.status)).toEqual(['pass', 'pass']);
    expect(report.verdict.route).toBe('untested');
    expect(report.missingRules).toEqual([]);
  });
});
