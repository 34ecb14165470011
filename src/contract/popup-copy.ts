/**
 * The popup's copy of its own first render, kept in the extension origin's
 * `localStorage` (not `storage.local`: a page reads localStorage synchronously,
 * without the extension API's first-use cost or a round trip to the browser,
 * so public/popup-copy.js can paint it while the page is still parsing).
 *
 * Written by the popup after it rendered the stored report; removed by
 * whoever changes that report (the service worker after every write, through
 * the offscreen document in Chrome and the background page in Firefox; the
 * popup when a run's report replaces the one it rendered), so a copy on disk
 * is always of the report in storage. The popup still reads storage and
 * renders from it right after: the copy only fills the first frames.
 */

/** The localStorage key (public/popup-copy.js names it as a literal; test/unit/popup-copy-script.test.ts holds the two equal). */
export const POPUP_COPY_KEY = 'wncPopupCopy';

/** A DOM node as JSON: text, or `[tag, attributes, ...children]` (HTML elements only). */
export type CopiedNode = string | [string, Record<string, string>, ...CopiedNode[]];

/** What is stored under POPUP_COPY_KEY (JSON). */
export interface PopupCopy {
  /** This shape's version: public/popup-copy.js paints only the one it knows. */
  schema: 1;
  /** The popup's entry module (its URL holds the build's hash): another build renders differently. */
  build: string;
  /**
   * The language its words are in, as popup.css's `--messages-lang` says:
   * both browsers put the `popup_html_lang` message there (extensions' CSS
   * gets `__MSG_…__` substituted; measured: `'de'` in Chromium under
   * `--lang=de`, `"en"` in Firefox ESR).
   */
  lang: string;
  /** The page's `lang` attribute when it was rendered (i18n.ts setDocumentLanguage). */
  htmlLang: string;
  /** The rendered report's `startedAt`, or null for "no check has run yet". */
  reportStartedAt: string | null;
  /** `#app`'s children. */
  nodes: CopiedNode[];
}

/**
 * Removes the copy from the extension origin's localStorage, which `storage`
 * returns (a getter: reading `localStorage` itself throws where storage is
 * disabled). Never throws: without storage there is nothing to remove.
 */
export function removePopupCopy(storage: () => { removeItem(key: string): void } | undefined): void {
  try {
    storage()?.removeItem(POPUP_COPY_KEY);
  } catch {
    // Storage disabled: no copy can exist either.
  }
}
