import { browser, type WebRequest } from '../browser';
import type { NetObservation } from '../../src/checks/evidence';
import { emptyObservation, fold, observe } from '../../src/checks/web-request-observation';

/**
 * fetch() and WebSocket say only "failed"; chrome.webRequest says why
 * (`net::ERR_CONNECTION_REFUSED`, a 407 from a proxy ...). A watch collects
 * those events for one URL while its probe runs. Events are only delivered
 * for URLs the extension has host permission for: without it the watch stays
 * `observed: false` and the check says it could not see the reason.
 */
export interface RequestWatch {
  observation(): NetObservation;
  stop(): void;
}

type Listener = (o: Partial<NetObservation>) => void;
const watchers = new Map<string, Set<Listener>>();
let installed = false;

/** webRequest reports normalized URLs (`https://h` -> `https://h/`); key by the same form. */
function keyOf(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

function notify(url: string, o: Partial<NetObservation>): void {
  for (const listener of watchers.get(keyOf(url)) ?? []) listener(o);
}

function install(): void {
  if (installed) return;
  installed = true;
  const filter: WebRequest.RequestFilter = { urls: ['<all_urls>'], tabId: -1 };
  // Observe only: every listener returns undefined, nothing is blocked or changed.
  browser.webRequest.onBeforeRequest.addListener((d) => {
    notify(d.url, observe('onBeforeRequest', {}));
    return undefined;
  }, filter);
  browser.webRequest.onHeadersReceived.addListener((d) => {
    notify(d.url, observe('onHeadersReceived', d));
    return undefined;
  }, filter);
  browser.webRequest.onResponseStarted.addListener((d) => notify(d.url, observe('onResponseStarted', d)), filter);
  browser.webRequest.onErrorOccurred.addListener((d) => notify(d.url, observe('onErrorOccurred', d)), filter);
  browser.webRequest.onAuthRequired.addListener((d) => {
    notify(d.url, observe('onAuthRequired', d));
    return undefined;
  }, filter);
}

// Listen from the moment the worker starts, not from the first probe: a listener
// added just before a fetch() can miss that fetch's first events (measured in the
// lab: onSendHeaders and onHeadersReceived lost, onResponseStarted kept), and a
// run's first HTTPS check then passes without its status.
if (browser.webRequest) install();

export function watchRequest(url: string): RequestWatch {
  install();
  const state = emptyObservation();
  const key = keyOf(url);
  const listener: Listener = (o) => fold(state, o);
  const set = watchers.get(key) ?? new Set<Listener>();
  set.add(listener);
  watchers.set(key, set);
  return {
    observation: () => ({ ...state }),
    stop() {
      set.delete(listener);
      if (set.size === 0) watchers.delete(key);
    },
  };
}
