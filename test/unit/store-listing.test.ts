import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import en from '../../_locales/en/messages.json';
import de from '../../_locales/de/messages.json';
import fr from '../../_locales/fr/messages.json';
import { packagedManifest, storeManifestProblems } from '../../scripts/release-lib.mjs';

const read = (name: string) => readFileSync(resolve(import.meta.dirname, '../../docs/store', name), 'utf8');
const messages = { en, de, fr } as Record<string, Record<string, { message: string }>>;

/** The text under `## <title>` up to the next heading. */
function section(markdown: string, level: '##' | '###', title: string): string | undefined {
  const parts = markdown.split(new RegExp(`^${level} `, 'm'));
  const part = parts.find((p) => p.split('\n')[0]!.trim() === title);
  return part?.split('\n').slice(1).join('\n').split(/^#/m)[0]!.trim();
}

describe('the Chrome Web Store listing (docs/store/)', () => {
  it.each(['en', 'de', 'fr'])('%s: name and summary are the manifest’s, within the store’s limits', (lang) => {
    const listing = read(`listing.${lang}.md`);
    const heads = [...listing.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(heads).toHaveLength(6);
    const [name, summary] = heads.slice(0, 2).map((h) => section(listing, '##', h!));
    expect(name).toBe(messages[lang]!.extName!.message);
    expect(summary).toBe(messages[lang]!.extDescription!.message);
    expect(summary!.length).toBeLessThanOrEqual(132);
  });

  it('justifies every permission the manifest asks for, each within 1,000 characters', () => {
    const doc = read('permissions.md');
    const asked = [...manifest.permissions, 'host_permissions', 'optional_host_permissions', 'Remote code'];
    const justified = [...doc.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(justified.sort()).toEqual(asked.sort());
    for (const name of asked) {
      const text = section(doc, '###', name)!;
      expect(text.length, name).toBeGreaterThan(40);
      expect(text.length, name).toBeLessThanOrEqual(1000);
    }
    for (const host of manifest.host_permissions) expect(section(doc, '###', 'host_permissions')).toContain(host);
  });

  it('the packaged manifest passes the store’s checks; the development one, with its key, does not', () => {
    const built = { ...manifest, version: pkg.version };
    expect(storeManifestProblems(packagedManifest(built), messages)).toEqual([]);
    expect(storeManifestProblems(built, messages)).toEqual(['the manifest has a "key" (the store refuses it)']);
    const long = { en: { ...en, extDescription: { message: 'x'.repeat(133) } } } as Record<string, Record<string, { message: string }>>;
    expect(storeManifestProblems(packagedManifest(built), long)).toEqual(['description in en is 133 characters (the store allows 132)']);
  });
});
