import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '../lab/topology';

/**
 * `npm run check` given bad input: each mistake is named and exits 64 before
 * any browser starts, and no message quotes a secret from the file. Runs the
 * bundled CLI (dist-cli/) as a script would; no lab is needed.
 */
const CLI = resolve(import.meta.dirname, '../../dist-cli/check.mjs');
const SECRET = 'Zq9-cli-s3cr3t';
let dir: string;

function check(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('node', [CLI, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const rule = { id: 'app', kind: 'https', purpose: 'App', url: 'https://app.example.org/' };
const profile = (extra: object) => JSON.stringify({ id: 'p', name: 'P', version: '1', rules: [rule], ...extra });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wnc-cli-input-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run check with bad input', () => {
  it('a profile with no usable rule exits 64 with the reason, never runs', async () => {
    for (const rules of [[], null, Array.from({ length: 50 }, () => null), [{ id: 'x', kind: 'sctp' }]]) {
      const result = await check(['--profile-file', await file('empty.json', JSON.stringify({ id: 'p', name: 'P', version: '1', rules }))]);
      expect(result.code).toBe(64);
      expect(result.stderr).toMatch(/not a usable profile/);
      expect(result.stderr).toMatch(/rules/);
      expect(result.stdout).toBe('');
    }
  });

  it('JSON that does not parse is named by line and column, without the text', async () => {
    const result = await check(['--profile-file', await file('broken.json', `{\n  "id": "p",\n  "credential": ${SECRET}\n}`)]);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/not JSON \(line 3, column \d+/);
    expect(result.stderr).not.toContain(SECRET);
  });

  it('secrets in wrong places are never quoted', async () => {
    const text = JSON.stringify({
      id: 'p',
      name: 'P',
      version: '1',
      rules: [
        rule,
        {
          id: 't',
          kind: 'turn',
          purpose: 'x',
          urls: [`turn:u:${SECRET}#@h.example`, `turn:h.example?transport=udp&credential=${SECRET}`],
          username: 'u',
          credential: 123456789,
        },
      ],
    });
    const result = await check(['--profile-file', await file('secret.json', text), '--chromium', '/nonexistent/chromium']);
    expect(result.stderr).toMatch(/rules\[1\]\.urls\[0\]/);
    expect(result.stderr).not.toContain(SECRET);
    expect(result.stderr).not.toContain('123456789');
  });

  it('a 5000-level nested field is named, not a stack overflow', async () => {
    const nested = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const result = await check(['--profile-file', await file('deep.json', profile({}).replace(/}$/, `,"$comment":${nested}}`))]);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/nested more than 32 levels/);
    expect(result.stderr).not.toMatch(/call stack/i);
  });

  it('a missing namespace or browser is named, not "Target closed"', async () => {
    const good = await file('good.json', profile({}));
    const noNetns = await check(['--profile-file', good, '--netns', `${LAB.prefix}no-such-ns`]);
    expect(noNetns.code).toBe(64);
    expect(noNetns.stderr).toMatch(/there is no network namespace .*no-such-ns/);
    const noBrowser = await check(['--profile', 'senso', '--chromium', '/nonexistent/chromium']);
    expect(noBrowser.code).toBe(64);
    expect(noBrowser.stderr).toMatch(/no browser to run at \/nonexistent\/chromium/);
    for (const result of [noNetns, noBrowser]) expect(result.stderr).not.toMatch(/Target closed|Protocol error/);
  });
});
