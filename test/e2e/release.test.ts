import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, LAB, LAB_HOSTS, type Lab } from '../lab/lab';
import { startDaemon, waitFor, type Daemon } from '../lab/exec';
import { DIST } from '../support/extension';
import { newSigningKeyPem, packChrome, updatesXml } from '../../scripts/release-lib.mjs';

/**
 * The release as a district deploys it: `npm run release` signs a CRX with
 * the district's key; a web server in the lab (srv namespace, certificate
 * from the lab CA) publishes it with its updates.xml; Chromium in the lab's
 * LAN gets only Chrome policy: `ExtensionSettings` force-installing the id
 * that `npm run extension-id` printed for the key, from that update URL, and
 * the extension's own policy under `3rdparty`. Nothing is loaded over
 * DevTools. Then a higher version is published and Chrome's updater, asked
 * for a check, must fetch and install it.
 *
 * Ground truth from construction: the id is what the key gives (computed by
 * the release command from the key file), the versions are the ones we
 * packed, the policy values are the ones we wrote.
 *
 * Also, as the issue reported: a policy naming the unpacked builds' id for
 * the same CRX is refused (the CRX's id is its key's).
 *
 * The policy folder is bind-mounted over /etc/chromium/policies/managed for
 * this Chromium only (test/support/chromium-with-policy.sh), as in
 * managed-policy.test.ts; no other Chromium sees it.
 */
const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const WITH_POLICY = resolve(ROOT, 'test/support/chromium-with-policy.sh');
const STATIC_SERVER = resolve(ROOT, 'test/lab/static-server.mjs');
const PORT = 8444;
const BASE_URL = `https://${LAB_HOSTS.web}:${PORT}/wnc/`;
const DEV_ID = 'ajfamljhdelhckpncckgbjipkmmknief';
const HIGHER = '99.1.0';

let lab: Lab;
let work: string;
let published: string;
let policyDir: string;
let keyPath: string;
let server: Daemon;
let browser: Browser | undefined;
let id: string;
let version: string;

function chromePolicy() {
  return {
    ExtensionSettings: {
      [id]: { installation_mode: 'force_installed', update_url: `${BASE_URL}updates.xml` },
      // The case: the same CRX under another id. Its own update manifest names that id.
      [DEV_ID]: { installation_mode: 'force_installed', update_url: `${BASE_URL}updates-dev.xml` },
    },
    '3rdparty': { extensions: { [id]: { profileId: 'senso', region: 'eu', lockProfile: true, deadlineMs: 2500 } } },
    // Chrome's default (unset) keeps DevTools, and so puppeteer, away from force-installed extensions (measured:
    // no worker target, page.goto "Navigating frame was detached"). 1 = allowed everywhere; a test machine only.
    DeveloperToolsAvailability: 1,
  };
}

/**
 * The installed extension's manifest version and what Chrome put in its
 * managed storage (the `3rdparty` policy), read inside its own service worker;
 * null while no worker of that id runs. (puppeteer's page.goto to the pages of
 * an extension installed this way ends in "Navigating frame was detached":
 * measured, so the worker is asked instead.)
 */
async function installed(extensionId: string): Promise<{ version: string; managed: Record<string, unknown> } | null> {
  const target = [...(browser?.targets() ?? [])]
    .reverse()
    .find((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`));
  if (!target) return null;
  try {
    const ask = async () => {
      const worker = await target.worker();
      return (await worker?.evaluate(async () => ({ version: chrome.runtime.getManifest().version, managed: await chrome.storage.managed.get(null) }))) ?? null;
    };
    // A worker that is being replaced can leave the question unanswered.
    return await Promise.race([ask(), new Promise<null>((r) => setTimeout(() => r(null), 3_000))]);
  } catch {
    // The worker stopped (idle, or replaced by an update) while we asked.
    return null;
  }
}

/** The version chrome://extensions-internals lists for `extensionId` (null: not installed); asks no extension context. */
async function listedVersion(extensionId: string): Promise<string | null> {
  const page = await browser!.newPage();
  try {
    await page.goto('chrome://extensions-internals');
    const list = JSON.parse(await page.evaluate(() => document.body.innerText)) as { id: string; version: string }[];
    return list.find((e) => e.id === extensionId)?.version ?? null;
  } catch {
    return null;
  } finally {
    await page.close().catch(() => undefined);
  }
}

async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms; last ${JSON.stringify(value)?.slice(0, 500)}\nserver:\n${server?.output()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The server's request lines for one path ("200 GET /wnc/updates.xml?…"). */
const requests = (path: string) =>
  server
    .output()
    .split('\n')
    .filter((l) => l.includes(` ${path}`));

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'wnc-release-e2e-'));
  published = join(work, 'www');
  policyDir = join(work, 'policy');
  keyPath = join(work, 'district.pem');
  await mkdir(join(published, 'wnc'), { recursive: true });
  await mkdir(policyDir);
  await writeFile(keyPath, newSigningKeyPem(), { mode: 0o600 });

  // The admin's two commands. The e2e runs on a build in a working tree, so --allow-dirty and --no-build.
  const out = join(work, 'release');
  await run(process.execPath, [join(ROOT, 'scripts/release.mjs'), '--key', keyPath, '--base-url', BASE_URL, '--out', out, '--allow-dirty', '--no-build'], {
    cwd: ROOT,
  });
  id = (await run(process.execPath, [join(ROOT, 'scripts/release.mjs'), 'id', keyPath])).stdout.trim();
  expect(await readFile(join(out, 'extension-id.txt'), 'utf8')).toBe(`${id}\n`);
  version = (JSON.parse(await readFile(join(DIST, 'manifest.json'), 'utf8')) as { version: string }).version;
  for (const name of ['updates.xml', `webrtc-network-check-${version}.crx`]) await cp(join(out, name), join(published, 'wnc', name));
  // The same bytes under another name: Chrome's downloader fetches one URL once for every id that asks (measured), which
  // would mix the two installs up.
  await cp(join(out, `webrtc-network-check-${version}.crx`), join(published, 'wnc', 'same-crx-for-dev-id.crx'));
  await writeFile(
    join(published, 'wnc', 'updates-dev.xml'),
    updatesXml({ id: DEV_ID, version, codebase: `${BASE_URL}same-crx-for-dev-id.crx`, minimumChromeVersion: '116' }),
  );

  lab = await startLab();
  server = startDaemon('release-server', lab.topology.srv, process.execPath, [
    STATIC_SERVER,
    JSON.stringify({ host: LAB.webAddress, port: PORT, cert: lab.certs.serverCert, key: lab.certs.serverKey, root: published }),
  ]);
  await waitFor('release server', async () => server.output().includes('listening'));

  await writeFile(join(policyDir, 'wnc-release.json'), JSON.stringify(chromePolicy()));
  browser = await puppeteer.launch({
    executablePath: WITH_POLICY,
    env: { ...process.env, HOME: lab.chromiumHome, WNC_POLICY_DIR: policyDir, WNC_POLICY_NETNS: lab.topology.lan },
    headless: true,
    pipe: true,
    userDataDir: join(work, 'profile'),
    // puppeteer's defaults switch off extensions and the background networking that Chrome's extension updater is part of.
    ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking', '--disable-component-update'],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
      // Without it DevTools may not open the extension's pages (puppeteer's enableExtensions adds it too).
      '--enable-unsafe-extension-debugging',
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  await lab?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a release installed by policy from the district’s own server', () => {
  it('installs the CRX under the id its key gives, with the extension’s policy applied', async () => {
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(id).not.toBe(DEV_ID);
    const started = Date.now();
    const first = await poll(
      'force-installed extension',
      () => installed(id),
      (v) => v !== null && Object.keys(v.managed).length > 0,
      60_000,
    );
    console.log(`force-install: installed and policy read ${Date.now() - started} ms after launch`);
    expect(first!.version).toBe(version);
    expect(first!.managed).toEqual(chromePolicy()['3rdparty'].extensions[id]);
    expect(requests('/wnc/updates.xml?').length).toBeGreaterThan(0);
    expect(requests(`/wnc/webrtc-network-check-${version}.crx`).some((l) => l.startsWith('200'))).toBe(true);
  });

  it('refuses the same CRX under another id', async () => {
    // Chrome fetched it for the dev id too (the update manifest offered it), then refused it: the id is the key's.
    await poll(
      'the dev id’s download',
      async () => requests('/wnc/same-crx-for-dev-id.crx').length,
      (n) => n > 0,
      30_000,
    );
    expect(await installed(DEV_ID)).toBeNull();
  });

  it('picks up a higher version published later', async () => {
    const copy = join(work, 'dist-higher');
    await cp(DIST, copy, { recursive: true });
    const manifest = JSON.parse(await readFile(join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, version: HIGHER }));
    const staged = join(work, 'higher');
    await mkdir(staged);
    const packed = await packChrome({ dist: copy, out: staged, keyPath, baseUrl: BASE_URL });
    expect(packed.id).toBe(id);
    await cp(join(staged, packed.crxName), join(published, 'wnc', packed.crxName));
    const published_at = Date.now();
    await cp(join(staged, 'updates.xml'), join(published, 'wnc', 'updates.xml'));

    // Chrome's own schedule (every few hours) is what a district waits for; the test asks for a check now.
    const target = await browser!.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${id}/`), {
      timeout: 30_000,
    });
    const check = await (await target.worker())!.evaluate(() => chrome.runtime.requestUpdateCheck());
    console.log(`requestUpdateCheck: ${JSON.stringify(check)}`);
    expect(check).toMatchObject({ status: 'update_available', version: HIGHER });
    await poll(
      'the new CRX fetched',
      async () => requests(`/wnc/${packed.crxName}`).length,
      (n) => n > 0,
      30_000,
    );
    // Chrome installs a downloaded update when the extension is idle (its worker stopped); the DevTools session this
    // test holds keeps the worker alive, so it reloads the extension as going idle would (measured: 90 s without it, no update).
    await new Promise((r) => setTimeout(r, 2_000));
    void (await target.worker())!.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await poll(
      'the update',
      () => listedVersion(id),
      (v) => v === HIGHER,
      60_000,
    );
    console.log(`update: ${HIGHER} installed ${Date.now() - published_at} ms after it was published`);
    const after = await poll(
      'the updated worker',
      () => installed(id),
      (v) => v?.version === HIGHER,
      30_000,
    );
    expect(after!.managed).toEqual(chromePolicy()['3rdparty'].extensions[id]);
    expect(requests(`/wnc/${packed.crxName}`).some((l) => l.startsWith('200'))).toBe(true);
  }, 180_000);
});
