import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETIRED_LOCAL_KEYS } from '../../src/contract/storage-keys';
import { DIST } from '../support/extension';

/**
 * An update as Chrome performs it: the extension installed at an older
 * version, then the same extension (same id) at this version over it. No
 * network is used: nothing runs on install without a policy.
 */
const QUIET = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let dir: string;
let userDataDir: string;
let browser: Browser;

async function writeVersion(version: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(DIST, 'manifest.json'), 'utf8')) as { version: string };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version }));
}

/**
 * Storage once the update's clean-up ran: installExtension resolves when the
 * new version is loaded, before its onInstalled handler has finished, so wait
 * (up to 10 s) for the retired keys to go. Without the clean-up they never do.
 */
async function storageAfterUpdate(id: string): Promise<Record<string, unknown>> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${id}/popup/index.html`);
  await page
    .waitForFunction(async (retired: string[]) => Object.keys(await chrome.storage.local.get(retired)).length === 0, { timeout: 10_000 }, [
      ...RETIRED_LOCAL_KEYS,
    ])
    .catch(() => undefined);
  return page.evaluate(() => chrome.storage.local.get(null));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wnc-update-'));
  userDataDir = await mkdtemp(join(tmpdir(), 'wnc-update-profile-'));
  await cp(DIST, dir, { recursive: true });
  browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, pipe: true, enableExtensions: true, userDataDir, args: QUIET });
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(userDataDir, { recursive: true, force: true });
});

describe('an update from an earlier version', () => {
  it('removes what the walking skeleton stored (TURN credentials in clear) and keeps the reports and settings', async () => {
    await writeVersion('0.0.1');
    const id = await browser.installExtension(dir);
    const old = await browser.newPage();
    await old.goto(`chrome-extension://${id}/popup/index.html`);
    // What 0.0.1's `gather` message left in storage.local.
    const secret = 'skeleton-secret-93c1';
    await old.evaluate(
      (s) =>
        chrome.storage.local.set({
          lastGather: { startedAt: '2026-01-01T00:00:00Z', servers: [{ urls: ['turn:turn.example:3478'], hasCredential: true }] },
          gatherServers: [{ urls: ['turn:turn.example:3478'], username: 'school', credential: s }],
          settings: { deadlineMs: 3000 },
        }),
      secret,
    );
    await writeVersion('99.0.0');
    expect(await browser.installExtension(dir)).toBe(id);

    const stored = await storageAfterUpdate(id);
    for (const key of RETIRED_LOCAL_KEYS) expect(stored).not.toHaveProperty(key);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.settings).toEqual({ deadlineMs: 3000 });
  });
});
