import { constants } from 'node:fs';
import type { ReplyOf, RequestOf, RequestType } from '../src/contract/requests';
import { access, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';

// Both cli/ (tests) and dist-cli/ (npm run check) sit one level below the project root.
const ROOT = resolve(import.meta.dirname, '..');
export const DIST = resolve(ROOT, 'dist');
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const IN_NETNS = resolve(ROOT, 'cli/chromium-in-netns.sh');

/** Flags that keep Chromium quiet on a closed network. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  worker: WebWorker;
  /** Opens an extension page, e.g. `popup/index.html`. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The built extension, copied with extra host permissions granted in its
 * manifest. Optional host permissions are granted by a user clicking Chrome's
 * prompt, which no headless test can do; this grant stands in for that click.
 * The code is byte for byte the one in dist/.
 */
export async function extensionWithHostAccess(origins: string[]): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'wnc-ext-'));
  await cp(DIST, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface LaunchOptions {
  /** Unpacked extension folder; dist/ by default. */
  extensionDir?: string;
  /** Run Chromium inside this network namespace (required for anything but loopback). */
  netns?: string;
  /** HOME for Chromium, e.g. one whose NSS database trusts the lab CA. */
  home?: string;
  extraArgs?: string[];
  /** Browser binary; Debian's Chromium by default. */
  chromium?: string;
  /** A browser profile to start with and keep (a browser restarted on the same profile); by default a fresh one, deleted on close. */
  userDataDir?: string;
}

/** Where `ip netns add` puts a namespace (iproute2's NETNS_RUN_DIR). */
const NETNS_DIR = '/run/netns';

/**
 * What would make the launch fail, in words naming the cause, or null. Inside
 * a namespace Chromium is started through `ip netns exec`, and a missing
 * browser or namespace there surfaced only as puppeteer's "Protocol error
 * (Target.setDiscoverTargets): Target closed".
 */
export async function launchProblem(options: Pick<LaunchOptions, 'netns' | 'chromium'>): Promise<string | null> {
  const binary = options.chromium ?? SYSTEM_CHROMIUM;
  try {
    await access(binary, constants.X_OK);
  } catch {
    return `no browser to run at ${binary}: install chromium or name one with --chromium`;
  }
  if (options.netns !== undefined) {
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(options.netns) || options.netns === '.' || options.netns === '..') {
      return 'the network namespace name may only hold letters, digits, ".", "_" and "-"';
    }
    try {
      await access(join(NETNS_DIR, options.netns));
    } catch {
      return `there is no network namespace ${options.netns} (\`ip netns list\` shows those that exist)`;
    }
  }
  return null;
}

/** Launches Chromium (headless) with the built extension from dist/ and a fresh profile, deleted on close (or `options.userDataDir`, kept). */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const problem = await launchProblem(options);
  if (problem) throw new Error(problem);
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'wnc-chromium-')));
  const browser = await puppeteer.launch({
    executablePath: options.netns ? IN_NETNS : (options.chromium ?? SYSTEM_CHROMIUM),
    env: { ...process.env, WNC_NETNS: options.netns ?? '', WNC_CHROMIUM: options.chromium ?? SYSTEM_CHROMIUM, ...(options.home ? { HOME: options.home } : {}) },
    headless: true,
    pipe: true,
    enableExtensions: [options.extensionDir ?? DIST],
    userDataDir,
    args: [...QUIET_FLAGS, ...(options.extraArgs ?? [])],
  });
  const close = async () => {
    await browser.close().catch(() => undefined);
    if (options.userDataDir === undefined) await rm(userDataDir, { recursive: true, force: true });
  };
  try {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 15_000 });
    const extensionId = new URL(target.url()).host;
    const worker = await target.worker();
    if (!worker) throw new Error('The extension service worker has no worker handle');
    return {
      browser,
      extensionId,
      worker,
      async openPage(path) {
        const page = await browser.newPage();
        await page.goto(`chrome-extension://${extensionId}/${path}`);
        return page;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * A request of the protocol (src/contract/requests.ts) sent from an extension
 * page, as the popup's `send` does; the reply type follows from its `type`.
 */
export function requestFromPage<T extends RequestType>(page: Page, request: RequestOf<T> & { type: T }): Promise<ReplyOf<T>> {
  return sendFromPage<ReplyOf<T>>(page, request);
}

/**
 * Sends any runtime message (tests send malformed ones too) from an extension page, as the popup does, and
 * returns the service worker's answer. The worker cannot message itself.
 */
export async function sendFromPage<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message as never) as Promise<T>;
}
