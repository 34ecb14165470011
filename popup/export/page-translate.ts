import { ext as browser } from '../shared/ext';
import type { Translate } from '../../src/i18n/translate';

/** The browser's own translation, as the pure renderers expect it. */
export const pageTranslate: Translate = (key, substitutions = []) =>
  browser.i18n.getMessage(key, substitutions.map(String)) || `[${key}]`;
