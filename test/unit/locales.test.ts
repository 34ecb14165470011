import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every locale has every key, and every key the code names exists: a missing
 * translation fails here rather than showing up as an empty string.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const LOCALES = ['en', 'de', 'fr'] as const;
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messages = Object.fromEntries(
  LOCALES.map((lang) => [lang, JSON.parse(readFileSync(join(ROOT, '_locales', lang, 'messages.json'), 'utf8')) as Messages]),
) as Record<(typeof LOCALES)[number], Messages>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|html)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Keys named in code: string literals with a UI prefix, and __MSG_key__ in manifest/html. */
function keysUsedInCode(): Map<string, string> {
  const used = new Map<string, string>();
  const files = [...['popup', 'background', 'src'].flatMap((d) => sourceFiles(join(ROOT, d))), join(ROOT, 'manifest.json')];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (/\.tsx?$/.test(file)) for (const m of text.matchAll(/['"`]((?:popup|options|badge|verdict)_[a-z][A-Za-z0-9_]*)['"`]/g)) used.set(m[1]!, file);
    for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.set(m[1]!, file);
  }
  return used;
}

describe('locales', () => {
  for (const lang of LOCALES) {
    it(`${lang} has exactly the keys of en`, () => {
      expect(Object.keys(messages[lang]).sort()).toEqual(Object.keys(messages.en).sort());
    });

    it(`${lang} keeps every placeholder of en and has no empty message`, () => {
      for (const [key, entry] of Object.entries(messages.en)) {
        const other = messages[lang][key];
        expect(other?.message.trim(), `${lang}:${key}`).toBeTruthy();
        expect(Object.keys(other?.placeholders ?? {}).sort(), `${lang}:${key}`).toEqual(Object.keys(entry.placeholders ?? {}).sort());
      }
    });
  }

  it('is translated, not copied: most German and French messages differ from English', () => {
    const keys = Object.keys(messages.en);
    for (const lang of ['de', 'fr'] as const) {
      const same = keys.filter((k) => messages[lang][k]?.message === messages.en[k]!.message);
      // Product names, "STUN", "Internet", "$1 ms" stay the same in every language.
      expect(same.length / keys.length, `${lang}: ${same.join(', ')}`).toBeLessThan(0.15);
    }
  });

  it('has every key the code uses', () => {
    const used = keysUsedInCode();
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter(([key]) => !(key in messages.en)).map(([key, file]) => `${key} (${file.slice(ROOT.length + 1)})`);
    expect(missing).toEqual([]);
  });
});
