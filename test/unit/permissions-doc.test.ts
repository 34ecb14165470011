import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };

const ROOT = resolve(import.meta.dirname, '../..');
const doc = readFileSync(join(ROOT, 'docs/permissions.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('docs/permissions.md', () => {
  it('explains every permission and host pattern the manifest asks for', () => {
    for (const permission of manifest.permissions) expect(doc, permission).toContain(`### \`${permission}\``);
    for (const pattern of [...manifest.host_permissions, ...manifest.optional_host_permissions]) expect(doc, pattern).toContain(pattern);
  });

  it('matches the code: privacy settings are read, never set or cleared', () => {
    const code = ['background', 'src', 'popup'].flatMap((dir) => sources(join(ROOT, dir))).map((path) => readFileSync(path, 'utf8'));
    expect(code.some((text) => text.includes('webRTCIPHandlingPolicy'))).toBe(true);
    for (const text of code) expect(text).not.toMatch(/webRTCIPHandlingPolicy[\s\S]{0,80}\.(set|clear)\(/);
  });
});
