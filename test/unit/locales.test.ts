import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES, localeProblems, messagesOf, TRANSLATIONS } from '../support/locales';

/**
 * Every locale of _locales/ (read from the folder, test/support/locales.ts) has
 * every key of the default locale with its placeholders and a non-empty
 * message, and every key the code names exists: a missing translation fails
 * here rather than showing up as an empty string or a `[key]`.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const reference = messagesOf(DEFAULT_LOCALE);

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
  it('are read from _locales/: the default locale and at least one translation', () => {
    expect(LOCALES).toContain(DEFAULT_LOCALE);
    expect(TRANSLATIONS.length).toBeGreaterThan(0);
    expect(LOCALES).toEqual(readdirSync(join(ROOT, '_locales')).sort());
  });

  for (const lang of LOCALES) {
    it(`${lang} has every key of ${DEFAULT_LOCALE}, with its placeholders and a message, and no other key`, () => {
      expect(localeProblems(reference, messagesOf(lang))).toEqual([]);
    });
  }

  it('refuses a half-translated locale, naming what is missing', () => {
    const keys = Object.keys(reference);
    const half = Object.fromEntries(keys.slice(0, keys.length / 2).map((k) => [k, messagesOf(TRANSLATIONS[0]!)[k]!]));
    const problems = localeProblems(reference, half);
    expect(problems.length).toBe(keys.length - Object.keys(half).length);
    expect(problems).toContain(`${keys.at(-1)}: missing`);
    const withPlaceholder = keys.find((k) => reference[k]!.placeholders)!;
    const dropped = { ...reference, [withPlaceholder]: { message: 'x' }, extra_key: { message: 'y' }, [keys[0]!]: { message: ' ' } };
    expect(localeProblems(reference, dropped)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${withPlaceholder}: placeholders`)),
        'extra_key: not in the reference locale',
        `${keys[0]}: empty message`,
      ]),
    );
  });

  it('is translated, not copied: most German and French messages differ from English', () => {
    const keys = Object.keys(reference);
    for (const lang of TRANSLATIONS) {
      const same = keys.filter((k) => messagesOf(lang)[k]?.message === reference[k]!.message);
      // Product names, "STUN", "Internet", "$1 ms" stay the same in every language.
      expect(same.length / keys.length, `${lang}: ${same.join(', ')}`).toBeLessThan(0.15);
    }
  });

  it('has every key the code uses', () => {
    const used = keysUsedInCode();
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter(([key]) => !(key in reference)).map(([key, file]) => `${key} (${file.slice(ROOT.length + 1)})`);
    expect(missing).toEqual([]);
  });
});
