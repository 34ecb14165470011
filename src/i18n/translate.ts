/**
 * Every user-visible string goes through a `Translate`. Pages pass
 * `chrome.i18n.getMessage`; pure code (renderers, tests) takes it as a
 * parameter, so it never calls `chrome.*` and tests can use a locale file.
 * Keys are typed (src/i18n/message-keys.ts, generated from the English
 * messages file), so `tsc` catches a missing or misspelt key. Sentences the
 * core produces are phrases (src/i18n/phrase.ts), rendered by src/i18n/words.ts.
 */
import type { MessageKey } from './message-keys';
import { ownEntry } from './own';

export type { MessageKey } from './message-keys';
export type Translate = (key: MessageKey, substitutions?: readonly (string | number)[]) => string;

/** One entry of a `_locales/<lang>/messages.json` file. */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type MessagesFile = Record<string, MessageEntry>;

/**
 * Chrome's substitution rules for a messages file, for tests and for code that
 * renders in another language than the browser's: `$name$` placeholders whose
 * content is `$1`..`$9`, and `$$` for a dollar sign. A missing key gives the
 * key itself in brackets, so it shows up in a screenshot rather than vanishing.
 */
export function translatorFromMessages(messages: MessagesFile): Translate {
  return (key: string, substitutions: readonly (string | number)[] = []) => {
    // A key read from a file may be `constructor` or `__proto__`: own entries only.
    const entry = ownEntry(messages, key);
    if (!entry) return `[${key}]`;
    const positional = (content: string) => content.replace(/\$(\d)/g, (_m, n: string) => String(substitutions[Number(n) - 1] ?? ''));
    return entry.message
      .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
        const placeholder = entry.placeholders ? ownEntry(entry.placeholders, name.toLowerCase()) : undefined;
        return placeholder ? positional(placeholder.content) : whole;
      })
      .replace(/\$\$/g, '$');
  };
}
