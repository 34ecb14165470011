import type { NetObservation } from '../../src/evidence';

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
  const filter: chrome.webRequest.RequestFilter = { urls: ['<all_urls>'], tabId: -1 };
  // Observe only: every listener returns undefined, nothing is blocked or changed.
  chrome.webRequest.onBeforeRequest.addListener((d) => {
    notify(d.url, {});
    return undefined;
  }, filter);
  chrome.webRequest.onHeadersReceived.addListener((d) => {
    notify(d.url, { statusCode: d.statusCode });
    return undefined;
  }, filter);
  chrome.webRequest.onResponseStarted.addListener((d) => notify(d.url, { remoteIp: d.ip ?? null }), filter);
  chrome.webRequest.onErrorOccurred.addListener((d) => notify(d.url, { netError: d.error }), filter);
  chrome.webRequest.onAuthRequired.addListener((d) => {
    if (d.isProxy) notify(d.url, { proxyAuthRequired: true, statusCode: d.statusCode });
    return undefined;
  }, filter);
}

export function watchRequest(url: string): RequestWatch {
  install();
  const state: NetObservation = { observed: false, netError: null, statusCode: null, proxyAuthRequired: false, remoteIp: null };
  const key = keyOf(url);
  const listener: Listener = (o) => {
    state.observed = true;
    // Keep the first error: an abort we cause after a real failure must not hide it.
    if (o.netError && !state.netError) state.netError = o.netError;
    if (o.statusCode !== undefined && o.statusCode !== null) state.statusCode = o.statusCode;
    if (o.proxyAuthRequired) state.proxyAuthRequired = true;
    if (o.remoteIp) state.remoteIp = o.remoteIp;
  };
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
