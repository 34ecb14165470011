/**
 * The extension API in popup/ (popup, options page, printable report): the one
 * `browser` every page module imports, from here only (ESLint refuses the
 * `chrome` global and the polyfill elsewhere in popup/).
 *
 * It is Chrome's own promise-returning `chrome` (Chrome >= 116 per the
 * manifest; Firefox's MV3 `chrome` returns promises too), not the
 * webextension-polyfill that background/browser.ts uses: the polyfill would cost
 * the popup 2.8 KB of its 25 KB gzipped budget, and pages register no message
 * listener that returns a promise, the one thing the polyfill is needed for.
 */
export const browser = chrome;

/** A runtime port (the `progress` port of src/contract/progress.ts). */
export type Port = chrome.runtime.Port;
/** One changed key in a `storage.onChanged` event. */
export type StorageChange = chrome.storage.StorageChange;
