import browser from 'webextension-polyfill';
import type { Translate } from '../../src/i18n/translate';

/** Every visible string of the extension pages comes from _locales through here. */
export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions?.map(String)) || `[${key}]`;

/** The page's language follows the UI language, so screen readers pronounce it right. */
export function setDocumentLanguage(): void {
  // `@@ui_locale` is the locale the messages came from; getUILanguage() was
  // seen to say en-US under `--lang=de` while the messages were German.
  const locale = browser.i18n.getMessage('@@ui_locale') || browser.i18n.getUILanguage();
  document.documentElement.lang = locale.replace('_', '-');
}
