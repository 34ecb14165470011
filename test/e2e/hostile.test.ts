import { inEnglish } from '../../src/i18n/english';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startLabBrowser, type LabBrowser } from '../support/lab-browser';
import { extensionWithHostAccess, launchWithExtension, sendFromPage } from '../support/extension';
import { dropFile } from '../support/drop-file';
import { delay, startDaemon, waitFor } from '../lab/exec';
import { LAB_ORIGINS } from './lab-profile';
import type { Report } from '../../src/report/types';
import { schoolProfile } from './school-profile';
import { translatorFromMessages, type MessagesFile } from '../../src/i18n/translate';
import en from '../../_locales/en/messages.json';
import { readFileSync } from 'node:fs';
import { firefoxExtensionCopy, launchFirefoxWithExtension } from '../../cli/launch-firefox';

/**
 * Issue 20's faults in the real built extension: malformed messages, storage
 * written by another version (or damaged, or full), and a service worker
 * stopped while a popup shows a run. The pure cases are in
 * test/unit/hostile-input.test.ts.
 */
let lb: LabBrowser;

/** Sets storage.local from an extension page (as another version of the extension would have left it). */
async function setStorage(page: Page, items: Record<string, unknown>): Promise<void> {
  await page.evaluate((i) => chrome.storage.local.set(i), items as never);
}

/** An extension page with a listener for uncaught errors, opened fresh. */
/** Pastes a profile into the options page's import box, imports it, and reads the notice's list of hosts in the user's own network. */
async function importListingLocal(page: Page, text: string): Promise<(string | null)[]> {
  await page.$eval(
    '[data-testid="import-json"]',
    (el, v) => {
      (el as HTMLTextAreaElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
  await page.click('[data-testid="import-button"]');
  await page.waitForSelector('[data-testid="import-notice-local-list"] li');
  return page.$$eval('[data-testid="import-notice-local-list"] li', (lis) => lis.map((li) => li.textContent));
}

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await lb.ext.openPage(path);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  return { page, errors };
}

beforeAll(async () => {
  lb = await startLabBrowser();
});

afterAll(async () => {
  await lb?.stop();
});

describe('9. malformed messages get the documented { error }', () => {
  it.each([
    ['null', null],
    ['a string', 'run'],
    ['a number', 7],
    ['a list', [{ type: 'run' }]],
    ['no type', { profileId: 'senso' }],
    ['an unknown type', { type: 'selfDestruct' }],
    ['an inherited name', { type: 'toString' }],
  ])('%s', async (_name, message) => {
    const reply = await sendFromPage<unknown>(lb.page, message);
    expect(reply).toMatchObject({ error: { code: 'bad-request', message: expect.any(String) } });
  });
});

describe('8. storage written by another version, damaged, or full', () => {
  it('damaged values: the popup, the history, the report page and the options page still work', async () => {
    const good = await lb.run(schoolProfile(), 3_000);
    await setStorage(lb.page, {
      lastReport: 'a string an old version stored',
      reportHistory: [{ ...good, checks: undefined }, { ...good, id: 'unknown-route', verdict: { ...good.verdict, route: 'teleport' } }, null, 'x', good],
      customProfiles: [{ profile: { id: 'broken' } }, 'x', { profile: { ...schoolProfile(), id: 'kept' }, importedAt: 5, errors: 'x' }],
      settings: { profileId: 42, deadlineMs: 'soon', redactIpsInExports: 'yes' },
    });

    const popup = await open('popup/index.html');
    await popup.page.waitForSelector('[data-testid="no-report"]');
    await popup.page.waitForSelector('[data-testid="check-again"]');

    expect(await sendFromPage<Report | null>(lb.page, { type: 'getLastReport' })).toBeNull();
    const history = await sendFromPage<{ id: string }[]>(lb.page, { type: 'listHistory' });
    expect(history.map((h) => h.id)).toEqual([good.id]);
    const view = await sendFromPage<{ customProfiles: { id: string }[]; effective: { deadlineMs: number } }>(lb.page, { type: 'getSettings' });
    expect(view.customProfiles.map((p) => p.id)).toEqual(['kept']);
    expect(view.effective.deadlineMs).toBe(5_000);

    const options = await open('popup/options/index.html');
    await options.page.waitForSelector('[data-testid="custom-profiles"] li[data-profile="kept"]');
    const page = await open(`popup/report/report.html?id=${good.id}`);
    await page.page.waitForFunction(() => document.body.innerText.includes('Lab school product'), { timeout: 15_000 });
    for (const { errors } of [popup, options, page]) expect(errors).toEqual([]);
    for (const p of [popup.page, options.page, page.page]) await p.close();

    // A report of this version's schema, damaged inside: the popup starts again without it.
    for (const damaged of [
      { ...good, verdict: { route: 'teleport' } },
      { ...good, checks: 'x', missingRules: null },
      { ...good, environment: null },
    ]) {
      await setStorage(lb.page, { lastReport: damaged });
      const again = await open('popup/index.html');
      await again.page.waitForSelector('[data-testid="no-report"]');
      await again.page.waitForSelector('[data-testid="check-again"]');
      expect(again.errors).toEqual([]);
      await again.page.close();
    }
  });

  it('a history that fills the quota does not lose the next report', async () => {
    const base = await lb.run(schoolProfile(), 3_000);
    // Two schema-valid reports, each several MB (evidence padded), leaving less room than one more report needs.
    const quota = await lb.page.evaluate(() => chrome.storage.local.QUOTA_BYTES);
    const pad = (id: string, bytes: number) => ({ ...base, id, checks: base.checks.map((c, i) => (i === 0 ? { ...c, evidence: 'x'.repeat(bytes) } : c)) });
    await lb.page.evaluate(() => chrome.storage.local.clear());
    const each = Math.floor((quota - 20_000) / 2) - JSON.stringify(base).length;
    await setStorage(lb.page, { reportHistory: [pad('huge-1', each), pad('huge-2', each)] });
    const used = await lb.page.evaluate(() => chrome.storage.local.getBytesInUse(null));
    expect(quota - used).toBeLessThan(2 * JSON.stringify(base).length);

    const next = await lb.run(schoolProfile(), 3_000);
    const stored = await sendFromPage<Report | null>(lb.page, { type: 'getLastReport' });
    expect(stored?.id).toBe(next.id);
    const history = await sendFromPage<{ id: string }[]>(lb.page, { type: 'listHistory' });
    expect(history[0]?.id).toBe(next.id);
    expect(history.map((h) => h.id)).not.toContain('huge-2');
  });
});

describe('7. the service worker stopped mid-run', () => {
  it('an open popup says the check was interrupted, then runs again', async () => {
    const popup = await open('popup/index.html');
    await popup.page.waitForSelector('[data-testid="check-again"]');
    // A run whose silent checks wait out a 5 s deadline, started by another page.
    await lb.lab.topology.forwardRule(['-p', 'udp', '-j', 'DROP']);
    const caller = await lb.ext.openPage('popup/index.html');
    const callerReply = caller.evaluate(
      (profile) =>
        chrome.runtime.sendMessage({ type: 'run', profile, options: { deadlineMs: 5_000 } }).then(
          (r: unknown) => ({ replied: r }),
          (err: unknown) => ({ rejected: String(err) }),
        ),
      schoolProfile() as never,
    );
    await popup.page.waitForSelector('[data-testid="progress"]', { timeout: 10_000 });

    const stopper = await lb.ext.openPage('popup/index.html');
    const cdp = await stopper.createCDPSession();
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await lb.lab.topology.clearForwardRules();

    await popup.page.waitForSelector('[data-testid="failure"]', { timeout: 10_000 });
    const failure = await popup.page.$eval('[data-testid="failure"]', (el) => el.textContent ?? '');
    expect(failure).toMatch(/interrupted/i);
    expect(await popup.page.$('[data-testid="progress"]')).toBeNull();
    // Measured: a caller using sendMessage directly gets Chrome's channel error; the popup and the CLI turn that into their own words.
    expect(await callerReply).toMatchObject({ rejected: expect.stringMatching(/closed|port|receiving end/i) });

    // Recovery: once a new worker answers, a run started elsewhere reaches the popup over its reconnected port.
    // Measured: after CDP's stopAllWorkers, pages that had a message in flight get no answer again; a newly opened page wakes the worker.
    const waker = await lb.ext.openPage('popup/index.html');
    const answers = () =>
      waker.evaluate(() =>
        Promise.race([
          chrome.runtime.sendMessage({ type: 'getSettings' }).then(
            () => true,
            () => false,
          ),
          new Promise<boolean>((r) => setTimeout(() => r(false), 2_000)),
        ]),
      );
    let back = false;
    for (let attempt = 0; attempt < 10 && !back; attempt++) back = await answers();
    expect(back).toBe(true);
    void waker.evaluate(
      (profile) => chrome.runtime.sendMessage({ type: 'run', profile, options: { deadlineMs: 2_000 } }).catch(() => null),
      schoolProfile() as never,
    );
    // Polling by time, not by animation frame: the popup's tab is in the background.
    // The new report replaces the interruption notice (the popup may still show an older report's headline before).
    await popup.page.waitForFunction(() => !document.querySelector('[data-testid="failure"]') && !!document.querySelector('[data-testid="headline"]'), {
      timeout: 60_000,
      polling: 100,
    });
    await popup.page.waitForFunction(() => !document.querySelector('[data-testid="check-again"][disabled]'), { timeout: 60_000, polling: 100 });
    const shown = await popup.page.$eval('[data-testid="report-profile"]', (el) => el.textContent ?? '');
    expect(shown).toContain('Lab school product');
    expect(await popup.page.$('[data-testid="failure"]')).toBeNull();

    // And the reconnected port carries the next run's progress live (a slow run: UDP dropped, 3 s deadline).
    await lb.lab.topology.forwardRule(['-p', 'udp', '-j', 'DROP']);
    try {
      const slow = waker.evaluate(
        (profile) => chrome.runtime.sendMessage({ type: 'run', profile, options: { deadlineMs: 3_000 } }).catch(() => null),
        schoolProfile() as never,
      );
      await popup.page.waitForSelector('[data-testid="progress"]', { timeout: 10_000 });
      await slow;
    } finally {
      await lb.lab.topology.clearForwardRules();
    }
    await popup.page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), { timeout: 20_000, polling: 100 });
    expect(popup.errors).toEqual([]);
    for (const p of [popup.page, caller, stopper, waker]) await p.close();
  });
});

describe('11. a profile naming a LAN device gets its origin probed, never its path', () => {
  it('an https rule to 127.0.0.1 with a path and query sends only GET /', async () => {
    // A device on the LAN side (loopback of the LAN namespace), logging every request line it gets.
    const script = `const https = require('node:https'); const fs = require('node:fs');
      https.createServer({ cert: fs.readFileSync(process.argv[1]), key: fs.readFileSync(process.argv[2]) }, (req, res) => {
        console.log('REQUEST ' + req.method + ' ' + req.url); res.writeHead(204); res.end();
      }).listen(8443, '127.0.0.1', () => console.log('LISTENING'));`;
    const device = startDaemon('lan-device', lb.lab.topology.lan, process.execPath, ['-e', script, lb.lab.certs.serverCert, lb.lab.certs.serverKey]);
    const copy = await extensionWithHostAccess([...LAB_ORIGINS, 'https://127.0.0.1/*']);
    // The lab certificate does not name 127.0.0.1: this browser accepts any, so that TLS cannot be what stops the path.
    const ext = await launchWithExtension({
      netns: lb.lab.topology.lan,
      home: lb.lab.chromiumHome,
      extensionDir: copy.dir,
      extraArgs: ['--ignore-certificate-errors'],
    });
    try {
      await waitFor('the LAN device', async () => device.output().includes('LISTENING'));
      const page = await ext.openPage('popup/index.html');
      const profile = schoolProfile([{ id: 'router', kind: 'https', purpose: 'Router admin', url: 'https://127.0.0.1:8443/cgi-bin/reboot?confirm=1' }]);
      const report = await sendFromPage<Report>(page, { type: 'run', profile, options: { deadlineMs: 2_000 } });
      await delay(200);
      const requests = device
        .output()
        .split('\n')
        .filter((line) => line.startsWith('REQUEST'));
      expect(requests).toEqual(['REQUEST GET /']);
      const check = report.checks.find((c) => c.ruleId === 'router');
      expect(check).toMatchObject({ status: 'pass', target: 'https://127.0.0.1:8443/cgi-bin/reboot?confirm=1' });
      expect(inEnglish(check!.detail)).toMatch(/only its origin was requested/);
    } finally {
      await ext.close();
      await copy.remove();
      await device.stop();
    }
  });
});

describe('5 and 11 on the options page: an import keeps rules with unknown fields and names LAN targets before the first run', () => {
  it('imports with warnings, lists the LAN targets, stores every rule', async () => {
    const options = await open('popup/options/index.html');
    await options.page.waitForSelector('[data-testid="import-json"]');
    const text = JSON.stringify({
      id: 'on-prem',
      name: 'On-premises',
      version: '1',
      rules: [
        { id: 'app', kind: 'https', purpose: 'App', url: 'https://app.example.org/', $comment: 'from the guide', futureField: 1 },
        { id: 'router', kind: 'https', purpose: 'Router', url: 'https://192.168.1.1/cgi-bin/reboot?confirm=1' },
        { id: 'relay', kind: 'turn', purpose: 'Relay', urls: ['turn:10.0.0.5:3478?transport=tcp'], username: 'u', credential: 'Zq9-import-s3cr3t' },
      ],
    }).replace('"futureField"', '"__proto__":{"x":1},"futureField"');
    const local = await importListingLocal(options.page, text);
    expect(local).toEqual(['router: 192.168.1.1:443 (TCP)', 'relay: 10.0.0.5:3478 (TCP)']);
    const warnings = await options.page.$$eval('[data-testid="import-notice-errors"] li', (lis) => lis.map((li) => li.getAttribute('data-path')));
    expect(warnings).toEqual(['rules[0].$comment', 'rules[0].__proto__', 'rules[0].futureField']);
    const view = await sendFromPage<{ customProfiles: { id: string; rules: { id: string }[] }[] }>(options.page, { type: 'getSettings' });
    expect(view.customProfiles.find((p) => p.id === 'on-prem')?.rules.map((r) => r.id)).toEqual(['app', 'router', 'relay']);
    expect(await options.page.evaluate(() => document.body.innerText)).not.toContain('Zq9-import-s3cr3t');
    expect(options.errors).toEqual([]);
    await options.page.close();
  });
});

describe('issue 29: report files and stored values the schema accepts but a page could not lay out', () => {
  const EN = translatorFromMessages(en as MessagesFile);
  /** Drops a file on the report page, as a help desk does with an attachment. */
  const drop = dropFile;
  const problemFor = (page: Page, name: string) =>
    page
      .waitForFunction((n) => document.querySelector('[data-testid="open-report-problem"]')?.textContent?.includes(n), {}, name)
      .then(() => page.$eval('[data-testid="open-report-problem"]', (el) => el.textContent ?? ''));

  it('the opener lays out prototype-name codes as raw codes and refuses impossible dates and deep nesting by name; no page throws', async () => {
    const good = await lb.run(schoolProfile(), 3_000);
    const { page, errors } = await open('popup/report/report.html');
    await page.waitForSelector('[data-testid="open-report-input"]');

    const proto = {
      ...good,
      verdict: { ...good.verdict, summary: { code: 'constructor' } },
      nat: { ...good.nat, reason: { code: 'toString', params: { hasOwnProperty: { code: 'valueOf' } } } },
    };
    await drop(page, 'proto.json', JSON.stringify(proto).replace('"params":{"hasOwnProperty"', '"params":{"__proto__":{"code":"__proto__"},"hasOwnProperty"'));
    await page.waitForFunction(() => document.querySelector('[data-testid="printable-report"]')?.textContent?.includes('[constructor]'), { timeout: 10_000 });
    expect(await page.$eval('[data-testid="printable-report"]', (el) => (el as HTMLElement).innerText)).toContain('[toString]');

    for (const [name, startedAt] of [
      ['month-13.json', '2026-13-01T10:00:00Z'],
      ['hour-25.json', '2026-11-29T25:00:00Z'],
      ['offset-99.json', '2026-11-29T10:00:00+99:00'],
    ] as const) {
      await drop(page, name, JSON.stringify({ ...good, startedAt }));
      expect(await problemFor(page, name)).toBe(EN('report_file_refused', [name, EN('report_file_bad_date', ['/startedAt'])]));
    }

    const deep = '{"code":"detail_with_note","params":{"note":"n","detail":'.repeat(50_000) + '{"code":"summary_none"}' + '}}'.repeat(50_000);
    await drop(page, 'deep.json', JSON.stringify({ ...good, verdict: { ...good.verdict, summary: 'DEEP' } }).replace('"summary":"DEEP"', `"summary":${deep}`));
    expect(await problemFor(page, 'deep.json')).toMatch(
      new RegExp(`^${EN('report_file_refused', ['deep.json', '']).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/verdict/summary/params/`),
    );
    expect(await problemFor(page, 'deep.json')).toContain('more than 40 levels deep');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a stored report with an impossible date is dropped (popup, history, report page start without it); a shortened one says so', async () => {
    const good = await lb.run(schoolProfile(), 3_000);
    const bad = { ...good, id: 'bad-date', startedAt: '2026-13-01T10:00:00Z' };
    // The run's own write follows its reply: wait for it (getLastReport waits for pending writes), then overwrite.
    expect((await sendFromPage<Report | null>(lb.page, { type: 'getLastReport' }))?.id).toBe(good.id);
    await setStorage(lb.page, { lastReport: bad, reportHistory: [bad, good] });
    const popup = await open('popup/index.html');
    await popup.page.waitForSelector('[data-testid="no-report"]');
    expect((await sendFromPage<{ id: string }[]>(lb.page, { type: 'listHistory' })).map((h) => h.id)).toEqual([good.id]);
    const page = await open('popup/report/report.html?id=bad-date');
    await page.page.waitForSelector('[data-testid="open-report-input"]');

    await setStorage(lb.page, { lastReport: { ...good, truncated: [{ field: 'checks', kept: 1, total: 2 }] } });
    const shortened = await open('popup/index.html');
    await shortened.page.waitForSelector('[data-testid="truncated"]');
    expect(await shortened.page.$eval('[data-testid="truncated"]', (el) => el.textContent)).toBe(EN('report_truncated', ['checks 1/2']));
    for (const { errors } of [popup, page, shortened]) expect(errors).toEqual([]);
    for (const p of [popup.page, page.page, shortened.page]) await p.close();
  });

  it('the options page lists a LAN target written in hex as the address the browser will contact', async () => {
    const options = await open('popup/options/index.html');
    await options.page.waitForSelector('[data-testid="import-json"]');
    const text = JSON.stringify({
      id: 'disguised',
      name: 'Disguised',
      version: '1',
      rules: [
        { id: 'router', kind: 'https', purpose: 'Router', url: 'https://0xc0.0xa8.1.1/cgi-bin/reboot?confirm=1' },
        { id: 'loop', kind: 'stun', purpose: 'Loopback', urls: ['stun:0x7f.0x1:3478'] },
        { id: 'meta', kind: 'tcp', purpose: 'Metadata', hosts: ['0xa9.0xfe.0xa9.0xfe'], ports: [80] },
      ],
    });
    const local = await importListingLocal(options.page, text);
    // The browser itself canonicalised the https URL; the STUN and TCP hosts are shown as written and as read.
    expect(local).toEqual(['router: 192.168.1.1:443 (TCP)', 'loop: 0x7f.0x1 = 127.0.0.1:3478 (UDP)', 'meta: 0xa9.0xfe.0xa9.0xfe = 169.254.169.254 (TCP 80)']);
    expect(options.errors).toEqual([]);
    await options.page.close();
  });
});

describe('issue 29 in Firefox: the same report files through the same opener', () => {
  it('lays out prototype-name codes as [code], refuses an impossible date and 50,000-deep phrases by name, no page error', async () => {
    const EN = translatorFromMessages(en as MessagesFile);
    const base = JSON.parse(readFileSync(new URL('../fixtures/reports/failed.json', import.meta.url), 'utf8')) as Report;
    const copy = await firefoxExtensionCopy([]);
    const ff = await launchFirefoxWithExtension({ netns: lb.lab.topology.lan, extensionDir: copy.dir });
    try {
      const page = await ff.openPage('popup/report/report.html');
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(String(err)));
      await page.waitForSelector('[data-testid="open-report-input"]');
      const drop = (name: string, text: string) => dropFile(page, name, text);
      const problemFor = async (name: string) => {
        await page.waitForFunction((n) => document.querySelector('[data-testid="open-report-problem"]')?.textContent?.includes(n), {}, name);
        return page.$eval('[data-testid="open-report-problem"]', (el) => el.textContent ?? '');
      };
      const proto = { ...base, verdict: { ...base.verdict, summary: { code: 'constructor' } }, nat: { ...base.nat, reason: { code: '__proto__' } } };
      await drop('proto.json', JSON.stringify(proto));
      await page.waitForFunction(() => document.querySelector('[data-testid="printable-report"]')?.textContent?.includes('[constructor]'), {
        timeout: 10_000,
      });
      expect(await page.$eval('[data-testid="printable-report"]', (el) => el.textContent ?? '')).toContain('[__proto__]');
      await drop('month-13.json', JSON.stringify({ ...base, startedAt: '2026-13-01T10:00:00Z' }));
      expect(await problemFor('month-13.json')).toBe(EN('report_file_refused', ['month-13.json', EN('report_file_bad_date', ['/startedAt'])]));
      const deep = '{"code":"detail_with_note","params":{"note":"n","detail":'.repeat(50_000) + '{"code":"summary_none"}' + '}}'.repeat(50_000);
      await drop('deep.json', JSON.stringify({ ...base, verdict: { ...base.verdict, summary: 'DEEP' } }).replace('"summary":"DEEP"', `"summary":${deep}`));
      expect(await problemFor('deep.json')).toContain('more than 40 levels deep');
      expect(errors).toEqual([]);
    } finally {
      await ff.close();
      await copy.remove();
    }
  }, 60_000);
});
