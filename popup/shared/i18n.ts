import { browser } from './browser';
import type { Translate } from '../../src/i18n/translate';

/** Every visible string of the extension pages comes from _locales through here. */
export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions?.map(String)) || `[${key}]`;

/** The page's language follows the UI language, so screen readers pronounce it right. */
export function setDocumentLanguage(): void {
  // The language the messages came from: under `--lang=de` both
  // getUILanguage() and `@@ui_locale` were seen to say en-US while every
  // message was German, so each locale file names itself.
  document.documentElement.lang = browser.i18n.getMessage('popup_html_lang') || browser.i18n.getUILanguage();
}
