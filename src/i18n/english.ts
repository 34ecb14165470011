/**
 * English words for the report's `text` fields (rule lines, cause copies):
 * kept in the JSON for readers without the extension, next to the phrases
 * every page renders in its reader's language. Only the service worker's
 * report builder and the CLI load it; the popup never does (its size budget).
 */
import en from '../../_locales/en/messages.json';
import { translatorFromMessages, type MessagesFile } from './translate';
import { say } from './words';
import type { Phrase } from './phrase';

export const english = translatorFromMessages(en as MessagesFile);

/** A phrase in English. */
export const inEnglish = (p: Phrase): string => say(english, p);
