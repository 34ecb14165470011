import { inEnglish } from '../../src/i18n/english';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startLab, TURN_CREDENTIALS, type Lab } from '../lab/lab';
import { extensionWithHostAccess, launchWithExtension, sendFromPage, type ExtensionBrowser } from '../support/extension';
import type { Report } from '../../src/report/types';
import type { SettingsView } from '../../src/settings/types';
import { LAB_ORIGINS, labProfile } from './lab-profile';
import { translatorFromMessages, type MessagesFile } from '../../src/i18n/translate';
import en from '../../_locales/en/messages.json';
import { axeViolations } from '../support/ui-checks';

const EN = translatorFromMessages(en as MessagesFile);

/**
 * Real Chromium policy, no user action: a policy file pushes the lab profile
 * (as an admin's custom profile), locks it, enables the start-up run and the
 * alarm, and sets Chrome's own WebRtcIPHandling policy; the extension must
 * show the profile locked and produce the report by itself.
 *
 * The file (wnc-test-<pid>.json) sits in a folder of its own that
 * test/support/chromium-with-policy.sh bind-mounts over
 * /etc/chromium/policies/managed/ in a private mount namespace: this Chromium
 * reads it at the real path, no other Chromium on the machine sees it, and
 * the folder is removed in afterAll whatever happens.
 */
const EXTENSION_ID = 'ajfamljhdelhckpncckgbjipkmmknief';
const WITH_POLICY = resolve(import.meta.dirname, '../support/chromium-with-policy.sh');
const DEADLINE_MS = 2_000;

/** Chrome's policy schemas cannot say "number or string": ports go as strings (public/managed-schema.json). */
function labProfileForPolicy() {
  const profile = labProfile();
  return { ...profile, rules: profile.rules.map((rule) => ('ports' in rule && rule.ports ? { ...rule, ports: rule.ports.map(String) } : rule)) };
}

function extensionPolicy(overrides: Record<string, unknown> = {}) {
  return {
    profileId: 'lab',
    customProfile: labProfileForPolicy(),
    lockProfile: true,
    deadlineMs: DEADLINE_MS,
    runOnStartup: true,
    runEveryMinutes: 30,
    // The lab profile's turn-nocred rule has no credentials of its own: the policy gives them.
    turnCredentials: { 'turn-nocred': { ...TURN_CREDENTIALS } },
    // Right type, wrong value: reported by the extension.
    profileOptions: { connection: 'legacy' },
    probeHosts: { 'no-such-rule': 'web.lab.test' },
    // Wrong type: Chrome drops it against the schema before the extension sees it.
    redactIpsInExports: 'no',
    ...overrides,
  };
}

function chromePolicy(extension: Record<string, unknown>) {
  return {
    ExtensionSettings: { [EXTENSION_ID]: { installation_mode: 'allowed', toolbar_pin: 'force_pinned' } },
    WebRtcIPHandling: 'disable_non_proxied_udp',
    '3rdparty': { extensions: { [EXTENSION_ID]: extension } },
  };
}

let lab: Lab;
let ext: ExtensionBrowser;
let page: Page;
let policyDir: string | undefined;
let policyFile: string;
let removeExtension: () => Promise<void>;

async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms; last value ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const settings = () => sendFromPage<SettingsView>(page, { type: 'getSettings' });

beforeAll(async () => {
  lab = await startLab();
  policyDir = await mkdtemp(join(tmpdir(), 'wnc-policy-'));
  policyFile = join(policyDir, `wnc-test-${process.pid}.json`);
  await writeFile(policyFile, JSON.stringify(chromePolicy(extensionPolicy())));
  const copy = await extensionWithHostAccess(LAB_ORIGINS);
  removeExtension = copy.remove;
  // The wrapper script takes the policy folder and the lab namespace from the environment Chromium inherits.
  process.env.WNC_POLICY_DIR = policyDir;
  process.env.WNC_POLICY_NETNS = lab.topology.lan;
  ext = await launchWithExtension({ home: lab.chromiumHome, extensionDir: copy.dir, chromium: WITH_POLICY });
  page = await ext.openPage('popup/index.html');
});

afterAll(async () => {
  try {
    await ext?.close();
  } finally {
    delete process.env.WNC_POLICY_DIR;
    delete process.env.WNC_POLICY_NETNS;
    if (policyDir) await rm(policyDir, { recursive: true, force: true });
    await removeExtension?.();
    await lab?.stop();
  }
});

describe('managed policy from /etc/chromium/policies/managed', () => {
  let view: SettingsView;
  let report: Report;

  beforeAll(async () => {
    // Loaded over DevTools, the extension gets its managed storage a few seconds after start.
    view = await poll('policy in getSettings', settings, (v) => v.managed, 20_000);
    // The start-up run is the extension's own doing: nothing here asks for a run.
    report = await poll(
      'a start-up report',
      () => sendFromPage<Report | null>(page, { type: 'getLastReport' }),
      (r) => r?.trigger === 'startup',
      60_000,
    ).then((r) => r!);
    await mkdir('test-results', { recursive: true });
    await writeFile('test-results/managed-policy-startup.json', JSON.stringify(report, null, 2));
  });

  it('loads the extension with the stable id the policy targets', () => {
    expect(ext.extensionId).toBe(EXTENSION_ID);
  });

  it('shows the pushed profile, locked, with the policy’s settings', () => {
    expect(view.effective).toMatchObject({ profileId: 'lab', deadlineMs: DEADLINE_MS, runOnStartup: true, runEveryMinutes: 30 });
    expect(view.locked).toEqual(expect.arrayContaining(['profileId', 'choices', 'deadlineMs', 'runOnStartup', 'runEveryMinutes']));
    expect(view.customProfiles.map((p) => p.id)).toContain('lab');
  });

  it('names the values that do not fit while the rest applies', () => {
    expect(view.policyProblems.map((p) => p.field).sort()).toEqual(['probeHosts.no-such-rule', 'profileOptions.connection']);
    // The wrong-typed value never reached the extension (Chrome validates against the schema): the default stays, unlocked.
    expect(view.effective.redactIpsInExports).toBe(true);
    expect(view.locked).not.toContain('redactIpsInExports');
  });

  it('never shows a TURN credential to a page', () => {
    expect(JSON.stringify(view)).not.toContain(TURN_CREDENTIALS.credential);
    expect(JSON.stringify(view)).not.toContain(TURN_CREDENTIALS.username);
  });

  it('ran the pushed profile on its own at start, with the policy named in the report', () => {
    expect(report.profile.id).toBe('lab');
    expect(report.deadlineMs).toBe(DEADLINE_MS);
    expect(report.environment.policy.managed).toBe(true);
    expect(report.environment.policy.settingsFromPolicy).toEqual(expect.arrayContaining(['profileId', 'deadlineMs', 'runOnStartup', 'runEveryMinutes']));
    expect(report.environment.policy.problems.map((p) => p.field).sort()).toEqual(['probeHosts.no-such-rule', 'profileOptions.connection']);
  });

  it('relays with the TURN credentials pushed by policy and keeps them out of the report', () => {
    const nocred = report.checks.find((c) => c.ruleId === 'turn-nocred');
    // Without credentials this rule only gets a 401 (probes.test.ts); with the policy's, an allocation.
    expect({ status: nocred?.status, reason: nocred?.reason }).toEqual({ status: 'pass', reason: null });
    expect(JSON.stringify(report)).not.toContain(TURN_CREDENTIALS.credential);
    expect(JSON.stringify(report)).not.toContain(TURN_CREDENTIALS.username);
  });

  it('reports that Chrome’s WebRtcIPHandling policy stops web apps from using UDP, while the extension still does', () => {
    expect(report.environment.webRtcIpHandling).toMatchObject({
      value: 'disable_non_proxied_udp',
      levelOfControl: 'not_controllable',
      limitsWebApps: true,
    });
    expect(report.checks.find((c) => c.ruleId === 'turn-udp')?.status).toBe('pass');
    // The verdict keeps the measured route and says what web apps lose.
    expect(inEnglish(report.verdict.summary)).toMatch(/WebRTC IP handling setting \(disable_non_proxied_udp\): at best they will use a relay over TCP/);
    const holePunching = report.verdict.methods.find((m) => m.method === 'hole-punching');
    expect(holePunching?.reasons.map((r) => r.code)).toContain('why_web_app_limited');
    // The browser policy is this device's finding, for whoever manages the browser, never a firewall rule.
    const device = report.otherCauses.find((s) => s.cause === 'this-device');
    expect(device?.notes.map(inEnglish).join(' ')).toMatch(/WebRTC IP handling = disable_non_proxied_udp/);
  });

  it('shows a teacher the pushed profile locked, the start-up verdict and the web-app warning, with nothing to set up', async () => {
    const popup = await ext.openPage('popup/index.html');
    try {
      await popup.waitForSelector('[data-testid="profile-locked"]');
      await popup.waitForSelector('[data-testid="webapp-warning"]');
      expect(await popup.$('select[data-testid="profile-select"]')).toBeNull();
      expect(await popup.$eval('[data-testid="profile-locked"]', (el) => el.textContent)).toContain('Network lab');
      expect(await popup.$eval('[data-testid="webapp-warning"]', (el) => el.textContent)).toMatch(
        /cannot send UDP.*Set by your administrator \(WebRtcIPHandling policy\)/,
      );
      // Another file may not have made the folder yet: files run in any order, two at a time.
      await mkdir('test-results/screenshots', { recursive: true });
      await popup.screenshot({ path: 'test-results/screenshots/popup-managed.png', fullPage: true });
    } finally {
      await popup.close();
    }
    const options = await ext.openPage('popup/options/index.html');
    try {
      await options.waitForSelector('[data-testid="policy-problems"]');
      expect(await options.$eval('[data-testid="default-profile"]', (el) => (el as HTMLSelectElement).disabled)).toBe(true);
      expect(await options.$eval('[data-testid="deadline"]', (el) => (el as HTMLInputElement).disabled)).toBe(true);
      const problems = await options.$eval('[data-testid="policy-problems"]', (el) => el.textContent ?? '');
      expect(problems).toMatch(/profileOptions\.connection/);
      expect(problems).toMatch(/probeHosts\.no-such-rule/);
      // Truthful under policy (issue 17): no Delete that would do nothing for the pushed profile,
      // which rules got relay credentials (ids, never the values), and the automatic checks.
      await options.waitForSelector('[data-testid="policy-profile-lab"]');
      expect(await options.$('[data-testid="delete-lab"]')).toBeNull();
      const credentials = await options.$eval('[data-testid="policy-credentials"]', (el) => el.textContent ?? '');
      expect(credentials).toContain('turn-nocred');
      expect(credentials).toContain('turn-udp');
      expect(await options.evaluate(() => document.body.innerText)).not.toContain(TURN_CREDENTIALS.credential);
      expect(await options.$$eval('[data-testid="schedule"] li', (lis) => lis.map((li) => li.textContent))).toEqual([
        EN('options_schedule_startup'),
        EN('options_schedule_every', [30]),
      ]);
      expect(await options.$eval('[data-testid="policy-info"]', (el) => el.textContent)).toContain(EN('options_schedule_by_policy'));
      expect(await axeViolations(options)).toEqual([]);
      await mkdir('test-results/screenshots', { recursive: true });
      await options.screenshot({ path: 'test-results/screenshots/options-managed.png', fullPage: true });
    } finally {
      await options.close();
    }
  });

  it('schedules the periodic run the policy asks for', async () => {
    const alarm = await ext.worker.evaluate(() => chrome.alarms.get('wnc-scheduled-run'));
    expect(alarm?.periodInMinutes).toBe(30);
  });

  it('applies ExtensionSettings for the stable id (toolbar_pin)', async () => {
    const pinned = await ext.worker.evaluate(() => chrome.action.getUserSettings());
    expect(pinned.isOnToolbar).toBe(true);
  });

  it('re-reads a changed policy without a restart', async () => {
    await writeFile(policyFile, JSON.stringify(chromePolicy(extensionPolicy({ lockProfile: false, runEveryMinutes: 0, deadlineMs: 3_000 }))));
    const changed = await poll('the changed policy', settings, (v) => v.effective.deadlineMs === 3_000, 45_000);
    expect(changed.locked).not.toContain('profileId');
    expect(changed.effective.runEveryMinutes).toBeNull();
    const alarm = await poll(
      'the cleared alarm',
      () => ext.worker.evaluate(() => chrome.alarms.get('wnc-scheduled-run').then((a) => a ?? null)),
      (a) => a === null,
      10_000,
    );
    expect(alarm).toBeNull();
  });

  it('runs again by itself when the alarm fires', async () => {
    await writeFile(policyFile, JSON.stringify(chromePolicy(extensionPolicy({ runEveryMinutes: 1 }))));
    const scheduled = await poll(
      'a scheduled report',
      () => sendFromPage<Report | null>(page, { type: 'getLastReport' }),
      (r) => r?.trigger === 'schedule',
      110_000,
    );
    expect(scheduled!.profile.id).toBe('lab');
    expect(scheduled!.id).not.toBe(report.id);
  }, 150_000);
});
