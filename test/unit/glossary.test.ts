import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * docs/glossary.json: one term per concept per language. A message whose
 * English names a concept must name it with the glossary's term in German and
 * French, and no message may use a variant the glossary rules out (issue 17:
 * hole punching had two French names, in the popup and in the report).
 */
type Lang = 'en' | 'de' | 'fr';
interface Concept {
  id: string;
  en: string;
  de: string;
  fr: string;
  avoid: Partial<Record<Lang, string[]>>;
}
const glossary = JSON.parse(readFileSync(new URL('../../docs/glossary.json', import.meta.url), 'utf8')) as { concepts: Concept[] };
const messages = Object.fromEntries(
  (['en', 'de', 'fr'] as const).map((lang) => [
    lang,
    JSON.parse(readFileSync(new URL(`../../_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<string, { message: string }>,
  ]),
) as Record<Lang, Record<string, { message: string }>>;

/** Case-insensitive, and a term may be followed by a German/French inflection or compound ("Relay-Server", "relais"). */
const has = (text: string, term: string) => text.toLowerCase().includes(term.toLowerCase());

describe('glossary', () => {
  it.each(glossary.concepts)('$id: the German and French messages use the one term where the English does', (concept) => {
    const misses: string[] = [];
    for (const [key, { message }] of Object.entries(messages.en)) {
      if (!has(message, concept.en)) continue;
      // "network admin" also contains "admin…": each concept is matched on its own words.
      for (const lang of ['de', 'fr'] as const) {
        const other = messages[lang][key]?.message ?? '';
        if (!has(other, concept[lang])) misses.push(`${lang}:${key}: ${other}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it.each(glossary.concepts)('$id: no message uses an avoided variant', (concept) => {
    const found: string[] = [];
    for (const lang of ['en', 'de', 'fr'] as const)
      for (const variant of concept.avoid[lang] ?? [])
        for (const [key, { message }] of Object.entries(messages[lang])) {
          // Case-sensitive for German nouns ("Administrator" but not "Netzwerkadministration").
          if (message.includes(variant)) found.push(`${lang}:${key}: ${message}`);
        }
    expect(found).toEqual([]);
  });
});
