import { inEnglish } from '../../src/i18n/english';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startLab, type Lab } from '../lab/lab';
import { extensionWithHostAccess, launchWithExtension, sendFromPage, type ExtensionBrowser } from '../support/extension';
import type { Report } from '../../src/report/types';
import type { SettingsView } from '../../src/settings/types';
import { LAB_ORIGINS, labProfile } from './lab-profile';
import { popupShown } from '../support/popup';

/**
 * The HTTPS and WSS probes in every permission state a user is in (issue 14):
 *
 * 1. host access granted at install (the manifest of a copy of dist/ grants the lab's hosts);
 * 2. not granted: the unmodified dist/, a `run` message carrying a profile object;
 * 3. not granted: a custom profile picked in the popup, whose host-access prompt
 *    is never accepted (headless Chromium cannot click it: the prompt is declined);
 * 4. policy: the unmodified dist/, the custom profile pushed by managed policy and
 *    run at start-up, with no prompt anyone could answer.
 *
 * Ground truth from the lab's construction (test/lab/lab.ts), the same in every state:
 * web.lab.test:443 answers HTTPS and WebSocket; :8443 answers HTTPS and refuses
 * upgrades; :4444 is closed; :9443 accepts TCP and never answers;
 * nowhere.lab.test does not resolve; rogue.lab.test presents an untrusted certificate.
 * A host that answered must pass in every state; a host that did not must never pass.
 * Without host access the reason may be missing, and the check must say so.
 */
const EXTENSION_ID = 'ajfamljhdelhckpncckgbjipkmmknief';
const WITH_POLICY = resolve(import.meta.dirname, '../support/chromium-with-policy.sh');
const DEADLINE_MS = 2_000;

const ANSWERED = { https: 'pass', wss: 'pass', 'wss-stripped': 'fail/upgrade-refused' } as const;
const SILENT = { 'https-silent': 'fail/timeout' } as const;
const NOT_ANSWERED = ['https-closed', 'https-dns', 'https-rogue'] as const;

function outcome(report: Report, ruleId: string): string {
  const c = report.checks.find((check) => check.ruleId === ruleId);
  return c ? (c.reason ? `${c.status}/${c.reason}` : c.status) : 'missing';
}

function expectWebOracle(report: Report, access: 'granted' | 'none'): void {
  for (const [rule, expected] of Object.entries({ ...ANSWERED, ...SILENT })) expect(`${rule}: ${outcome(report, rule)}`).toBe(`${rule}: ${expected}`);
  for (const rule of NOT_ANSWERED) expect(report.checks.find((c) => c.ruleId === rule)?.status, rule).toBe('fail');
  const answered = report.checks.find((c) => c.ruleId === 'https')!;
  if (access === 'none') {
    // It says what it could not see, both for an answer and for a failure.
    expect(inEnglish(answered.detail)).toMatch(/without host access/);
    for (const rule of NOT_ANSWERED) expect(inEnglish(report.checks.find((c) => c.ruleId === rule)!.detail), rule).toMatch(/without host access/);
    // The reachable service is never listed as a missing rule.
    expect(report.missingRules.map((r) => r.ruleId)).not.toContain('https');
    expect(report.missingRules.map((r) => r.ruleId)).not.toContain('wss');
    expect(report.missingRules.map((r) => r.ruleId)).not.toContain('wss-stripped');
  } else {
    expect(outcome(report, 'https-closed')).toBe('fail/refused');
    expect(outcome(report, 'https-rogue')).toBe('fail/cert-untrusted');
    expect(outcome(report, 'https-dns')).toBe('fail/dns');
  }
}

async function keep(name: string, report: Report): Promise<void> {
  await mkdir('test-results', { recursive: true });
  await writeFile(`test-results/host-access-${name}.json`, JSON.stringify(report, null, 2));
}

async function hasAccess(page: Page, origin: string): Promise<boolean> {
  return page.evaluate((o) => chrome.permissions.contains({ origins: [o] }), origin);
}

async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let lab: Lab;

beforeAll(async () => {
  lab = await startLab();
});

afterAll(async () => {
  await lab?.stop();
});

describe('host access granted at install', () => {
  let ext: ExtensionBrowser;
  let remove: () => Promise<void>;
  afterAll(async () => {
    await ext?.close();
    await remove?.();
  });

  it('passes the hosts that answered and names the reason of the others', async () => {
    const copy = await extensionWithHostAccess(LAB_ORIGINS);
    remove = copy.remove;
    ext = await launchWithExtension({ netns: lab.topology.lan, home: lab.chromiumHome, extensionDir: copy.dir });
    const page = await ext.openPage('popup/index.html');
    expect(await hasAccess(page, 'https://web.lab.test/*')).toBe(true);
    const report = await sendFromPage<Report>(page, { type: 'run', profile: labProfile(), options: { deadlineMs: DEADLINE_MS } });
    await keep('granted', report);
    expectWebOracle(report, 'granted');
  });
});

describe('no host access (the extension as built)', () => {
  let ext: ExtensionBrowser;
  let page: Page;
  beforeAll(async () => {
    ext = await launchWithExtension({ netns: lab.topology.lan, home: lab.chromiumHome });
    page = await ext.openPage('popup/index.html');
    expect(await hasAccess(page, 'https://web.lab.test/*')).toBe(false);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('run message with a profile object: passes the hosts that answered, fails the others, says what it could not see', async () => {
    const report = await sendFromPage<Report>(page, { type: 'run', profile: labProfile(), options: { deadlineMs: DEADLINE_MS } });
    await keep('run-message', report);
    expectWebOracle(report, 'none');
  });

  it('custom profile picked in the popup, host-access prompt declined: the same', async () => {
    const imported = await sendFromPage<unknown>(page, { type: 'importProfile', profile: labProfile() });
    expect(imported).not.toHaveProperty('error');
    await sendFromPage(page, { type: 'saveSettings', settings: { deadlineMs: DEADLINE_MS } });
    const popup = await ext.openPage('popup/index.html');
    try {
      await popup.waitForSelector('[data-testid="profile-select"]');
      // Picking the profile asks Chrome for its hosts; nobody accepts the prompt.
      await popup.select('[data-testid="profile-select"]', 'lab');
      await poll(
        'the profile saved',
        () => sendFromPage<SettingsView>(popup, { type: 'getSettings' }),
        (v) => v.effective.profileId === 'lab',
        5_000,
      );
      expect(await hasAccess(popup, 'https://web.lab.test/*')).toBe(false);
      const before = await sendFromPage<Report | null>(popup, { type: 'getLastReport' });
      await popup.click('[data-testid="check-again"]');
      const report = await poll(
        'a new report',
        () => sendFromPage<Report | null>(popup, { type: 'getLastReport' }),
        (r) => r !== null && r.id !== before?.id,
        30_000,
      );
      await keep('declined-prompt', report!);
      expect(report!.profile.id).toBe('lab');
      expectWebOracle(report!, 'none');
      // What the popup tells the admin: no firewall rule for a host that answered;
      // the stripped upgrade goes to the proxy/filter section.
      await popup.reload();
      await popupShown(popup, '[data-testid="headline-text"]');
      const shown = await popup.evaluate(() => ({
        missing: [...document.querySelectorAll('[data-testid="missing-rules"] li')].map((li) => li.getAttribute('data-rule')),
        proxy: [...document.querySelectorAll('section[data-cause="proxy"] li')].map((li) => li.getAttribute('data-rule')),
      }));
      for (const answered of ['https', 'wss', 'wss-stripped']) expect(shown.missing).not.toContain(answered);
      expect(shown.proxy).toContain('wss-stripped');
    } finally {
      await popup.close();
    }
  });
});

describe('custom profile pushed by policy, nothing granted', () => {
  let ext: ExtensionBrowser | undefined;
  let policyDir: string | undefined;
  afterAll(async () => {
    try {
      await ext?.close();
    } finally {
      delete process.env.WNC_POLICY_DIR;
      delete process.env.WNC_POLICY_NETNS;
      if (policyDir) await rm(policyDir, { recursive: true, force: true });
    }
  });

  it('runs at start-up and passes the hosts that answered', async () => {
    const profile = labProfile();
    // Chrome's policy schema cannot say "number or string": ports go as strings (public/managed-schema.json).
    const customProfile = {
      ...profile,
      rules: profile.rules.map((rule) => ('ports' in rule && rule.ports ? { ...rule, ports: rule.ports.map(String) } : rule)),
    };
    policyDir = await mkdtemp(join(tmpdir(), 'wnc-policy-'));
    await writeFile(
      join(policyDir, `wnc-host-access-${process.pid}.json`),
      JSON.stringify({
        ExtensionSettings: { [EXTENSION_ID]: { installation_mode: 'allowed' } },
        '3rdparty': { extensions: { [EXTENSION_ID]: { profileId: 'lab', customProfile, lockProfile: true, deadlineMs: DEADLINE_MS, runOnStartup: true } } },
      }),
    );
    process.env.WNC_POLICY_DIR = policyDir;
    process.env.WNC_POLICY_NETNS = lab.topology.lan;
    ext = await launchWithExtension({ home: lab.chromiumHome, chromium: WITH_POLICY });
    const page = await ext.openPage('popup/index.html');
    expect(ext.extensionId).toBe(EXTENSION_ID);
    expect(await hasAccess(page, 'https://web.lab.test/*')).toBe(false);
    const report = await poll(
      'a start-up report',
      () => sendFromPage<Report | null>(page, { type: 'getLastReport' }),
      (r) => r?.trigger === 'startup' && r.profile.id === 'lab',
      60_000,
    );
    await keep('policy', report!);
    expect(report!.environment.policy.managed).toBe(true);
    expectWebOracle(report!, 'none');
  }, 90_000);
});
