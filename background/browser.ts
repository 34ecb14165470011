/**
 * The extension API in background/ (service worker, offscreen document,
 * Firefox's event page): the one `browser` every module there imports, from
 * here only (ESLint refuses `chrome` and a direct `webextension-polyfill`
 * import elsewhere in background/).
 *
 * It is webextension-polyfill's `browser`: Firefox's own, or Chrome's `chrome`
 * wrapped so that every call returns a promise and a message listener may
 * return one (sw.ts and offscreen.ts rely on that; Chrome's own `chrome` would
 * drop the reply). Namespaces the polyfill does not know it hands through
 * untouched; their types come from @types/chrome below. They exist only in
 * Chrome, `enterprise` only on ChromeOS for a force-installed extension.
 */
import polyfill from 'webextension-polyfill';

export type { Runtime, WebRequest } from 'webextension-polyfill';

/** Chrome-only namespaces and members the polyfill's types leave out (its types follow Firefox's schema). */
interface ChromeOnly {
  /** Finding the offscreen document: Chrome's context types include OFFSCREEN_DOCUMENT. */
  runtime: Omit<typeof polyfill.runtime, 'getContexts'> & Pick<typeof chrome.runtime, 'getContexts' | 'ContextType'>;
  /** The offscreen document that runs WebRTC in Chrome (background/platform/offscreen-document.ts). */
  offscreen: typeof chrome.offscreen;
  /** ChromeOS device facts; absent elsewhere. Callback-style: device-facts.ts types what it calls. */
  enterprise?: unknown;
}

export const browser = polyfill as Omit<typeof polyfill, 'runtime'> & ChromeOnly;
