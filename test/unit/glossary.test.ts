import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES, messagesOf, TRANSLATIONS } from '../support/locales';

/**
 * docs/glossary.json: one term per concept per language. A message whose
 * English names a concept must name it with the glossary's term in German and
 * French, and no message may use a variant the glossary rules out (issue 17:
 * hole punching had two French names, in the popup and in the report).
 * Every locale of _locales/ is held to it: a new language needs its terms.
 */
type Concept = { id: string; avoid: Partial<Record<string, string[]>> } & Record<string, unknown>;
const glossary = JSON.parse(readFileSync(new URL('../../docs/glossary.json', import.meta.url), 'utf8')) as { concepts: Concept[] };
/** The concept's term in `lang`; a glossary without one fails the test that asks. */
function term(concept: Concept, lang: string): string {
  const value = concept[lang];
  if (typeof value !== 'string' || value === '') throw new Error(`docs/glossary.json: ${concept.id} has no ${lang} term`);
  return value;
}

/** Case-insensitive, and a term may be followed by a German/French inflection or compound ("Relay-Server", "relais"). */
const has = (text: string, term: string) => text.toLowerCase().includes(term.toLowerCase());

describe('glossary', () => {
  it.each(glossary.concepts)('$id: the German and French messages use the one term where the English does', (concept) => {
    const misses: string[] = [];
    for (const [key, { message }] of Object.entries(messagesOf(DEFAULT_LOCALE))) {
      if (!has(message, term(concept, DEFAULT_LOCALE))) continue;
      // "network admin" also contains "admin…": each concept is matched on its own words.
      for (const lang of TRANSLATIONS) {
        const other = messagesOf(lang)[key]?.message ?? '';
        if (!has(other, term(concept, lang))) misses.push(`${lang}:${key}: ${other}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it.each(glossary.concepts)('$id: no message uses an avoided variant', (concept) => {
    const found: string[] = [];
    for (const lang of LOCALES)
      for (const variant of concept.avoid[lang] ?? [])
        for (const [key, { message }] of Object.entries(messagesOf(lang))) {
          // Case-sensitive for German nouns ("Administrator" but not "Netzwerkadministration").
          if (message.includes(variant)) found.push(`${lang}:${key}: ${message}`);
        }
    expect(found).toEqual([]);
  });
});
