import { constants } from 'node:fs';
import { access, cp, mkdir, mkdtemp, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../build/firefox-manifest';

const ROOT = resolve(import.meta.dirname, '..');
export const DIST_FIREFOX = resolve(ROOT, 'dist-firefox');
export const SYSTEM_FIREFOX = '/usr/bin/firefox-esr';
const IN_NETNS = resolve(ROOT, 'cli/firefox-in-netns.mjs');
/** moz-extension://<uuid>/ is random per profile; this pref fixes it, so pages can be addressed. */
const EXTENSION_UUID = '5b6c2e1a-7d0f-4c1e-9a53-2f6e8b1d4c70';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

const run = promisify(execFile);

/**
 * Prefs for a quiet, closed network, and the extension's fixed UUID. WebRTC
 * host candidates stay mDNS names (Firefox's default, as users have it).
 */
function prefs(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    ...extra,
  };
}

export interface FirefoxLaunchOptions {
  /** Unpacked extension folder; dist-firefox/ by default. */
  extensionDir?: string;
  /** Run Firefox inside this network namespace. */
  netns?: string;
  /** CA certificates (PEM files) the profile trusts, as an administrator would roll them out. */
  trustedCas?: string[];
  /** Extra about:config prefs (e.g. a proxy). */
  prefs?: Record<string, unknown>;
  firefox?: string;
  /**
   * Managed policy: `policies.json` is written to a folder of the test's own,
   * bind-mounted over `target` for this Firefox only (cli/firefox-in-netns.mjs;
   * needs `netns`). With a policy that force-installs the extension, pass
   * `install: false`.
   */
  policy?: { json: object; target: string };
  /** Install the extension over BiDi (a temporary add-on); default true. */
  install?: boolean;
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** An extension page, reached as Firefox allows under BiDi (see openPage). */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The built Firefox extension, copied with extra host permissions (Firefox
 * grants MV3 host permissions listed in the manifest at install, as a user
 * accepting the prompt would) and with its pages listed as web-accessible:
 * BiDi refuses to navigate to moz-extension:// pages, but a web-accessible
 * one can be entered from a web page (measured, docs/measured.md). The code
 * is byte for byte the one in dist-firefox/.
 */
export async function firefoxExtensionCopy(origins: string[], from = DIST_FIREFOX): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'wnc-ext-ff-'));
  await cp(from, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { host_permissions?: string[]; web_accessible_resources?: unknown[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  manifest.web_accessible_resources = [
    ...(manifest.web_accessible_resources ?? []),
    { resources: ['popup/index.html', 'popup/options/index.html', 'popup/report/report.html'], matches: ['<all_urls>'] },
  ];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Launches Firefox (headless) over WebDriver BiDi with the extension installed (temporary add-on) and a fresh profile, deleted on close. */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
  const binary = options.firefox ?? SYSTEM_FIREFOX;
  try {
    await access(binary, constants.X_OK);
  } catch {
    throw new Error(`no browser to run at ${binary}: install firefox-esr or name one with --firefox`);
  }
  if (options.policy && !options.netns) throw new Error('a policy is pushed only to a Firefox in a lab namespace');
  const profile = await mkdtemp(join(tmpdir(), 'wnc-firefox-'));
  const policyDir = options.policy ? await mkdtemp(join(tmpdir(), 'wnc-ff-policy-')) : null;
  let browser: Browser | undefined;
  let removeCreated: (() => Promise<void>) | null = null;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
    if (policyDir) await rm(policyDir, { recursive: true, force: true });
    await removeCreated?.().catch(() => undefined);
  };
  try {
    if (options.trustedCas?.length) {
      await run('certutil', ['-N', '-d', `sql:${profile}`, '--empty-password']);
      for (const [i, ca] of options.trustedCas.entries()) await run('certutil', ['-A', '-d', `sql:${profile}`, '-n', `lab-ca-${i}`, '-t', 'C,,', '-i', ca]);
    }
    if (policyDir && options.policy) {
      await writeFile(join(policyDir, 'policies.json'), JSON.stringify(options.policy.json));
      // The mount point must exist; what this creates under /etc is removed again on close.
      const created = await firstMissing(options.policy.target);
      if (created) {
        await mkdir(options.policy.target, { recursive: true });
        removeCreated = () => removeEmptyDirs(options.policy!.target, created);
      }
    }
    const policyEnv = policyDir && options.policy ? { WNC_POLICY_DIR: policyDir, WNC_POLICY_TARGET: options.policy.target } : {};
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: options.netns ? IN_NETNS : binary,
      env: { ...process.env, WNC_NETNS: options.netns ?? '', WNC_FIREFOX: binary, ...policyEnv },
      headless: true,
      args: ['--profile', profile],
      extraPrefsFirefox: prefs(options.prefs ?? {}),
    });
    const b = browser;
    if (options.install !== false) await b.installExtension(options.extensionDir ?? DIST_FIREFOX);
    return {
      browser: b,
      async openPage(path) {
        const page = await b.newPage();
        // A web page first; from there the web-accessible extension page may be entered.
        await page.goto('about:blank');
        const url = `${FIREFOX_EXTENSION_ORIGIN}/${path}`;
        await page.evaluate((u) => {
          location.href = u;
        }, url);
        // puppeteer's page.url() may still show the old address: wait for the page's own code instead.
        await page.waitForFunction(() => location.protocol === 'moz-extension:' && typeof browser !== 'undefined', { timeout: 10_000 });
        return page;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The highest folder of `path` that does not exist yet, or null when it all exists. */
async function firstMissing(path: string): Promise<string | null> {
  let missing: string | null = null;
  for (let p = resolve(path); p !== dirname(p); p = dirname(p)) {
    try {
      await access(p);
      return missing;
    } catch {
      missing = p;
    }
  }
  return missing;
}

/** rmdir from `path` up to and including `top`: only empty folders go (a folder someone else filled meanwhile stays). */
async function removeEmptyDirs(path: string, top: string): Promise<void> {
  for (let p = resolve(path); ; p = dirname(p)) {
    await rmdir(p);
    if (p === top) return;
  }
}

/** Sends a runtime message from an extension page, as the popup does, and returns the background's answer. */
export async function sendFromFirefoxPage<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate((m) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(m), message as never) as Promise<T>;
}
