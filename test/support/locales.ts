/**
 * The languages the extension ships, read from `_locales/`: every folder there
 * with a messages.json is a language, so a new one is tested the moment it is
 * added, and a test cannot leave one out by a hand-written list.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MessagesFile } from '../../src/i18n/translate';

const ROOT = resolve(import.meta.dirname, '../..');
const LOCALES_DIR = join(ROOT, '_locales');

/** The manifest's `default_locale`: the reference every other locale is held to (and the source of the key type). */
export const DEFAULT_LOCALE = (JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { default_locale: string }).default_locale;

/** Every locale folder of `_locales/` holding a messages.json, sorted. */
export const LOCALES: readonly string[] = readdirSync(LOCALES_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(LOCALES_DIR, e.name, 'messages.json')))
  .map((e) => e.name)
  .sort();

/** The locales besides the default one: the translations. */
export const TRANSLATIONS: readonly string[] = LOCALES.filter((lang) => lang !== DEFAULT_LOCALE);

const cache = new Map<string, MessagesFile>();
/** `_locales/<lang>/messages.json`, parsed (once). */
export function messagesOf(lang: string): MessagesFile {
  let messages = cache.get(lang);
  if (!messages) {
    messages = JSON.parse(readFileSync(join(LOCALES_DIR, lang, 'messages.json'), 'utf8')) as MessagesFile;
    cache.set(lang, messages);
  }
  return messages;
}

/** Placeholder names of a message, sorted (Chrome matches them case-insensitively). */
const placeholderNames = (entry: MessagesFile[string] | undefined) =>
  Object.keys(entry?.placeholders ?? {})
    .map((n) => n.toLowerCase())
    .sort();

/**
 * What makes `other` less than a full translation of `reference`, one line per
 * problem naming the key: a key missing, a key the reference does not have, an
 * empty message, a placeholder missing or added. Empty when `other` is complete.
 */
export function localeProblems(reference: MessagesFile, other: MessagesFile): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(reference)) {
    const translated = other[key];
    if (!translated) {
      problems.push(`${key}: missing`);
      continue;
    }
    if (typeof translated.message !== 'string' || translated.message.trim() === '') problems.push(`${key}: empty message`);
    const want = placeholderNames(entry).join(', ');
    const got = placeholderNames(translated).join(', ');
    if (want !== got) problems.push(`${key}: placeholders [${got}], expected [${want}]`);
  }
  for (const key of Object.keys(other)) if (!(key in reference)) problems.push(`${key}: not in the reference locale`);
  return problems;
}
