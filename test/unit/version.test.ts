import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import { checkedVersion, compareVersions, withVersion } from '../../build/manifest-version';
import { firefoxManifest } from '../../build/firefox-manifest';

const changelog = readFileSync(resolve(import.meta.dirname, '../../CHANGELOG.md'), 'utf8');

describe('one version source', () => {
  it('package.json holds the version; manifest.json holds none, both built manifests get it', () => {
    expect(manifest).not.toHaveProperty('version');
    const chrome = withVersion(manifest, pkg.version);
    expect(chrome.version).toBe(pkg.version);
    expect((firefoxManifest(chrome) as { version: string }).version).toBe(pkg.version);
  });

  it('refuses a second source and a version a browser would refuse', () => {
    expect(() => withVersion({ version: '1.0' }, '1.0')).toThrow(/must not carry a version/);
    for (const bad of ['', '1.0.0-beta', '01.2', '1.2.3.4.5', '1.70000', 'v1', 3])
      expect(() => checkedVersion(bad), String(bad)).toThrow(/package.json version/);
    for (const good of ['0', '0.2.0', '1.2.3.4', '65535.0']) expect(checkedVersion(good)).toBe(good);
  });

  it('compares as Chrome does, part by part', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0', '1.0.0.1')).toBeLessThan(0);
  });

  it('the changelog’s newest entry is this version, and entries go newest first', () => {
    const versions = [...changelog.matchAll(/^## (\S+)/gm)].map((m) => m[1]!);
    expect(versions[0]).toBe(pkg.version);
    for (let i = 1; i < versions.length; i++) expect(compareVersions(versions[i - 1]!, versions[i]!)).toBeGreaterThan(0);
  });
});
