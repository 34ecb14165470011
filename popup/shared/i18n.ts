import { browser } from './browser';
import type { Translate } from '../../src/i18n/translate';

/** Chrome's `getMessage` takes at most 9 substitutions ($1..$9) and throws on more. */
const MAX_SUBSTITUTIONS = 9;

/**
 * Every visible string of the extension pages comes from _locales through here.
 * A key from a report file may be one this version lacks (shown as `[key]`,
 * like a missing message) with any number of parameters: never a throw.
 */
export const t: Translate = (key, substitutions) => {
  try {
    return browser.i18n.getMessage(key, substitutions?.slice(0, MAX_SUBSTITUTIONS).map(String)) || `[${key}]`;
  } catch {
    return `[${key}]`;
  }
};

/** The page's language follows the UI language, so screen readers pronounce it right. */
export function setDocumentLanguage(): void {
  // The language the messages came from: under `--lang=de` both
  // getUILanguage() and `@@ui_locale` were seen to say en-US while every
  // message was German, so each locale file names itself.
  document.documentElement.lang = browser.i18n.getMessage('popup_html_lang') || browser.i18n.getUILanguage();
}
