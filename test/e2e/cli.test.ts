import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB, startLab, TURN_CREDENTIALS, type Lab } from '../lab/lab';
import type { Report } from '../../src/report/types';
import { schoolProfile } from './school-profile';

/**
 * `npm run check` as an admin's script runs it: the bundled CLI (dist-cli/)
 * starts the built extension in headless Chromium inside the lab's LAN
 * namespace and prints the report; the exit status carries the verdict.
 */
const CLI = resolve(import.meta.dirname, '../../dist-cli/check.mjs');

let lab: Lab;
let dir: string;
let profileFile: string;

function check(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    execFile('node', [CLI, ...args], { env: { ...process.env, HOME: lab.chromiumHome }, timeout: 90_000 }, (error, stdout, stderr) => {
      resolvePromise({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  lab = await startLab();
  dir = await mkdtemp(join(tmpdir(), 'wnc-cli-'));
  profileFile = join(dir, 'school.json');
  await writeFile(profileFile, JSON.stringify(schoolProfile()));
});

afterAll(async () => {
  await lab?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run check', () => {
  it('prints the JSON report of a profile file and exits 0 when calls connect and nothing is missing', async () => {
    const result = await check(['--profile-file', profileFile, '--netns', lab.topology.lan, '--format', 'json', '--deadline', '3000']);
    expect(result.stderr).not.toMatch(/check: /);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.verdict.route).toBe('hole-punching');
    expect(report.missingRules).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(TURN_CREDENTIALS.credential);
  });

  it('exits 1 and names the missing rules in the text when UDP is dropped', async () => {
    await lab.topology.forwardRule(['-p', 'udp', '-j', 'DROP']);
    try {
      const result = await check(['--profile-file', profileFile, '--netns', lab.topology.lan, '--deadline', '2000']);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/relay/i);
      expect(result.stdout).toMatch(/3478/);
      expect(result.stdout).not.toContain(TURN_CREDENTIALS.credential);
      // The ticket text hides this computer's addresses by default, as the popup's copy does.
      expect(result.stdout).toMatch(/host-1/);
      expect(result.stdout).not.toContain(LAB.lanAddress);
    } finally {
      await lab.topology.clearForwardRules();
    }
  });

  it('exits 2 for a built-in vendor profile where nothing of the vendor is reachable (the lab has no route out)', async () => {
    const result = await check(['--profile', 'senso', '--region', 'eu', '--netns', lab.topology.lan, '--format', 'json', '--deadline', '2000']);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.profile.id).toBe('senso');
    expect(report.verdict.route).toBe('none');
    expect(result.code).toBe(2);
  });

  it('names each bad field of a profile file, runs the rest, and exits 64 for a file that is no profile at all', async () => {
    const partly = join(dir, 'partly.json');
    const broken = schoolProfile([{ id: 'bad-turn', kind: 'turn', purpose: 'p', urls: ['turn:'] }]);
    await writeFile(partly, JSON.stringify(broken));
    const result = await check(['--profile-file', partly, '--netns', lab.topology.lan, '--format', 'json', '--deadline', '2000']);
    expect(result.stderr).toMatch(/rules\[6\]\.urls\[0\].*left out/);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.profile.errors.map((e) => e.path)).toContain('rules[6].urls[0]');
    expect(report.verdict.route).toBe('hole-punching');

    const notProfile = join(dir, 'not-profile.json');
    await writeFile(notProfile, '{"rules": "none"');
    const refused = await check(['--profile-file', notProfile, '--netns', lab.topology.lan]);
    expect(refused.code).toBe(64);
    expect(refused.stderr).toMatch(/not JSON/);
  });
});
