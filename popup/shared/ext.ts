/**
 * Extension pages call Chrome's promise-returning `chrome.*` directly
 * (Chrome >= 116 per the manifest; Firefox's MV3 `chrome` namespace returns
 * promises too). The webextension-polyfill would cost the popup 2.8 KB of its
 * 25 KB gzipped budget; the service worker and offscreen document keep it.
 */
export const ext = chrome;
